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

import java.util.ArrayList;
import java.util.List;
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
    /** Wakes the first thread: work was stored. */
    private final Semaphore stored = new Semaphore(0);
    /** Wakes the others: a turn came back full. */
    private final Semaphore backlog = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    DeliveryTurns(DeliverMessagesUseCase delivery, SchedulerSettings settings) {
        this.delivery = delivery;
        this.settings = settings;
    }

    @Override
    public synchronized void onApplicationEvent(StartupEvent event) {
        if (!settings.enabled() || running) {
            return;
        }
        running = true;
        for (int i = 0; i < settings.deliveryThreads(); i++) {
            Semaphore wakeUps = i == 0 ? stored : backlog;
            Thread thread = new Thread(() -> run(wakeUps), "herald-delivery-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    @EventListener
    public void workScheduled(DurableWorkScheduled event) {
        wakeUp(stored);
    }

    /** Takes turns now rather than at the next poll (tests use it after moving the clock). */
    void lookNow() {
        wakeUp(stored);
    }

    /** Permits do not pile up: one wake-up stands for any number of commits before the thread looks. */
    private static void wakeUp(Semaphore wakeUps) {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    private void run(Semaphore wakeUps) {
        long idleMillis = settings.pollingInterval().toMillis();
        while (running) {
            try {
                // The first thread also looks at each interval, for work come due or stored by other instances.
                if (wakeUps.tryAcquire(idleMillis, TimeUnit.MILLISECONDS) || wakeUps == stored) {
                    takeTurns();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Delivery: due messages could not be taken now ({}); trying again in {} ms", LogSafe.describe(e), idleMillis);
                sleepQuietly(idleMillis);
            }
        }
    }

    private void takeTurns() {
        while (running && delivery.deliverDue(TURN) >= TURN) {
            wakeUp(backlog);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    synchronized void stop() throws InterruptedException {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }
}
