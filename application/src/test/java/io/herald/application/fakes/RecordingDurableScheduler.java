package io.herald.application.fakes;

import io.herald.application.port.out.DurableScheduler;
import io.herald.application.port.out.DurableScheduler.ListPage;
import io.herald.domain.automation.AutomationRunId;
import io.herald.domain.message.MessageId;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records the work services schedule, so a test can run it when it chooses. */
public final class RecordingDurableScheduler implements DurableScheduler {

    private final AtomicInteger inboundSignals = new AtomicInteger();
    private final List<Scheduled> deliveries = new CopyOnWriteArrayList<>();

    private final List<WakeUp> wakeUps = new CopyOnWriteArrayList<>();
    private final List<ListPage> listPages = new CopyOnWriteArrayList<>();

    public record Scheduled(List<MessageId> messages, Instant at) {
    }

    public record WakeUp(AutomationRunId run, int step, Instant at) {
    }

    @Override
    public void inboundEventsStored() {
        inboundSignals.incrementAndGet();
    }

    @Override
    public void deliver(List<MessageId> messages, Instant at) {
        deliveries.add(new Scheduled(List.copyOf(messages), at));
    }

    @Override
    public void advanceAutomationRun(AutomationRunId run, int step, Instant at) {
        wakeUps.add(new WakeUp(run, step, at));
    }

    @Override
    public void expandList(ListPage page, Instant at) {
        listPages.add(page);
    }

    /** A bulk job's next page, as scheduled. */
    public record BulkPage(String jobId, long afterSeq, Instant at) {
    }

    private final List<BulkPage> bulkPages = new CopyOnWriteArrayList<>();

    @Override
    public void runBulkPage(String jobId, long afterSeq, Instant at) {
        bulkPages.add(new BulkPage(jobId, afterSeq, at));
    }

    public List<BulkPage> bulkPages() {
        return bulkPages;
    }

    public List<ListPage> listPages() {
        return listPages;
    }

    public int inboundSignals() {
        return inboundSignals.get();
    }

    public List<Scheduled> deliveries() {
        return deliveries;
    }

    public List<WakeUp> wakeUps() {
        return wakeUps;
    }
}
