package io.herald.persistence.durable;

/** Inbound events were stored and their transaction committed: the drain on this instance should run now. */
record InboundEventsStored() {
}
