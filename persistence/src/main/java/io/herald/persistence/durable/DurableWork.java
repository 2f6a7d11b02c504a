package io.herald.persistence.durable;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import io.herald.application.port.out.Clock;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * This instance's db-scheduler: it stores work in the caller's transaction, runs due work on its threads
 * (when {@code herald.scheduler.enabled}), and shares the table with every other Herald instance.
 */
@Singleton
public class DurableWork implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DurableWork.class);
    private static final Duration WAKE_UP_COALESCING = Duration.ofMillis(5);

    private final Scheduler scheduler;
    private final SchedulerSettings settings;
    private final TransactionOperations<Connection> transactions;
    private final DurableTasks tasks;
    private final ScheduledExecutorService waker;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private volatile boolean started;

    DurableWork(DataSource dataSource, ConnectionOperations<Connection> connections,
                TransactionOperations<Connection> transactions, DurableTasks tasks, SchedulerSettings settings, Clock clock) {
        this.settings = settings;
        this.transactions = transactions;
        this.tasks = tasks;
        // Micronaut's DataSource bean only lends the connection of the current transaction; db-scheduler polls
        // outside any transaction, so it gets the pool itself, wrapped to join a transaction when there is one.
        DataSource pool = DelegatingDataSource.unwrapDataSource(dataSource);
        this.scheduler = Scheduler.create(new TransactionBoundDataSource(pool, connections), tasks.oneTime())
                .startTasks(tasks.recurring())
                .serializer(new JacksonSerializer())
                .clock(clock::now)
                .threads(settings.getThreads())
                .pollingInterval(settings.getPollingInterval())
                .heartbeatInterval(settings.getHeartbeatInterval())
                .missedHeartbeatsLimit(settings.getMissedHeartbeatsLimit())
                .shutdownMaxWait(settings.getShutdownMaxWait())
                .pollUsingLockAndFetch(0.5, 3.0)
                .build();
        tasks.scheduleFollowUpsWith(this::schedule);
        this.waker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "herald-durable-work-waker");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (settings.isEnabled()) {
            scheduler.start();
            started = true;
            LOG.info("Durable work: running due jobs on {} threads", settings.getThreads());
        } else {
            LOG.info("Durable work: herald.scheduler.enabled=false, this instance stores jobs but runs none");
        }
    }

    /** Schedules in the current transaction; the work is visible to every instance once it commits. */
    <T> void schedule(com.github.kagkarlsson.scheduler.task.TaskInstance<T> instance, Instant at) {
        scheduler.schedule(instance, at);
        wakeUpAfterCommit();
    }

    DurableTasks tasks() {
        return tasks;
    }

    /** Runs work that is due now without waiting for the next poll (tests use it after moving the clock). */
    public void runDueWorkNow() {
        scheduler.triggerCheckForDueExecutions();
    }

    /**
     * Work due now should not wait for the next poll. db-scheduler's own immediate execution wakes the poller
     * inside our transaction, before the work is visible, so Herald wakes it after the commit instead; and
     * wake-ups that come within {@link #WAKE_UP_COALESCING} of each other share one poll, so a busy instance
     * polls a few hundred times a second at most rather than once per commit.
     */
    private void wakeUpAfterCommit() {
        if (!started) {
            return;
        }
        transactions.findTransactionStatus().ifPresentOrElse(
                status -> status.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        requestWakeUp();
                    }
                }),
                this::requestWakeUp);
    }

    private void requestWakeUp() {
        if (wakeUpPending.compareAndSet(false, true)) {
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

    @PreDestroy
    void stop() {
        waker.shutdownNow();
        if (started) {
            scheduler.stop();
            started = false;
        }
    }
}
