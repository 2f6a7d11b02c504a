package io.herald.application.port.out;

import io.herald.domain.automation.AutomationRunId;
import io.herald.domain.message.MessageId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** Sends, at {@code at}, the next page of a bulk job's users: those after {@code afterSeq}. */
    void runBulkPage(String jobId, long afterSeq, Instant at);

    /** Creates, at {@code at}, the messages of the next page of a send to a list (see {@link ListPage}). */
    void expandList(ListPage page, Instant at);

    /**
     * One page of a send to a list: the send as it was made ({@code spec}, the public API's JSON), which of its
     * recipients is the list, and the last subscriber already covered. Each page creates its messages and schedules
     * the next, so a list of any size is sent with memory that does not grow with it.
     */
    record ListPage(String requestId, Map<String, Object> spec, int recipient, Optional<String> after) {
    }
}
