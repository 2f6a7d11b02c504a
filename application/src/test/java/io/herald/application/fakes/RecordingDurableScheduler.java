package io.herald.application.fakes;

import io.herald.application.port.out.DurableScheduler;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the work services schedule, so a test can run it when it chooses. */
public final class RecordingDurableScheduler implements DurableScheduler {

    private final List<List<Long>> inboundBatches = new CopyOnWriteArrayList<>();

    @Override
    public void processInboundEvents(List<Long> inboundEventIds) {
        inboundBatches.add(List.copyOf(inboundEventIds));
    }

    public List<List<Long>> inboundBatches() {
        return inboundBatches;
    }
}
