package io.herald.adapters.outbound.providers.callbacks;

import io.herald.application.port.out.Clock;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Instant;

/** The out-port the callbacks read directly: time, fixed at {@link #NOW}. */
@Factory
public class TestClock {

    public static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");

    @Singleton
    Clock clock() {
        return () -> NOW;
    }
}
