package io.herald.application.delivery;

import io.herald.domain.delivery.Backoff;
import io.herald.domain.delivery.FailoverPolicy;

import java.time.Duration;

/**
 * How delivery rides out provider failures ({@code herald.delivery.*}).
 *
 * @param attemptsPerProvider transient failures from one provider before failing over to the next provider or
 *                            channel (when there is none, Herald keeps retrying until {@code giveUpAfter})
 * @param backoff             the wait between tries of one leg: capped exponential with full jitter
 * @param inFlightLease       how long a provider call may be under way before Herald presumes the instance making
 *                            it died; the attempt then counts as failed transiently and is retried
 * @param giveUpAfter         how long after it was due a message that only meets transient failures keeps trying
 * @param circuitFailures     failed calls in a row after which a provider's circuit opens
 * @param circuitProbeAfter   how long an open circuit waits before letting one probe call through
 */
public record DeliverySettings(int attemptsPerProvider, Backoff backoff, Duration inFlightLease, Duration giveUpAfter,
                               int circuitFailures, Duration circuitProbeAfter) {

    /** The retry and failover rules these settings make. */
    public FailoverPolicy failoverPolicy() {
        return new FailoverPolicy(attemptsPerProvider, backoff, inFlightLease, giveUpAfter);
    }

    public static DeliverySettings defaults() {
        return new DeliverySettings(3, new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5)), Duration.ofMinutes(2),
                Duration.ofHours(72), 5, Duration.ofSeconds(30));
    }
}
