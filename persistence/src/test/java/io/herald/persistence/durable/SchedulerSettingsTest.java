package io.herald.persistence.durable;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code herald.scheduler.*} binds, with the documented defaults when unset (outside the test environment, which turns it off). */
class SchedulerSettingsTest {

    @Test
    void unsetKeysTakeTheirDefaults() {
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).start()) {
            assertThat(context.getBean(SchedulerSettings.class)).isEqualTo(new SchedulerSettings(true, 10, Duration.ofSeconds(1),
                    Duration.ofSeconds(5), 6, Duration.ofSeconds(30), 2, 2));
        }
    }

    @Test
    void everyKeyOverridesItsDefault() {
        Map<String, Object> configuration = Map.of(
                "herald.scheduler.enabled", "false",
                "herald.scheduler.threads", "3",
                "herald.scheduler.polling-interval", "250ms",
                "herald.scheduler.heartbeat-interval", "2s",
                "herald.scheduler.missed-heartbeats-limit", "4",
                "herald.scheduler.shutdown-max-wait", "1m",
                "herald.scheduler.inbound-threads", "4",
                "herald.scheduler.delivery-threads", "5");

        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).properties(configuration).start()) {
            assertThat(context.getBean(SchedulerSettings.class)).isEqualTo(new SchedulerSettings(false, 3, Duration.ofMillis(250),
                    Duration.ofSeconds(2), 4, Duration.ofMinutes(1), 4, 5));
        }
    }

    @Test
    void noInboundThreadIsRefused() {
        assertThatThrownBy(() -> new SchedulerSettings(true, 10, Duration.ofSeconds(1), Duration.ofSeconds(5), 6,
                Duration.ofSeconds(30), 0, 2)).hasMessageContaining("herald.scheduler.inbound-threads");
    }

    @Test
    void noDeliveryThreadIsRefused() {
        assertThatThrownBy(() -> new SchedulerSettings(true, 10, Duration.ofSeconds(1), Duration.ofSeconds(5), 6,
                Duration.ofSeconds(30), 2, 0)).hasMessageContaining("herald.scheduler.delivery-threads");
    }
}
