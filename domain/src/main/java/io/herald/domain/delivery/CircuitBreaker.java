package io.herald.domain.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One provider's circuit, as one Herald instance sees it. Closed, calls go through. After {@code failureThreshold}
 * failed calls in a row it opens: no message waits on the provider, they fail over or wait for the probe. Once
 * {@code probeAfter} has passed, one call is let through as a probe (half open); its success closes the circuit,
 * its failure opens it again. A probe whose outcome never comes is replaced after another {@code probeAfter}.
 * Thread-safe; time is passed in, so tests drive it with their clock.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final Duration probeAfter;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Instant openedAt;
    private Instant probeStartedAt;

    public CircuitBreaker(int failureThreshold, Duration probeAfter) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("a circuit opens after at least one failure");
        }
        this.failureThreshold = failureThreshold;
        this.probeAfter = Objects.requireNonNull(probeAfter);
    }

    /** Whether a call made now would go through, without claiming the probe. */
    public synchronized boolean mayCall(Instant now) {
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> !now.isBefore(openedAt.plus(probeAfter));
            case HALF_OPEN -> !now.isBefore(probeStartedAt.plus(probeAfter));
        };
    }

    /** Claims the right to call now: always when closed; once per probe period when open. */
    public synchronized boolean tryCall(Instant now) {
        if (!mayCall(now)) {
            return false;
        }
        if (state != State.CLOSED) {
            state = State.HALF_OPEN;
            probeStartedAt = now;
        }
        return true;
    }

    /** When a call may next go through: now when closed, else the probe time. */
    public synchronized Instant nextCallAt(Instant now) {
        return switch (state) {
            case CLOSED -> now;
            case OPEN -> later(now, openedAt.plus(probeAfter));
            case HALF_OPEN -> later(now, probeStartedAt.plus(probeAfter));
        };
    }

    /** A call succeeded. True when that closed an open circuit (the messages waiting for it can go). */
    public synchronized boolean succeeded() {
        consecutiveFailures = 0;
        boolean wasOpen = state != State.CLOSED;
        state = State.CLOSED;
        openedAt = null;
        probeStartedAt = null;
        return wasOpen;
    }

    /** A call failed in a way that says the provider is unwell (a timeout, a 5xx). True when it opened the circuit. */
    public synchronized boolean failed(Instant now) {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || (state == State.CLOSED && consecutiveFailures >= failureThreshold)) {
            boolean opened = state == State.CLOSED;
            state = State.OPEN;
            openedAt = now;
            probeStartedAt = null;
            return opened;
        }
        return false;
    }

    public synchronized State state() {
        return state;
    }

    public synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    public synchronized Optional<Instant> openedAt() {
        return Optional.ofNullable(openedAt);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
