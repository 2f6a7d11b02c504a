package io.herald.persistence.durable;

import io.herald.application.port.out.Clock;
import io.herald.application.port.out.DurableScheduler;
import jakarta.inject.Singleton;

import java.util.List;

@Singleton
class DbSchedulerDurableScheduler implements DurableScheduler {

    private final DurableWork work;
    private final Clock clock;

    DbSchedulerDurableScheduler(DurableWork work, Clock clock) {
        this.work = work;
        this.clock = clock;
    }

    @Override
    public void processInboundEvents(List<Long> inboundEventIds) {
        // Each event belongs to one batch only, so the first id names the batch uniquely.
        String instanceId = Long.toString(inboundEventIds.get(0));
        work.schedule(work.tasks().processInboundEvents().instance(instanceId, new DurableTasks.InboundBatch(inboundEventIds)),
                clock.now());
    }
}
