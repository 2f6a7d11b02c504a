package io.herald.bootstrap.support;

import io.herald.application.port.out.Clock;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Herald's clock in tests that move time by hand ({@code herald.test.clock=mutable}): it starts at the real
 * time, or at {@code herald.test.clock.start} (an ISO instant) for data recorded at a known time, and only moves
 * when told to, so delays and timeouts of hours run in milliseconds.
 */
@Singleton
@Replaces(Clock.class)
@Requires(property = "herald.test.clock", value = "mutable")
public class MutableTestClock implements Clock {

    private final AtomicReference<Instant> now;

    public MutableTestClock(@Value("${herald.test.clock.start:}") String start) {
        this.now = new AtomicReference<>(start.isEmpty() ? Instant.now() : Instant.parse(start));
    }

    @Override
    public Instant now() {
        return now.get();
    }

    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }
}
