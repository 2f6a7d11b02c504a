package io.herald.application.port.out;

import io.herald.application.port.Page;
import io.herald.application.port.in.RedriveUseCase;
import io.herald.domain.inbound.InboundEventStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every inbound event Herald acknowledged, with what became of it. Appending is idempotent on the
 * event's {@code messageId}.
 */
public interface InboundEventLog {

    /** Appends the events whose messageId is new; returns the ids given to those, in input order. */
    List<Long> appendNew(List<NewInboundEvent> events);

    /**
     * Takes the processing turn for the current transaction: true when no other transaction, on any Herald
     * instance, is processing inbound events. One turn at a time keeps each user's events in order.
     */
    boolean tryTakeProcessingTurn();

    /** The oldest pending events whose next attempt is due, locked for the current transaction. */
    List<InboundEventRecord> lockPending(int limit, Instant now);

    /** The ids of the oldest pending events whose next attempt is due. */
    List<Long> pendingIds(int limit, Instant now);

    /**
     * Locks those of the given events that are still unprocessed, for the current transaction, in id order;
     * events processed already are left out.
     */
    List<InboundEventRecord> lockUnprocessed(List<Long> ids);

    void recordOutcomes(List<Outcome> outcomes);

    /** Counts a failed attempt; the event stays pending, not to be tried again before {@code nextAttemptAt}. */
    void recordFailedAttempt(long id, String error, Instant nextAttemptAt);

    /**
     * Puts up to {@code limit} FAILED events received within the window (of {@code type}, when given) back to be
     * processed, due at {@code now}; returns how many.
     */
    int redriveFailed(RedriveUseCase.Window received, Optional<String> type, Instant now, int limit);

    Page<InboundEventRecord> list(Optional<InboundEventStatus> status, Optional<String> cursor, int limit);

    Optional<InboundEventRecord> find(long id);

    record Outcome(long id, InboundEventStatus status, List<String> messageIds, List<String> automationRunIds,
                   String error, Instant processedAt) {
    }

    record NewInboundEvent(String messageId, String source, String type, String name, String userId,
                           Map<String, Object> payload, Instant receivedAt) {
    }

    record InboundEventRecord(long id, String messageId, String source, String type, String name, String userId,
                              Map<String, Object> payload, InboundEventStatus status, Instant receivedAt,
                              Instant processedAt, List<String> messageIds, List<String> automationRunIds,
                              String error, int attempts) {
    }
}
