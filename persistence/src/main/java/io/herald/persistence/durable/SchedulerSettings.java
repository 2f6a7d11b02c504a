package io.herald.persistence.durable;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code herald.scheduler.*}: how this instance takes part in running durable work.
 *
 * @param enabled               when false this instance still stores work but runs none (useful for an API-only
 *                              instance, and in tests)
 * @param pollingInterval       how often due work is polled for; work scheduled on this instance is started at once
 *                              regardless
 * @param missedHeartbeatsLimit missed heartbeats after which another instance takes over the work of an instance that
 *                              died
 * @param inboundThreads        threads that process acknowledged inbound events, each taking lanes of its own
 *                              (ADR 0013)
 * @param deliveryThreads       threads that take turns at the delivery queue, sharing it with every other
 *                              instance's (ADR 0014)
 */
@ConfigurationProperties("herald.scheduler")
public record SchedulerSettings(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "10") int threads,
        @Bindable(defaultValue = "1s") Duration pollingInterval,
        @Bindable(defaultValue = "5s") Duration heartbeatInterval,
        @Bindable(defaultValue = "6") int missedHeartbeatsLimit,
        @Bindable(defaultValue = "30s") Duration shutdownMaxWait,
        @Bindable(defaultValue = "2") int inboundThreads,
        @Bindable(defaultValue = "2") int deliveryThreads) {

    public SchedulerSettings {
        if (inboundThreads < 1) {
            throw new IllegalArgumentException("herald.scheduler.inbound-threads must be at least 1, not " + inboundThreads);
        }
        if (deliveryThreads < 1) {
            throw new IllegalArgumentException("herald.scheduler.delivery-threads must be at least 1, not " + deliveryThreads);
        }
    }
}
