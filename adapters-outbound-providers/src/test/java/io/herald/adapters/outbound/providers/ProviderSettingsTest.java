package io.herald.adapters.outbound.providers;

import io.herald.adapters.outbound.providers.fcm.FcmSettings;
import io.herald.adapters.outbound.providers.sendgrid.SendGridSettings;
import io.herald.adapters.outbound.providers.twilio.TwilioSettings;
import io.herald.adapters.outbound.providers.webhook.FetchDataSettings;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The providers' and fetch-data settings bind from their keys, and take the documented defaults when a key is unset. */
class ProviderSettingsTest {

    @Test
    void unsetKeysTakeTheirDefaults() {
        try (ApplicationContext context = ApplicationContext.run()) {
            assertThat(context.getBean(SendGridSettings.class)).isEqualTo(new SendGridSettings(null, null,
                    "https://api.sendgrid.com", Duration.ofSeconds(10), Duration.ofSeconds(30), null, Duration.ofMinutes(10)));
            assertThat(context.getBean(TwilioSettings.class)).isEqualTo(new TwilioSettings(null, null, null, null,
                    "https://api.twilio.com", null, Duration.ofSeconds(30)));
            assertThat(context.getBean(FcmSettings.class)).isEqualTo(new FcmSettings(null, null,
                    "https://fcm.googleapis.com", Duration.ofSeconds(10), Duration.ofSeconds(30)));
            assertThat(context.getBean(FetchDataSettings.class)).isEqualTo(new FetchDataSettings(Duration.ofSeconds(5),
                    Duration.ofSeconds(10), 1024 * 1024, List.of()));
        }
    }

    @Test
    void everyKeyOverridesItsDefault() {
        Map<String, Object> configuration = Map.ofEntries(
                Map.entry("herald.providers.sendgrid.api-key", "SG.key"),
                Map.entry("herald.providers.sendgrid.from", "Acme <noreply@acme.example>"),
                Map.entry("herald.providers.sendgrid.base-url", "http://localhost:9001/sendgrid"),
                Map.entry("herald.providers.sendgrid.connect-timeout", "1s"),
                Map.entry("herald.providers.sendgrid.read-timeout", "2s"),
                Map.entry("herald.providers.sendgrid.webhook-public-key", "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE"),
                Map.entry("herald.providers.sendgrid.webhook-max-age", "1m"),
                Map.entry("herald.providers.twilio.account-sid", "AC1"),
                Map.entry("herald.providers.twilio.auth-token", "token"),
                Map.entry("herald.providers.twilio.from", "+15555550199"),
                Map.entry("herald.providers.twilio.messaging-service-sid", "MG1"),
                Map.entry("herald.providers.twilio.base-url", "http://localhost:9002"),
                Map.entry("herald.providers.twilio.status-callback-url", "https://herald.example/webhooks/twilio/status"),
                Map.entry("herald.providers.twilio.read-timeout", "3s"),
                Map.entry("herald.providers.fcm.project-id", "acme"),
                Map.entry("herald.providers.fcm.credentials-file", "/etc/herald/fcm.json"),
                Map.entry("herald.providers.fcm.base-url", "http://localhost:9003"),
                Map.entry("herald.providers.fcm.connect-timeout", "4s"),
                Map.entry("herald.providers.fcm.read-timeout", "PT5S"),
                Map.entry("herald.automations.fetch-data.connect-timeout", "6s"),
                Map.entry("herald.automations.fetch-data.timeout", "7s"),
                Map.entry("herald.automations.fetch-data.max-bytes", "2048"),
                Map.entry("herald.automations.fetch-data.allowed-hosts", "crm.internal,billing.internal"));

        try (ApplicationContext context = ApplicationContext.run(configuration)) {
            assertThat(context.getBean(SendGridSettings.class)).isEqualTo(new SendGridSettings("SG.key", "Acme <noreply@acme.example>",
                    "http://localhost:9001/sendgrid", Duration.ofSeconds(1), Duration.ofSeconds(2),
                    "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE", Duration.ofMinutes(1)));
            assertThat(context.getBean(TwilioSettings.class)).isEqualTo(new TwilioSettings("AC1", "token", "+15555550199", "MG1",
                    "http://localhost:9002", "https://herald.example/webhooks/twilio/status", Duration.ofSeconds(3)));
            assertThat(context.getBean(FcmSettings.class)).isEqualTo(new FcmSettings("acme", "/etc/herald/fcm.json",
                    "http://localhost:9003", Duration.ofSeconds(4), Duration.ofSeconds(5)));
            assertThat(context.getBean(FetchDataSettings.class)).isEqualTo(new FetchDataSettings(Duration.ofSeconds(6),
                    Duration.ofSeconds(7), 2048, List.of("crm.internal", "billing.internal")));
        }
    }
}
