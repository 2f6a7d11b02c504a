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
}
