package io.herald.bootstrap.support;

import io.herald.application.port.out.DurableScheduler;
import io.herald.application.port.out.DurableScheduler.ListPage;
import io.herald.domain.automation.AutomationRunId;
import io.herald.domain.message.MessageId;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;

/** Stands in for the job table when a test needs scheduling to fail (property {@code herald.test.fail-scheduling}). */
@Singleton
@Replaces(DurableScheduler.class)
@Requires(property = "herald.test.fail-scheduling", value = "true")
public class FailingDurableScheduler implements DurableScheduler {

    @Override
    public void inboundEventsStored() {
        throw new IllegalStateException("the job table is unavailable");
    }

    @Override
    public void deliver(List<MessageId> messages, Instant at) {
        throw new IllegalStateException("the job table is unavailable");
    }

    @Override
    public void advanceAutomationRun(AutomationRunId run, int step, Instant at) {
        throw new IllegalStateException("the job table is unavailable");
    }

    @Override
    public void expandList(ListPage page, Instant at) {
        throw new IllegalStateException("the job table is unavailable");
    }

    @Override
    public void runBulkPage(String jobId, long afterSeq, Instant at) {
        throw new IllegalStateException("the job table is unavailable");
    }
}
