package io.herald.bootstrap.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code herald.delivery.*}: retries, leases and the circuit of each provider, mapped to the application's
 * {@link io.herald.application.delivery.DeliverySettings}; and the default bulkhead of each remote provider.
 *
 * @param concurrentProviderCalls calls to one provider at once, unless {@code herald.providers.<name>.concurrency}
 *                                says otherwise
 * @param providerQueue           calls waiting for a free slot per provider, beyond which a call is not made (and
 *                                retried later)
 */
@ConfigurationProperties("herald.delivery")
record DeliveryConfiguration(
        @Bindable(defaultValue = "3") int attemptsPerProvider,
        @Bindable(defaultValue = "2s") Duration firstRetryDelay,
        @Bindable(defaultValue = "5m") Duration maxRetryDelay,
        @Bindable(defaultValue = "2m") Duration inFlightLease,
        @Bindable(defaultValue = "72h") Duration giveUpAfter,
        @Bindable(defaultValue = "16") int concurrentProviderCalls,
        @Bindable(defaultValue = "10000") int providerQueue,
        Circuit circuit) {

    /**
     * {@code herald.delivery.circuit.*}: after {@code failures} failed calls in a row a provider's circuit opens; every
     * {@code probe-after} one call goes through as a probe.
     */
    @ConfigurationProperties("circuit")
    record Circuit(
            @Bindable(defaultValue = "5") int failures,
            @Bindable(defaultValue = "30s") Duration probeAfter) {
    }
}
