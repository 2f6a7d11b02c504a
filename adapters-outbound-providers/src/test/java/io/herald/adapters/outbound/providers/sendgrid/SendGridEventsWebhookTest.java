package io.herald.adapters.outbound.providers.sendgrid;

import io.herald.adapters.outbound.providers.callbacks.Callbacks;
import io.herald.adapters.outbound.providers.callbacks.Callbacks.Reply;
import io.herald.adapters.outbound.providers.callbacks.RecordingEngagement;
import io.herald.adapters.outbound.providers.callbacks.TestClock;
import io.herald.application.port.in.RecordEngagementUseCase.EngagementReport;
import io.herald.application.port.in.RecordEngagementUseCase.Kind;
import io.herald.domain.message.MessageId;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** SendGrid's signed event webhook, called as SendGrid calls it: events signed with the key Herald is configured with. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SendGridEventsWebhookTest implements TestPropertyProvider {

    private static final KeyPair SENDGRID = keys();
    private static final String NOW = Long.toString(TestClock.NOW.getEpochSecond());
    private static final MessageId MESSAGE = new MessageId("1-019ca5d1a400-0a1b2c3d4e5f6071");

    @Inject
    Callbacks sendGrid;

    @Inject
    RecordingEngagement engagement;

    @BeforeEach
    void startFromNoReports() {
        engagement.reset();
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of("herald.providers.sendgrid.webhook-public-key", Base64.getEncoder().encodeToString(SENDGRID.getPublic().getEncoded()));
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SendGrid's scheme: base64 ECDSA (P-256, SHA-256) over the timestamp followed by the raw body. */
    private static String signature(String timestamp, String body, KeyPair keys) {
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Reply post(String body, String timestamp, String signature) {
        return sendGrid.send(HttpRequest.POST("/webhooks/sendgrid/events", body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("X-Twilio-Email-Event-Webhook-Signature", signature)
                .header("X-Twilio-Email-Event-Webhook-Timestamp", timestamp));
    }

    private Reply postSigned(String body) {
        return post(body, NOW, signature(NOW, body, SENDGRID));
    }

    private static String event(String kind, long timestamp) {
        return """
                {"email": "alex@example.com", "timestamp": %d, "event": "%s", "sg_event_id": "sg-event-%s",
                 "sg_message_id": "14c5d75ce93.filterdrecv-p3las1-16816-5E5D53A6-3.0", "herald_message_id": "%s",
                 "reason": "550 5.1.1 mailbox unavailable"}""".formatted(timestamp, kind, kind, MESSAGE.value());
    }

    @Test
    void signedEventsAreRecordedAsTheEngagementTheyReport() {
        long at = 1_772_446_500L;
        String body = "[" + event("delivered", at) + ", " + event("open", at + 1) + ", " + event("click", at + 2) + ", "
                + event("bounce", at + 3) + ", " + event("dropped", at + 4) + "]";

        Reply reply = postSigned(body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(engagement.reports()).extracting(EngagementReport::kind)
                .containsExactly(Kind.DELIVERED, Kind.OPENED, Kind.CLICKED, Kind.BOUNCED, Kind.FAILED);
        assertThat(engagement.reports().get(3)).isEqualTo(new EngagementReport("sendgrid", Optional.of(MESSAGE), Optional.of("14c5d75ce93"),
                Kind.BOUNCED, Instant.ofEpochSecond(at + 3), Optional.of("550 5.1.1 mailbox unavailable"), Optional.of("sg-event-bounce")));
    }

    @Test
    void eventsHeraldDoesNotFollowOrThatNameNoMessageAreAcknowledgedAndIgnored() {
        String body = "[" + event("processed", 1_772_446_500L) + ", {\"event\": \"open\", \"timestamp\": 1772446500}]";

        Reply reply = postSigned(body);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(engagement.reports()).isEmpty();
    }

    @Test
    void aForgedSignatureIsRefused() {
        String body = "[" + event("delivered", 1_772_446_500L) + "]";

        Reply wrongKey = post(body, NOW, signature(NOW, body, keys()));
        Reply tampered = post(body.replace("delivered", "click"), NOW, signature(NOW, body, SENDGRID));
        Reply unsigned = sendGrid.send(HttpRequest.POST("/webhooks/sendgrid/events", body).contentType(MediaType.APPLICATION_JSON_TYPE));

        wrongKey.assertRefused(403, "Invalid X-Twilio-Email-Event-Webhook-Signature");
        tampered.assertRefused(403, "Invalid X-Twilio-Email-Event-Webhook-Signature");
        unsigned.assertRefused(403, "Invalid X-Twilio-Email-Event-Webhook-Signature");
        assertThat(engagement.reports()).isEmpty();
    }

    @Test
    void aSignedRequestOlderThanTenMinutesIsRefusedAsAReplay() {
        String body = "[" + event("delivered", 1_772_446_500L) + "]";
        String elevenMinutesAgo = Long.toString(TestClock.NOW.minus(Duration.ofMinutes(11)).getEpochSecond());

        Reply reply = post(body, elevenMinutesAgo, signature(elevenMinutesAgo, body, SENDGRID));

        reply.assertRefused(403, "The signed request is older than PT10M");
        assertThat(engagement.reports()).isEmpty();
    }

    @Test
    void aSignedBodyThatIsNoArrayOfEventsIsABadRequest() {
        postSigned(event("delivered", 1_772_446_500L)).assertRefused(400, "body must be a JSON array of SendGrid events");
        assertThat(engagement.reports()).isEmpty();
    }
}
