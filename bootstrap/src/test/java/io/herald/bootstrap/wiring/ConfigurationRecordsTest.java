package io.herald.bootstrap.wiring;

import io.herald.bootstrap.support.HeraldTest;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The wiring's configuration records bind from their keys, and take the documented defaults when a key is unset. */
class ConfigurationRecordsTest {

    @Test
    void unsetKeysTakeTheirDefaults() {
        try (ApplicationContext context = ApplicationContext.run(herald(Map.of()))) {
            assertThat(context.getBean(DeliveryConfiguration.class)).isEqualTo(new DeliveryConfiguration(3, Duration.ofSeconds(2),
                    Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofHours(72), 16, 10_000,
                    new DeliveryConfiguration.Circuit(5, Duration.ofSeconds(30))));
            assertThat(context.getBean(SendConfiguration.class)).isEqualTo(new SendConfiguration(500, 1000, 2, 1000));
            assertThat(context.getBean(LimitsConfiguration.class)).isEqualTo(new LimitsConfiguration(1024 * 1024, 64));
            assertThat(context.getBean(IngestConfiguration.class)).isEqualTo(new IngestConfiguration(2, 2500));
            assertThat(context.getBean(RetentionConfiguration.class)).isEqualTo(new RetentionConfiguration(Duration.ofDays(90),
                    Duration.ofDays(30), Duration.ofDays(90), Duration.ofDays(365), 1000));
            assertThat(context.getBean(AuthConfiguration.class)).isEqualTo(new AuthConfiguration(List.of(HeraldTest.API_KEY),
                    List.of(), null, null));
        }
    }

    @Test
    void everyKeyOverridesItsDefault() {
        Map<String, String> overrides = Map.ofEntries(
                Map.entry("herald.delivery.attempts-per-provider", "4"),
                Map.entry("herald.delivery.first-retry-delay", "1s"),
                Map.entry("herald.delivery.max-retry-delay", "1m"),
                Map.entry("herald.delivery.in-flight-lease", "30s"),
                Map.entry("herald.delivery.give-up-after", "PT12H"),
                Map.entry("herald.delivery.concurrent-provider-calls", "8"),
                Map.entry("herald.delivery.provider-queue", "100"),
                Map.entry("herald.delivery.circuit.failures", "2"),
                Map.entry("herald.delivery.circuit.probe-after", "10s"),
                Map.entry("herald.send.list-page-size", "50"),
                Map.entry("herald.send.max-recipients", "10"),
                Map.entry("herald.send.writers", "3"),
                Map.entry("herald.send.max-recipients-per-transaction", "20"),
                Map.entry("herald.limits.render-bytes", "4096"),
                Map.entry("herald.limits.template-depth", "8"),
                Map.entry("herald.ingest.writers", "4"),
                Map.entry("herald.ingest.max-events-per-transaction", "100"),
                Map.entry("herald.retention.messages", "7d"),
                Map.entry("herald.retention.inbound-events", "1d"),
                Map.entry("herald.retention.automation-runs", "14d"),
                Map.entry("herald.retention.audit-events", "30d"),
                Map.entry("herald.retention.batch-size", "2"),
                Map.entry("herald.auth.api-keys", "admin-1, admin-2"),
                Map.entry("herald.auth.write-keys", "write-1"),
                Map.entry("herald.auth.token-secret", "a-token-secret-of-at-least-32-characters"),
                Map.entry("herald.auth.token-secret-previous", "the-previous-secret-of-32-characters"));

        try (ApplicationContext context = ApplicationContext.run(herald(overrides))) {
            assertThat(context.getBean(DeliveryConfiguration.class)).isEqualTo(new DeliveryConfiguration(4, Duration.ofSeconds(1),
                    Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofHours(12), 8, 100,
                    new DeliveryConfiguration.Circuit(2, Duration.ofSeconds(10))));
            assertThat(context.getBean(SendConfiguration.class)).isEqualTo(new SendConfiguration(50, 10, 3, 20));
            assertThat(context.getBean(LimitsConfiguration.class)).isEqualTo(new LimitsConfiguration(4096, 8));
            assertThat(context.getBean(IngestConfiguration.class)).isEqualTo(new IngestConfiguration(4, 100));
            assertThat(context.getBean(RetentionConfiguration.class)).isEqualTo(new RetentionConfiguration(Duration.ofDays(7),
                    Duration.ofDays(1), Duration.ofDays(14), Duration.ofDays(30), 2));
            AuthConfiguration auth = context.getBean(AuthConfiguration.class);
            assertThat(auth.apiKeys()).map(String::trim).containsExactly("admin-1", "admin-2");
            assertThat(auth.writeKeys()).containsExactly("write-1");
            assertThat(auth.tokenSecret()).isEqualTo("a-token-secret-of-at-least-32-characters");
            assertThat(auth.tokenSecretPrevious()).isEqualTo("the-previous-secret-of-32-characters");
        }
    }

    /** A context on the shared PostgreSQL that runs no durable work: only the configuration is under test. */
    private static Map<String, Object> herald(Map<String, String> overrides) {
        Map<String, Object> properties = new HashMap<>(SharedPostgres.micronautProperties());
        properties.put("herald.auth.api-keys", HeraldTest.API_KEY);
        properties.put("herald.scheduler.enabled", "false");
        properties.putAll(overrides);
        return properties;
    }
}
