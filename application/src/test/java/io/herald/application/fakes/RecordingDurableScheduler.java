package io.herald.application.fakes;

import io.herald.application.port.out.DurableScheduler;

import java.util.concurrent.atomic.AtomicInteger;

/** Records the work services schedule, so a test can run it when it chooses. */
public final class RecordingDurableScheduler implements DurableScheduler {

    private final AtomicInteger inboundSignals = new AtomicInteger();

    @Override
    public void inboundEventsStored() {
        inboundSignals.incrementAndGet();
    }

    public int inboundSignals() {
        return inboundSignals.get();
    }
}
