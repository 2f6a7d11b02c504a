package io.herald.domain.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before trying again after {@code failures} failures in a row: capped exponential backoff with
 * full jitter. The ceiling doubles from {@code first} up to {@code cap}; the wait is drawn uniformly below it, so
 * that many callers failing together do not come back together. Every retry loop in Herald uses this one rule.
 *
 * @param first the ceiling after the first failure (the first retry comes within it)
 * @param cap   the largest ceiling
 */
public record Backoff(Duration first, Duration cap) {

    private static final int MAX_DOUBLINGS = 40;

    public Backoff {
        Objects.requireNonNull(first);
        Objects.requireNonNull(cap);
        if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
            throw new IllegalArgumentException("a backoff needs 0 < first <= cap, got first " + first + " and cap " + cap);
        }
    }

    /** The upper bound of the wait after {@code failures} failures (at least 1). */
    public Duration ceiling(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, MAX_DOUBLINGS));
        long capMillis = cap.toMillis();
        long ceiling = first.toMillis();
        for (int i = 0; i < doublings && ceiling < capMillis; i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, capMillis);
        return Duration.ofMillis(ceiling);
    }

    /** A fresh random wait: for one-off retries whose wait is computed once and stored. */
    public Duration delay(int failures) {
        return jittered(failures, ThreadLocalRandom.current().nextDouble());
    }

    /**
     * The same wait every time for the same {@code seed}: for retries whose due time is derived again from the
     * attempt log at each look, so that looking again does not move it.
     */
    public Duration delay(int failures, long seed) {
        return jittered(failures, new SplittableRandom(seed).nextDouble());
    }

    private Duration jittered(int failures, double fraction) {
        return Duration.ofMillis((long) (ceiling(failures).toMillis() * fraction));
    }
}
