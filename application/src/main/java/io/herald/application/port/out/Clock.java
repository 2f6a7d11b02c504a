package io.herald.application.port.out;

import java.time.Instant;

/**
 * Herald's only source of the current time. Durable timers (delays, retries, escalations) are set from it,
 * so tests move time forward instead of sleeping.
 */
public interface Clock {

    Instant now();
}
