package io.herald.persistence.durable;

import io.herald.application.port.in.ProcessInboundEventUseCase;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import io.herald.application.support.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Processes acknowledged inbound events. The inbound event log is itself the durable queue (an event stays
 * RECEIVED until processed): this thread takes the oldest pending events in chunks, one transaction per chunk,
 * as soon as an acknowledgement on this instance commits, and at least every second for events acknowledged
 * elsewhere or left by an instance that died. Every instance runs one; a database lock lets one chunk at a time
 * be processed across all of them, which keeps each user's events in order. See ADR 0003 for why this is not
 * a db-scheduler job per acknowledgement.
 */
@Singleton
class InboundDrain implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(InboundDrain.class);
    static final int CHUNK = 500;
    private static final long IDLE_POLL_MILLIS = 1000;

    private final BeanProvider<ProcessInboundEventUseCase> processing;
    private final SchedulerSettings settings;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    InboundDrain(BeanProvider<ProcessInboundEventUseCase> processing, SchedulerSettings settings) {
        this.processing = processing;
        this.settings = settings;
    }

    @Override
    public synchronized void onApplicationEvent(StartupEvent event) {
        if (!settings.isEnabled() || running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "herald-inbound-drain");
        thread.setDaemon(true);
        thread.start();
    }

    /** Called after a transaction that stored events commits. */
    void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    private void run() {
        while (running) {
            try {
                wakeUps.tryAcquire(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                drain();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Inbound events could not be processed now ({}); retrying shortly", LogSafe.describe(e));
                sleepQuietly();
            }
        }
    }

    private void drain() {
        ProcessInboundEventUseCase useCase = processing.get();
        while (running) {
            int processed;
            try {
                processed = useCase.processPending(CHUNK);
            } catch (RuntimeException chunkFailure) {
                processOneByOne(useCase, chunkFailure);
                continue;
            }
            if (processed < CHUNK) {
                return;
            }
        }
    }

    /** One event that cannot be processed must not hold back the others: isolate it, count its attempt. */
    private void processOneByOne(ProcessInboundEventUseCase useCase, RuntimeException chunkFailure) {
        List<Long> ids = useCase.pendingIds(CHUNK);
        LOG.warn("Processing {} inbound events together failed ({}); processing them one by one", ids.size(), LogSafe.describe(chunkFailure));
        for (long id : ids) {
            try {
                useCase.process(List.of(id));
            } catch (RuntimeException failure) {
                LOG.warn("Inbound event {} could not be processed: {}", id, LogSafe.describe(failure));
                useCase.recordFailedAttempt(id, failure.toString());
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(IDLE_POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    synchronized void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }
}
