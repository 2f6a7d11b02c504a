package io.herald.persistence.support;

import io.herald.application.port.out.Transactions;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.function.Supplier;

@Singleton
class JdbcTransactions implements Transactions {

    private final TransactionOperations<Connection> transactions;

    JdbcTransactions(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.executeWrite(status -> work.get());
    }
}
