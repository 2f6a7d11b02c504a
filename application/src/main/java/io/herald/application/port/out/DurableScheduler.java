package io.herald.application.port.out;

import io.herald.domain.automation.AutomationRunId;
import io.herald.domain.message.MessageId;

import java.time.Instant;
import java.util.List;

/**
 * Work that must happen after the current transaction commits, even if Herald stops right after:
 * it is stored with the transaction and run by whichever Herald instance picks it up first.
 */
public interface DurableScheduler {

    /**
     * New inbound events were stored in the current transaction; once it commits, the inbound drain should
     * run soon. The events themselves are the durable record of the work: nothing is lost without this call.
     */
    void inboundEventsStored();

    /** Runs the delivery pipeline of these messages at {@code at} (now, or later for a delay, a retry, a timeout). */
    void deliver(List<MessageId> messages, Instant at);

    /**
     * Wakes the automation run at {@code at} to go on from {@code step} (its first step, or the delay it waits in).
     * A wake-up that comes twice, or for a step the run has left, changes nothing.
     */
    void advanceAutomationRun(AutomationRunId run, int step, Instant at);
}
