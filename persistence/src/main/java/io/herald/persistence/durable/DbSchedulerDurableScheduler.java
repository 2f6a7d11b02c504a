package io.herald.persistence.durable;

import io.herald.application.port.out.DurableScheduler;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.sql.Connection;

@Singleton
class DbSchedulerDurableScheduler implements DurableScheduler {

    private final InboundDrain inboundDrain;
    private final TransactionOperations<Connection> transactions;

    DbSchedulerDurableScheduler(InboundDrain inboundDrain, TransactionOperations<Connection> transactions) {
        this.inboundDrain = inboundDrain;
        this.transactions = transactions;
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
