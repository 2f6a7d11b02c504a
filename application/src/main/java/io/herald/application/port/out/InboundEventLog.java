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
     * How many lanes the log divides pending events into. All events of one user are in one lane (an event that
     * names no user gets a lane of its own choosing), and a lane's events are processed in id order by one
     * transaction at a time, so each user's events are applied in the order they were acknowledged while
     * different lanes are processed in parallel, by any thread of any instance.
     */
    int LANES = 16;

    /**
     * Takes the turn of up to {@code max} lanes that have events due, for the current transaction, trying them in
     * lane order starting at {@code startingAt} (mod {@link #LANES}); lanes whose turn another transaction holds
     * are skipped.
     */
    LaneTurn takeDueLanes(int max, int startingAt, Instant now);

    /**
     * Takes, for the current transaction, the turn of the lanes the given events are in; false when another
     * transaction holds one of them.
     */
    boolean tryTakeLanesOf(List<Long> ids);

    /** Takes, for the current transaction, the turn of the lane of {@code userId}'s events; false when it is held. */
    boolean tryTakeLaneOf(String userId);

    /**
     * The oldest due pending events of the given lanes, locked for the current transaction, in id order: at most
     * {@code limit}, which the lanes share evenly (so a turn of a few busy lanes reads no more than it takes).
     */
    Pending lockPending(List<Integer> lanes, int limit, Instant now);

    /** {@code userId}'s due pending events older than {@code beforeId}, locked; the caller holds their lane's turn. */
    List<InboundEventRecord> lockPendingOf(String userId, long beforeId, Instant now);

    /** The ids of the oldest pending events whose next attempt is due, in the given lanes (any, when none is given). */
    List<Long> pendingIds(List<Integer> lanes, int limit, Instant now);

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

    /**
     * One user's events among the {@code among} received last, newest first: a bounded look back (no index by user,
     * which every ingested event would pay for), for the console's user page.
     */
    List<InboundEventRecord> recentOf(String userId, int among, int limit);

    Optional<InboundEventRecord> find(long id);

    /**
     * Events a turn locked, and whether one of its lanes may have more due: it filled its share of the limit.
     */
    record Pending(List<InboundEventRecord> events, boolean moreDue) {

        public Pending {
            events = List.copyOf(events);
        }
    }

    /** The lanes a transaction took, and how many had events due when it looked (reported when it took any). */
    record LaneTurn(List<Integer> taken, int due) {

        public LaneTurn {
            taken = List.copyOf(taken);
        }
    }

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
