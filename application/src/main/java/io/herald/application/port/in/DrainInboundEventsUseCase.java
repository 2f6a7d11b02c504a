package io.herald.application.port.in;

/**
 * Works through the acknowledged inbound events that are pending, oldest first, until none is left (or another
 * instance holds the drain). Called whenever events were stored, and on a timer for those stored elsewhere.
 */
public interface DrainInboundEventsUseCase {

    void drainPending();
}
