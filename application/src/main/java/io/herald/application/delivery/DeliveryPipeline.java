package io.herald.application.delivery;

import io.herald.application.port.out.ChannelSender;
import io.herald.domain.delivery.DeliveryResult;
import io.herald.domain.message.MessageId;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The transactional steps of delivery. Each call locks the messages, moves them as far as they can go without
 * waiting on the network, and returns the provider calls to make between transactions, and when each message
 * needs attention again. {@link DeliveryService} alternates them with the provider calls.
 */
public interface DeliveryPipeline {

    Progress advance(List<MessageId> messageIds);

    Progress record(List<CallResult> results);

    /** A call to a remote provider, recorded as in flight before it is made. */
    record RemoteCall(MessageId messageId, String leafId, String provider, int attempt, ChannelSender.Delivery delivery) {
    }

    record CallResult(RemoteCall call, DeliveryResult result, Instant finishedAt) {
    }

    record Progress(List<RemoteCall> calls, Map<MessageId, Instant> later) {
    }
}
