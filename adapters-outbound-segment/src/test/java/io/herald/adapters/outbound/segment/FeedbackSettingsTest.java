package io.herald.adapters.outbound.segment;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code herald.segment.feedback.*} binds, with the documented defaults when unset. */
class FeedbackSettingsTest {

    @Test
    void unsetKeysTakeTheirDefaultsAndFeedbackIsOff() {
        try (ApplicationContext context = ApplicationContext.run()) {
            assertThat(context.getBean(FeedbackSettings.class)).isEqualTo(new FeedbackSettings(null, "https://api.segment.io",
                    Duration.ofSeconds(30), Duration.ofSeconds(5)));
            assertThat(context.containsBean(AnalyticsJavaFeedback.class)).isFalse();
        }
    }

    @Test
    void everyKeyOverridesItsDefault() {
        Map<String, Object> configuration = Map.of(
                "herald.segment.feedback.write-key", "write-key",
                "herald.segment.feedback.endpoint", "http://localhost:9004",
                "herald.segment.feedback.timeout", "3s",
                "herald.segment.feedback.first-retry-delay", "200ms");

        try (ApplicationContext context = ApplicationContext.run(configuration)) {
            assertThat(context.getBean(FeedbackSettings.class)).isEqualTo(new FeedbackSettings("write-key", "http://localhost:9004",
                    Duration.ofSeconds(3), Duration.ofMillis(200)));
        }
    }
}
