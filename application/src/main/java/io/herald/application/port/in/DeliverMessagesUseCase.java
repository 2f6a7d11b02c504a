package io.herald.application.port.in;

import io.herald.domain.message.MessageId;

import java.util.List;

/**
 * Runs the delivery pipeline of messages (durable work): load the profile, map the template, route, render,
 * hand to providers, record what they say. Running it again for a message changes nothing already done.
 */
public interface DeliverMessagesUseCase {

    /**
     * Moves the messages as far as they go now. What has more to do later (a delay, a provider retry, an escalation
     * check) is scheduled as durable work in the same transaction as the step that found it.
     */
    void deliver(List<MessageId> messageIds);

    /**
     * One turn of the delivery queue: takes up to {@code limit} due looks and moves their messages, in one
     * transaction, then makes the provider calls the turn asked for. A turn that fails is taken again one message at a
     * time, and a message that still fails is looked at again after a backoff. Returns how many looks were taken
     * (fewer than {@code limit}: nothing more is due that another turn does not hold).
     */
    int deliverDue(int limit);
}
