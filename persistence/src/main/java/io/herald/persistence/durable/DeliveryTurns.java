package io.herald.persistence.durable;

import io.herald.application.port.in.DeliverMessagesUseCase;
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
 * The trigger of the delivery queue ({@link JdbcDeliveryLooks}, ADR 0014): {@code herald.scheduler.delivery-threads}
 * threads take turns ({@link DeliverMessagesUseCase#deliverDue}) as soon as work stored on this instance commits,
 * and at every polling interval for work due later or stored elsewhere. Turns skip what other turns hold, so the
 * threads of every instance share the queue.
 */
@Singleton
@Requires(beans = DeliverMessagesUseCase.class)
class DeliveryTurns implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryTurns.class);
    /** Looks per turn: one transaction, one commit. */
    static final int TURN = 200;

    private final DeliverMessagesUseCase delivery;
    private final SchedulerSettings settings;
    /**
     * Wakes whichever thread is idle: work was stored, or a turn came back full. Unlike the inbound drain's, a
     * wake-up goes to any thread: a message stored while one thread is in a turn is taken at once by another,
     * rather than after that turn, which is what enqueue-to-sent latency under load is made of.
     */
    private final Semaphore wakeUps = new Semaphore(0);
    private final WorkerThreads workers = new WorkerThreads();

    DeliveryTurns(DeliverMessagesUseCase delivery, SchedulerSettings settings) {
        this.delivery = delivery;
        this.settings = settings;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (settings.enabled()) {
            workers.start("herald-delivery-", settings.deliveryThreads(), i -> () -> run(i == 0));
        }
    }

    @EventListener
    public void workScheduled(DurableWorkScheduled event) {
        wakeUp();
    }

    /** Takes turns now rather than at the next poll (tests use it after moving the clock). */
    void lookNow() {
        wakeUp();
    }

    /** Permits do not pile up: one wake-up stands for any number of commits before a thread looks. */
    private void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** @param polls whether this thread also looks at each polling interval (one per instance does) */
    private void run(boolean polls) {
        long idleMillis = settings.pollingInterval().toMillis();
        while (workers.running()) {
            try {
                // The first thread also looks at each interval, for work come due or stored by other instances.
                if (wakeUps.tryAcquire(idleMillis, TimeUnit.MILLISECONDS) || polls) {
                    takeTurns();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Delivery: due messages could not be taken now ({}); trying again in {} ms", LogSafe.describe(e), idleMillis);
                WorkerThreads.pause(idleMillis);
            }
        }
    }

    private void takeTurns() {
        while (workers.running() && delivery.deliverDue(TURN) >= TURN) {
            wakeUp();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        workers.stop();
    }
}
