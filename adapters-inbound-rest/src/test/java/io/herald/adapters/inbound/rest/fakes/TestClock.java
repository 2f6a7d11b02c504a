package io.herald.adapters.inbound.rest.fakes;

import io.herald.application.fakes.MutableClock;
import io.herald.application.port.out.Clock;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Instant;

/** The one out-port the module's controllers read directly: time, fixed at {@link #NOW} unless a test moves it. */
@Factory
public class TestClock {

    public static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");

    @Singleton
    @Bean(typed = {MutableClock.class, Clock.class})
    MutableClock clock() {
        return new MutableClock(NOW);
    }
}
