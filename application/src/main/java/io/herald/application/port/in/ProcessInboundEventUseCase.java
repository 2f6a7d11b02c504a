package io.herald.application.port.in;

import java.util.List;

/**
 * Applies acknowledged inbound events, oldest first: profiles, tenants, last activity, and whatever is mapped
 * to them. Runs as durable work; processing an event twice has no further effect.
 */
public interface ProcessInboundEventUseCase {

    /**
     * Processes up to {@code limit} pending events together (one transaction).
     *
     * @return how many; 0 when none is due or another transaction is processing inbound events
     */
    int processPending(int limit);

    /** The ids {@link #processPending} would take next, for processing them one by one after it failed. */
    List<Long> pendingIds(int limit);

    /** Processes the given events, if still pending, in one transaction. */
    void process(List<Long> inboundEventIds);

    /** An attempt at the event failed: it is retried later with backoff, and ends FAILED after too many attempts. */
    void recordFailedAttempt(long inboundEventId, String reason);
}
