package io.herald.bootstrap.wiring;

import io.herald.application.port.out.Clock;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Instant;

@Factory
class ClockFactory {

    /** Wall-clock time; system tests replace this bean with a clock they move by hand. */
    @Singleton
    Clock systemClock() {
        return Instant::now;
    }
}
