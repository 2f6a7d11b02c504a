package io.herald.application.port.out;

import java.util.function.Supplier;

/** A unit of work: for use cases that commit in several steps (a page at a time) rather than in one transaction. */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
