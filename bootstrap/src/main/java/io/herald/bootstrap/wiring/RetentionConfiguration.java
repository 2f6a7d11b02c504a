package io.herald.bootstrap.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code herald.retention.*}: how long finished work is kept.
 *
 * @param batchSize rows deleted per transaction
 */
@ConfigurationProperties("herald.retention")
record RetentionConfiguration(
        @Bindable(defaultValue = "90d") Duration messages,
        @Bindable(defaultValue = "30d") Duration inboundEvents,
        @Bindable(defaultValue = "90d") Duration automationRuns,
        @Bindable(defaultValue = "365d") Duration auditEvents,
        @Bindable(defaultValue = "1000") int batchSize) {
}
