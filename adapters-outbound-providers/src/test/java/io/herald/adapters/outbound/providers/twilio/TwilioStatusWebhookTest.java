package io.herald.adapters.outbound.providers.twilio;

import io.herald.adapters.outbound.providers.callbacks.Callbacks;
import io.herald.adapters.outbound.providers.callbacks.Callbacks.Reply;
import io.herald.adapters.outbound.providers.callbacks.RecordingEngagement;
import io.herald.adapters.outbound.providers.callbacks.TestClock;
import io.herald.application.port.in.RecordEngagementUseCase.EngagementReport;
import io.herald.application.port.in.RecordEngagementUseCase.Kind;
import io.herald.domain.message.MessageId;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Twilio's status callbacks, signed as Twilio signs them, for the public callback URL Herald is configured with. */
@MicronautTest
@Property(name = "herald.providers.twilio.auth-token", value = TwilioStatusWebhookTest.AUTH_TOKEN)
@Property(name = "herald.providers.twilio.status-callback-url", value = TwilioStatusWebhookTest.CALLBACK_URL)
class TwilioStatusWebhookTest {

    static final String AUTH_TOKEN = "twilio-auth-token-0123456789abcdef";
    static final String CALLBACK_URL = "https://herald.example.com/webhooks/twilio/status";
    private static final MessageId MESSAGE = new MessageId("1-019ca5d1a400-0a1b2c3d4e5f6071");
    private static final String QUERY = "?herald_message_id=" + MESSAGE.value();

    @Inject
    Callbacks twilio;

    @Inject
    RecordingEngagement engagement;

    @BeforeEach
    void startFromNoReports() {
        engagement.reset();
    }

    /** Twilio's scheme: base64 HMAC-SHA1, keyed with the auth token, of the URL followed by each parameter's name and value, sorted. */
    private static String signature(String url, Map<String, String> parameters, String authToken) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, value) -> signed.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> status(String status) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("AccountSid", "AC00000000000000000000000000000000");
        parameters.put("MessageSid", "SM11111111111111111111111111111111");
        parameters.put("MessageStatus", status);
        parameters.put("To", "+15555550100");
        return parameters;
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private Reply callback(Map<String, String> parameters, String signature) {
        return twilio.send(HttpRequest.POST("/webhooks/twilio/status" + QUERY, form(parameters))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).header("X-Twilio-Signature", signature));
    }

    private Reply signedCallback(Map<String, String> parameters) {
        return callback(parameters, signature(CALLBACK_URL + QUERY, parameters, AUTH_TOKEN));
    }

    @Test
    void aDeliveredCallbackIsRecordedOnceForItsSidAndStatus() {
        Reply reply = signedCallback(status("delivered"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(engagement.reports()).containsExactly(new EngagementReport("twilio", Optional.of(MESSAGE),
                Optional.of("SM11111111111111111111111111111111"), Kind.DELIVERED, TestClock.NOW, Optional.empty(),
                Optional.of("SM11111111111111111111111111111111/delivered")));
    }

    @Test
    void anUndeliveredCallbackCarriesTwiliosErrorCode() {
        Map<String, String> undelivered = status("undelivered");
        undelivered.put("ErrorCode", "30003");
        undelivered.put("ErrorMessage", "Unreachable destination handset");

        signedCallback(undelivered);

        EngagementReport report = engagement.reports().get(0);
        assertThat(report.kind()).isEqualTo(Kind.FAILED);
        assertThat(report.detail()).contains("twilio error 30003: Unreachable destination handset");
    }

    @Test
    void readIsOpenedAndStatusesBeforeDeliveryAreIgnored() {
        signedCallback(status("read"));
        Reply sent = signedCallback(status("sent"));

        assertThat(sent.status()).isEqualTo(200);
        assertThat(engagement.reports()).extracting(EngagementReport::kind).containsExactly(Kind.OPENED);
    }

    @Test
    void aForgedOrUnsignedCallbackIsRefused() {
        Map<String, String> delivered = status("delivered");
        Map<String, String> tampered = status("delivered");
        tampered.put("MessageSid", "SM99999999999999999999999999999999");

        Reply wrongToken = callback(delivered, signature(CALLBACK_URL + QUERY, delivered, "not-the-auth-token"));
        Reply tamperedBody = callback(tampered, signature(CALLBACK_URL + QUERY, delivered, AUTH_TOKEN));
        Reply otherMessage = twilio.send(HttpRequest.POST("/webhooks/twilio/status?herald_message_id=1-other", form(delivered))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .header("X-Twilio-Signature", signature(CALLBACK_URL + QUERY, delivered, AUTH_TOKEN)));
        Reply unsigned = twilio.send(HttpRequest.POST("/webhooks/twilio/status" + QUERY, form(delivered))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));

        for (Reply refused : new Reply[] {wrongToken, tamperedBody, otherMessage, unsigned}) {
            refused.assertRefused(403, "Invalid X-Twilio-Signature");
        }
        assertThat(engagement.reports()).isEmpty();
    }

    /** Only the status: in Herald, the REST adapter's content-type check refuses it first, in its own words. */
    @Test
    void aCallbackThatIsNotAFormIsNotRead() {
        Reply reply = twilio.send(HttpRequest.POST("/webhooks/twilio/status" + QUERY, "{\"MessageStatus\": \"delivered\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE));

        assertThat(reply.status()).as(reply.body()).isEqualTo(415);
        assertThat(engagement.reports()).isEmpty();
    }
}
