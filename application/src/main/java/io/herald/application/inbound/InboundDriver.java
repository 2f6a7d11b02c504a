package io.herald.application.inbound;

import io.herald.application.port.in.DrainInboundEventsUseCase;
import io.herald.application.port.in.ProcessInboundEventUseCase;
import io.herald.application.port.in.ProcessInboundEventUseCase.Turn;
import io.herald.application.port.in.ProcessInboundEventUseCase.TurnFailed;
import io.herald.application.support.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Drives inbound processing: turn after turn (each a transaction over a few lanes) while events are due and
 * lanes are free. Several threads and instances drive at once, each taking lanes the others do not hold. A turn
 * that fails is processed again one event at a time, so one event that cannot be processed does not hold back
 * the others; it has its attempt counted and is retried with backoff (see {@link ProcessInboundEventUseCase}).
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
    public void drainPending(Runnable backlogged) {
        while (!Thread.currentThread().isInterrupted()) {
            Turn turn;
            try {
                turn = processing.processPending(chunk);
            } catch (TurnFailed failed) {
                if (processOneByOne(failed.lanes(), failed.getCause()) == 0) {
                    return;
                }
                continue;
            } catch (RuntimeException failure) {
                if (processOneByOne(List.of(), failure) == 0) {
                    return;
                }
                continue;
            }
            if (turn.processed() >= chunk) {
                backlogged.run();
            }
            // Nothing processed: what is due sits in lanes other turns hold; they go on with it.
            if (turn.processed() == 0 || !turn.moreDue()) {
                return;
            }
        }
    }

    /** Returns how many events were processed or had their attempt counted. */
    private int processOneByOne(List<Integer> lanes, Throwable turnFailure) {
        List<Long> ids = processing.pendingIds(lanes, chunk);
        LOG.warn("Processing {} inbound events together failed ({}); processing them one by one", ids.size(), LogSafe.describe(turnFailure));
        int done = 0;
        for (long id : ids) {
            try {
                done += processing.process(List.of(id));
            } catch (RuntimeException failure) {
                LOG.warn("Inbound event {} could not be processed: {}", id, LogSafe.describe(failure));
                processing.recordFailedAttempt(id, failure.toString());
                done++;
            }
        }
        return done;
    }
}
