package io.herald.application.port.out;

import java.util.List;

/**
 * Work that must happen after the current transaction commits, even if Herald stops right after:
 * it is stored with the transaction and run by whichever Herald instance picks it up first.
 */
public interface DurableScheduler {

    /** Processes the given inbound events, in order, as soon as possible. */
    void processInboundEvents(List<Long> inboundEventIds);
}
