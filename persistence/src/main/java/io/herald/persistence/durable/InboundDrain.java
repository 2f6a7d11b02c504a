package io.herald.persistence.durable;

import io.herald.application.port.in.DrainInboundEventsUseCase;
import io.herald.application.support.LogSafe;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The trigger of inbound processing. The inbound event log is itself the durable queue (an event stays RECEIVED
 * until processed): these threads run the drain ({@link DrainInboundEventsUseCase}, turns over a few lanes of
 * pending events, one transaction each) as soon as an acknowledgement on this instance commits, and at least
 * every second for events acknowledged elsewhere or left by an instance that died. Every instance runs
 * {@code herald.scheduler.inbound-threads} of them; a database lock per lane lets one turn at a time process a
 * lane, across all threads and instances, which keeps each user's events in order. See ADR 0003 for why this is
 * not a db-scheduler job per acknowledgement, and ADR 0013 for the lanes.
 */
@Singleton
@Requires(beans = DrainInboundEventsUseCase.class)
class InboundDrain implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(InboundDrain.class);
    private static final long IDLE_POLL_MILLIS = 1000;

    private final DrainInboundEventsUseCase drain;
    private final SchedulerSettings settings;
    /** Wakes the first thread: an acknowledgement committed. */
    private final Semaphore acknowledged = new Semaphore(0);
    /** Wakes the others: a turn came back full, there is a backlog to share. */
    private final Semaphore backlog = new Semaphore(0);
    private final WorkerThreads workers = new WorkerThreads();

    InboundDrain(DrainInboundEventsUseCase drain, SchedulerSettings settings) {
        this.drain = drain;
        this.settings = settings;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (settings.enabled()) {
            workers.start("herald-inbound-drain-", settings.inboundThreads(), i -> {
                Semaphore wakeUps = i == 0 ? acknowledged : backlog;
                return () -> run(wakeUps);
            });
        }
    }

    /** A transaction that stored events committed. */
    @EventListener
    public void eventsStored(InboundEventsStored event) {
        wakeUp(acknowledged);
    }

    /**
     * Wakes one thread (permits do not pile up). Acknowledgements wake the first thread only: without a backlog one
     * turn takes every lane with work, and more threads would only add small transactions competing for the CPU
     * with the acknowledgements. A turn that came back full wakes another thread, and so on, so that a backlog is
     * processed by every thread.
     */
    private static void wakeUp(Semaphore wakeUps) {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    private void run(Semaphore wakeUps) {
        while (workers.running()) {
            try {
                if (wakeUps.tryAcquire(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS) || wakeUps == acknowledged) {
                    drain.drainPending(() -> wakeUp(backlog));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Inbound events could not be processed now ({}); retrying shortly", LogSafe.describe(e));
                WorkerThreads.pause(IDLE_POLL_MILLIS);
            }
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        workers.stop();
    }
}
