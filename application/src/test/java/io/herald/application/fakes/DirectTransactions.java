package io.herald.application.fakes;

import io.herald.application.port.out.Transactions;

import java.util.function.Supplier;

/** Runs the unit of work as it is: the in-memory fakes have no transactions (and no rollback) to open. */
public final class DirectTransactions implements Transactions {

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
