package io.herald.application.inbound;

import io.herald.application.port.in.DrainInboundEventsUseCase;
import io.herald.application.port.in.ProcessInboundEventUseCase;
import io.herald.application.support.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Drives inbound processing: pending events are processed in chunks, one transaction per chunk. A chunk that
 * fails is processed again one event at a time, so one event that cannot be processed does not hold back the
 * others; it has its attempt counted and is retried with backoff (see {@link ProcessInboundEventUseCase}).
 */
public final class InboundDriver implements DrainInboundEventsUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(InboundDriver.class);

    private final ProcessInboundEventUseCase processing;
    private final int chunk;

    public InboundDriver(ProcessInboundEventUseCase processing, int chunk) {
        this.processing = processing;
        this.chunk = chunk;
    }

    @Override
    public void drainPending() {
        while (!Thread.currentThread().isInterrupted()) {
            int processed;
            try {
                processed = processing.processPending(chunk);
            } catch (RuntimeException chunkFailure) {
                processOneByOne(chunkFailure);
                continue;
            }
            if (processed < chunk) {
                return;
            }
        }
    }

    private void processOneByOne(RuntimeException chunkFailure) {
        List<Long> ids = processing.pendingIds(chunk);
        LOG.warn("Processing {} inbound events together failed ({}); processing them one by one", ids.size(), LogSafe.describe(chunkFailure));
        for (long id : ids) {
            try {
                processing.process(List.of(id));
            } catch (RuntimeException failure) {
                LOG.warn("Inbound event {} could not be processed: {}", id, LogSafe.describe(failure));
                processing.recordFailedAttempt(id, failure.toString());
            }
        }
    }
}
