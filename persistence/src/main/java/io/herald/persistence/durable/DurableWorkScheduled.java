package io.herald.persistence.durable;

/** Durable work was stored and its transaction committed: the runner on this instance should look now. */
record DurableWorkScheduled() {
}
