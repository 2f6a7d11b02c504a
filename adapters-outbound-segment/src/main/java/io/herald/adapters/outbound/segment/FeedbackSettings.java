package io.herald.adapters.outbound.segment;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code herald.segment.feedback.*}: where engagement events go. Feedback is off without a write key.
 *
 * @param timeout         how long to wait for Segment to accept a batch before counting it as failed
 * @param firstRetryDelay how long a batch Segment did not accept waits before it is sent again; later retries wait
 *                        longer (read by the feedback driver, not by this adapter)
 */
@ConfigurationProperties("herald.segment.feedback")
public record FeedbackSettings(
        @Nullable String writeKey,
        @Bindable(defaultValue = "https://api.segment.io") String endpoint,
        @Bindable(defaultValue = "30s") Duration timeout,
        @Bindable(defaultValue = "5s") Duration firstRetryDelay) {
}
