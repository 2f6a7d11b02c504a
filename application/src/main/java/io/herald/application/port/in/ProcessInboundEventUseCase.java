package io.herald.application.port.in;

import java.util.List;

/**
 * Applies acknowledged inbound events, oldest first within each lane (a user's events share one): profiles,
 * tenants, last activity, and whatever is mapped to them. Runs as durable work; processing an event twice has
 * no further effect.
 */
public interface ProcessInboundEventUseCase {

    /**
     * One turn (one transaction): up to {@code limit} pending events of the lanes with work that no other
     * transaction is processing.
     */
    Turn processPending(int limit);

    /**
     * The ids of the oldest pending events of the given lanes (any lane when none is given), for processing them
     * one by one after a turn failed.
     */
    List<Long> pendingIds(List<Integer> lanes, int limit);

    /**
     * Processes the given events, if still pending and their lanes are free, in one transaction.
     *
     * @return how many were processed
     */
    int process(List<Long> inboundEventIds);

    /** An attempt at the event failed: it is retried later with backoff, and ends FAILED after too many attempts. */
    void recordFailedAttempt(long inboundEventId, String reason);

    /**
     * What a turn did: how many events it processed, and whether more are due now (the turn was full, or lanes
     * with work were left for the next turn).
     */
    record Turn(int processed, boolean moreDue) {

        public static final Turn NOTHING = new Turn(0, false);
    }

    /** A turn failed and was rolled back; these were its lanes. */
    final class TurnFailed extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final List<Integer> lanes;

        public TurnFailed(List<Integer> lanes, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.lanes = List.copyOf(lanes);
        }

        public List<Integer> lanes() {
            return lanes;
        }
    }
}
