package io.herald.persistence.durable;

import io.herald.application.port.out.DurableScheduler;
import io.herald.application.port.out.DurableScheduler.ListPage;
import io.herald.domain.automation.AutomationRunId;
import io.herald.domain.message.MessageId;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;

@Singleton
class DbSchedulerDurableScheduler implements DurableScheduler {

    private final InboundDrain inboundDrain;
    private final DurableWork work;
    private final TransactionOperations<Connection> transactions;

    DbSchedulerDurableScheduler(InboundDrain inboundDrain, DurableWork work, TransactionOperations<Connection> transactions) {
        this.inboundDrain = inboundDrain;
        this.work = work;
        this.transactions = transactions;
    }

    @Override
    public void deliver(List<MessageId> messages, Instant at) {
        if (!messages.isEmpty()) {
            work.schedule(work.tasks().instance(messages, at), at);
        }
    }

    @Override
    public void advanceAutomationRun(AutomationRunId run, int step, Instant at) {
        work.schedule(work.tasks().automationWakeUp(run, step, at), at);
    }

    @Override
    public void expandList(ListPage page, Instant at) {
        work.schedule(work.tasks().listSendPage(page), at);
    }

    @Override
    public void inboundEventsStored() {
        transactions.findTransactionStatus().ifPresentOrElse(
                status -> status.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        inboundDrain.wakeUp();
                    }
                }),
                inboundDrain::wakeUp);
    }
}
