package io.herald.application.port.in;

import io.herald.domain.message.MessageId;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Runs the delivery pipeline of messages (durable work): load the profile, map the template, route, render,
 * hand to providers, record what they say. Running it again for a message changes nothing already done.
 */
public interface DeliverMessagesUseCase {

    /**
     * @return for each message that has more to do later (a delay, a provider retry, an escalation check), when
     */
    Map<MessageId, Instant> deliver(List<MessageId> messageIds);
}
