package io.herald.application.port.in;

/**
 * Works through the acknowledged inbound events that are pending, oldest first in each lane, until none is left
 * (or other turns hold the lanes that have some). Called whenever events were stored, and on a timer for those
 * stored elsewhere.
 */
public interface DrainInboundEventsUseCase {

    /** @param backlogged called each time a turn came back full: there is a backlog, and another thread may help */
    void drainPending(Runnable backlogged);

    default void drainPending() {
        drainPending(() -> { });
    }
}
