package io.herald.adapters.outbound.providers;

import io.herald.adapters.outbound.providers.callbacks.Callbacks;
import io.herald.adapters.outbound.providers.callbacks.RecordingEngagement;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Without the secret to verify them with, provider callbacks are refused: nothing unverified is ever recorded. */
@MicronautTest
class UnconfiguredWebhooksTest {

    @Inject
    Callbacks providers;

    @Inject
    RecordingEngagement engagement;

    @Test
    void sendGridEventsAreRefusedWithoutAPublicKey() {
        providers.send(HttpRequest.POST("/webhooks/sendgrid/events", "[{\"event\": \"open\", \"herald_message_id\": \"1-m\"}]")
                        .contentType(MediaType.APPLICATION_JSON_TYPE))
                .assertRefused(403, "SendGrid events are refused: herald.providers.sendgrid.webhook-public-key is not configured");
        assertThat(engagement.reports()).isEmpty();
    }

    @Test
    void twilioCallbacksAreRefusedWithoutAnAuthToken() {
        providers.send(HttpRequest.POST("/webhooks/twilio/status", "MessageSid=SM1&MessageStatus=delivered")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).header("X-Twilio-Signature", "c2lnbmVk"))
                .assertRefused(403, "Twilio callbacks are refused: herald.providers.twilio.auth-token is not configured");
        assertThat(engagement.reports()).isEmpty();
    }
}
