package io.herald.persistence.durable;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import io.herald.application.port.out.Clock;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * This instance's db-scheduler runner: it runs due work on its threads (when {@code herald.scheduler.enabled}),
 * sharing the table with every other Herald instance (looks at messages run from their own queue, {@link DeliveryTurns}). Work is stored through {@link DbSchedulerDurableScheduler};
 * this only runs it, looking as soon as work stored here commits rather than at the next poll.
 */
@Singleton
@Requires(beans = DurableTasks.class)
public class DurableWork implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DurableWork.class);
    private static final Duration WAKE_UP_COALESCING = Duration.ofMillis(5);

    private final Scheduler scheduler;
    private final DeliveryTurns deliveryTurns;
    private final SchedulerSettings settings;
    private final ScheduledExecutorService waker;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private volatile boolean started;

    DurableWork(DataSource dataSource, ConnectionOperations<Connection> connections, DurableTasks tasks,
                DeliveryTurns deliveryTurns, SchedulerSettings settings, Clock clock) {
        this.deliveryTurns = deliveryTurns;
        this.settings = settings;
        // Micronaut's DataSource bean only lends the connection of the current transaction; db-scheduler polls
        // outside any transaction, so it gets the pool itself, wrapped to join a transaction when there is one.
        DataSource pool = DelegatingDataSource.unwrapDataSource(dataSource);
        this.scheduler = Scheduler.create(new TransactionBoundDataSource(pool, connections), tasks.oneTime())
                .startTasks(tasks.recurring())
                .serializer(new JacksonSerializer())
                .clock(clock::now)
                .threads(settings.threads())
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeatInterval())
                .missedHeartbeatsLimit(settings.missedHeartbeatsLimit())
                .shutdownMaxWait(settings.shutdownMaxWait())
                .pollUsingLockAndFetch(0.5, 3.0)
                .build();
        this.waker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "herald-durable-work-waker");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (settings.enabled()) {
            scheduler.start();
            started = true;
            LOG.info("Durable work: running due jobs on {} threads", settings.threads());
        } else {
            LOG.info("Durable work: herald.scheduler.enabled=false, this instance stores jobs but runs none");
        }
    }

    /**
     * Work due now should not wait for the next poll; db-scheduler's own immediate execution would wake the poller
     * inside the storing transaction, before the work is visible, so Herald wakes it after the commit instead. Wake-ups
     * within {@link #WAKE_UP_COALESCING} of each other share one poll, so a busy instance polls a few hundred times a
     * second at most rather than once per commit.
     */
    @EventListener
    public void workScheduled(DurableWorkScheduled event) {
        if (started && wakeUpPending.compareAndSet(false, true)) {
            // Nobody waits for a wake-up: the task reports its own failure instead of leaving it in the future.
            ScheduledFuture<?> unused = waker.schedule(() -> {
                wakeUpPending.set(false);
                try {
                    scheduler.triggerCheckForDueExecutions();
                } catch (RuntimeException e) {
                    LOG.warn("Durable work: could not wake the scheduler; due work waits for the next poll", e);
                }
            }, WAKE_UP_COALESCING.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Runs work that is due now without waiting for the next poll (tests use it after moving the clock). */
    public void runDueWorkNow() {
        scheduler.triggerCheckForDueExecutions();
        deliveryTurns.lookNow();
    }

    @PreDestroy
    void stop() {
        waker.shutdownNow();
        if (started) {
            scheduler.stop();
            started = false;
        }
    }
}
