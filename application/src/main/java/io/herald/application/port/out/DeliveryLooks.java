package io.herald.application.port.out;

import io.herald.domain.delivery.Backoff;
import io.herald.domain.message.MessageId;

import java.time.Instant;
import java.util.List;

/**
 * The delivery pipeline's queue: when each message is to be looked at next (now, after a delay, at a retry, at the
 * end of an in-flight lease), as {@link DurableScheduler#deliver} stored it. Looks are taken by the transaction that
 * performs them and are gone when it commits; if it does not, they are due again, so a look is never lost.
 */
public interface DeliveryLooks {

    /**
     * Takes, for the current transaction, up to {@code limit} looks due at {@code now}, oldest first, with their
     * messages locked; looks whose row or message another transaction holds are skipped.
     */
    Taken takeDue(Instant now, int limit);

    /** As {@link #takeDue(Instant, int)}, for the due looks of one message only. */
    Taken takeDue(MessageId message, Instant now);

    /**
     * The due looks of this message failed: they become one look after a backoff that grows with each failure in a
     * row. Returns how many there have been.
     */
    int postpone(MessageId message, Instant now, Backoff backoff);

    /**
     * @param messages the distinct messages of the looks taken, in due order
     * @param looks    how many looks were taken (a message may have had several due)
     */
    record Taken(List<MessageId> messages, int looks) {

        public static final Taken NONE = new Taken(List.of(), 0);
    }
}
