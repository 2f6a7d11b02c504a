package io.herald.persistence.durable;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.herald.application.port.out.DurableScheduler.ListPage;
import io.herald.application.port.out.DurableScheduler;
import io.herald.domain.automation.AutomationRunId;
import io.herald.domain.message.MessageId;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * The {@link DurableScheduler} port: work is written in the caller's transaction (so it exists exactly when what
 * called for it does), and once that commits this instance's runners are told to look. Looks at messages go to the
 * delivery queue's own table ({@link JdbcDeliveryLooks}, ADR 0014); automation wake-ups and list pages to
 * db-scheduler's, through its client. It knows what work is, not what runs it, so the use cases that schedule work
 * and the tasks that run them need no cycle between them.
 */
@Singleton
class DbSchedulerDurableScheduler implements DurableScheduler {

    private final SchedulerClient client;
    private final JdbcDeliveryLooks looks;
    private final TransactionOperations<Connection> transactions;
    private final ApplicationEventPublisher<DurableWorkScheduled> workScheduled;
    private final ApplicationEventPublisher<InboundEventsStored> inboundStored;

    DbSchedulerDurableScheduler(DataSource dataSource, ConnectionOperations<Connection> connections,
                                JdbcDeliveryLooks looks, TransactionOperations<Connection> transactions,
                                ApplicationEventPublisher<DurableWorkScheduled> workScheduled,
                                ApplicationEventPublisher<InboundEventsStored> inboundStored) {
        // Micronaut's DataSource bean only lends the current transaction's connection; the client gets the pool,
        // wrapped to join the caller's transaction when there is one.
        DataSource pool = new TransactionBoundDataSource(DelegatingDataSource.unwrapDataSource(dataSource), connections);
        this.client = SchedulerClient.Builder.create(pool).serializer(new JacksonSerializer()).build();
        this.looks = looks;
        this.transactions = transactions;
        this.workScheduled = workScheduled;
        this.inboundStored = inboundStored;
    }

    @Override
    public void deliver(List<MessageId> messages, Instant at) {
        if (!messages.isEmpty()) {
            // In the caller's transaction; a caller outside one (a circuit closing) stores them in its own.
            transactions.executeWrite(status -> {
                looks.schedule(messages, at);
                return null;
            });
            afterCommit(() -> workScheduled.publishEvent(new DurableWorkScheduled()));
        }
    }

    @Override
    public void advanceAutomationRun(AutomationRunId run, int step, Instant at) {
        schedule(TaskDescriptors.automationWakeUp(run, step, at), at);
    }

    @Override
    public void runBulkPage(String jobId, long afterSeq, Instant at) {
        schedule(TaskDescriptors.bulkPage(jobId, afterSeq), at);
    }

    @Override
    public void expandList(ListPage page, Instant at) {
        schedule(TaskDescriptors.listSendPage(page), at);
    }

    @Override
    public void inboundEventsStored() {
        afterCommit(() -> inboundStored.publishEvent(new InboundEventsStored()));
    }

    /** The same instance name twice (a step run again after a crash) keeps the one already stored. */
    private void schedule(TaskInstance<?> instance, Instant at) {
        client.scheduleIfNotExists(instance, at);
        afterCommit(() -> workScheduled.publishEvent(new DurableWorkScheduled()));
    }

    private void afterCommit(Runnable action) {
        transactions.findTransactionStatus().ifPresentOrElse(
                status -> status.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        action.run();
                    }
                }),
                action);
    }
}
