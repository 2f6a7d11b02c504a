package io.herald.application.delivery;

import java.time.Duration;

/**
 * @param attemptsPerProvider transient failures tolerated from one provider before failing over to the next
 * @param firstRetryDelay     the wait after the first transient failure; it doubles with each further one
 * @param inFlightLease       how long a provider call may be under way before Herald presumes the instance making
 *                            it died; the attempt then counts as failed transiently and is retried
 */
public record DeliverySettings(int attemptsPerProvider, Duration firstRetryDelay, Duration inFlightLease) {

    public static DeliverySettings defaults() {
        return new DeliverySettings(3, Duration.ofSeconds(2), Duration.ofMinutes(2));
    }

    public Duration retryDelay(int transientFailures) {
        return firstRetryDelay.multipliedBy(1L << Math.max(0, Math.min(transientFailures - 1, 20)));
    }
}
