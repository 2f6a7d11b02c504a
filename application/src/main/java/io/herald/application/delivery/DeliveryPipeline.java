package io.herald.application.delivery;

import io.herald.application.port.out.ChannelSender;
import io.herald.domain.delivery.DeliveryResult;
import io.herald.domain.message.MessageId;

import java.time.Instant;
import java.util.List;

/**
 * The transactional steps of delivery. Each call locks the messages, moves them as far as they can go without
 * waiting on the network, schedules (in the same transaction) when each message needs attention again, and
 * returns the provider calls to make between transactions. {@link DeliveryDriver} alternates them with the calls.
 */
public interface DeliveryPipeline {

    Progress advance(List<MessageId> messageIds);

    Progress record(List<CallResult> results);

    /** A call to a remote provider, recorded as in flight before it is made. */
    record RemoteCall(MessageId messageId, String leafId, String provider, int attempt, ChannelSender.Delivery delivery) {
    }

    record CallResult(RemoteCall call, DeliveryResult result, Instant finishedAt) {
    }

    /** The remote calls a step asks for; its follow-ups are already scheduled, in its transaction. */
    record Progress(List<RemoteCall> calls) {
    }
}
