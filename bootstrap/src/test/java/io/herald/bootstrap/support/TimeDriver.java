package io.herald.bootstrap.support;

import io.herald.persistence.durable.DurableWork;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Moves Herald's clock forward in steps and runs the durable work that became due, so that retries, backoff and
 * circuit probes spread over minutes of Herald's time take seconds of the test's.
 */
public final class TimeDriver {

    private final MutableTestClock clock;
    private final DurableWork durableWork;

    public TimeDriver(MutableTestClock clock, DurableWork durableWork) {
        this.clock = clock;
        this.durableWork = durableWork;
    }

    /** Steps the clock by {@code step} until {@code done} holds or {@code limit} of clock time has passed; true if done. */
    public boolean driveUntil(BooleanSupplier done, Duration step, Duration limit) {
        for (Duration passed = Duration.ZERO; passed.compareTo(limit) < 0; passed = passed.plus(step)) {
            if (done.getAsBoolean()) {
                return true;
            }
            clock.advance(step);
            durableWork.runDueWorkNow();
            pause(40);
        }
        return done.getAsBoolean();
    }

    /** Steps the clock by {@code step} for {@code total} of clock time. */
    public void drive(Duration total, Duration step) {
        driveUntil(() -> false, step, total);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
