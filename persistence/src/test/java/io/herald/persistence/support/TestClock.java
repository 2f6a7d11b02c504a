package io.herald.persistence.support;

import io.herald.application.port.out.Clock;
import jakarta.inject.Singleton;

import java.time.Instant;

/** The Clock port for persistence tests, which run without bootstrap's wiring. */
@Singleton
class TestClock implements Clock {

    @Override
    public Instant now() {
        return Instant.now();
    }
}
