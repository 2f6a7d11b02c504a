package io.herald.adapters.inbound.rest.webhook;

import io.herald.adapters.inbound.rest.ApiTest;
import io.herald.adapters.inbound.rest.fakes.RecordingRecordEngagement;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.herald.adapters.inbound.rest.support.ApiErrors.assertApiError;
import static org.assertj.core.api.Assertions.assertThat;

/** Without the secret to verify them with, provider callbacks are refused: nothing unverified is ever recorded. */
@MicronautTest
class UnconfiguredWebhooksTest extends ApiTest {

    @Inject
    RecordingRecordEngagement engagement;

    @Test
    void sendGridEventsAreRefusedWithoutAPublicKey() {
        assertApiError(api.send(HttpRequest.POST("/webhooks/sendgrid/events", "[{\"event\": \"open\", \"herald_message_id\": \"1-m\"}]")
                        .contentType(MediaType.APPLICATION_JSON_TYPE)),
                403, "authentication_error", "SendGrid events are refused: herald.providers.sendgrid.webhook-public-key is not configured");
        assertThat(engagement.calls()).isEmpty();
    }

    @Test
    void twilioCallbacksAreRefusedWithoutAnAuthToken() {
        assertApiError(api.send(HttpRequest.POST("/webhooks/twilio/status", "MessageSid=SM1&MessageStatus=delivered")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).header("X-Twilio-Signature", "c2lnbmVk")),
                403, "authentication_error", "Twilio callbacks are refused: herald.providers.twilio.auth-token is not configured");
        assertThat(engagement.calls()).isEmpty();
    }
}
