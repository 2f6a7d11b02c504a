package io.herald.bootstrap.providers;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.bootstrap.support.Api;
import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Http;
import io.herald.bootstrap.support.ProviderStubs;
import io.herald.bootstrap.support.SendGridEventWebhook;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery callbacks signed the way Twilio and SendGrid sign them: valid ones move the message, forged ones are
 * refused with 403 and change nothing. The callbacks live beside their senders (ADR 0012); their refusals are answered
 * here, in the whole application, in the REST adapter's one error format.
 */
@MicronautTest(transactional = false)
class ProviderCallbacksTest implements HeraldTest {

    private static final ProviderStubs PROVIDERS = new ProviderStubs();
    private static final SendGridEventWebhook SENDGRID_WEBHOOK = new SendGridEventWebhook();
    private static final KeyPair SENDGRID_KEYS = SENDGRID_WEBHOOK.keys();

    @Inject
    EmbeddedServer server;

    private Api api;

    @Override
    public Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(PROVIDERS.heraldProperties());
        properties.putAll(SENDGRID_WEBHOOK.heraldProperties());
        return properties;
    }

    @AfterAll
    void stopStubs() {
        PROVIDERS.close();
    }

    @BeforeEach
    void reset() {
        SharedPostgres.truncateAllTables();
        PROVIDERS.reset();
        api = new Api(server.getURI(), API_KEY);
        api.put("/templates/alert", """
                {"channels": {"email": {"subject": "Alert", "text": "Something happened"}, "sms": {"body": "Something happened"}}}""");
        api.post("/profiles/alex", "{\"profile\": {\"email\": \"alex@example.org\", \"phone_number\": \"+15550100\"}}");
    }

    private String sendOn(String channel) {
        String id = api.send("{\"to\": {\"user_id\": \"alex\"}, \"template\": \"alert\", "
                + "\"routing\": {\"method\": \"single\", \"channels\": [\"" + channel + "\"]}}");
        api.awaitStatus(id, "SENT");
        return id;
    }

    // --- Twilio ---------------------------------------------------------------------------------------------

    /** Twilio's scheme: base64 HMAC-SHA1, keyed with the auth token, of the URL followed by the sorted parameters. */
    private static String twilioSignature(String url, Map<String, String> parameters, String authToken) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, value) -> data.append(name).append(value));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private Http.Response twilioCallback(String messageId, Map<String, String> parameters, String signature) {
        String form = parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return Http.to(server.getURI()).send("POST", "/webhooks/twilio/status?herald_message_id=" + messageId, form,
                Map.of("Content-Type", "application/x-www-form-urlencoded", "X-Twilio-Signature", signature));
    }

    private static Map<String, String> twilioStatus(String status) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("MessageSid", "SM0123456789abcdef0123456789abcdef");
        parameters.put("MessageStatus", status);
        parameters.put("AccountSid", ProviderStubs.TWILIO_ACCOUNT_SID);
        parameters.put("To", "+15550100");
        return parameters;
    }

    @Test
    void aSignedTwilioDeliveredCallbackMarksTheMessageDelivered() throws Exception {
        String id = sendOn("sms");
        Map<String, String> delivered = twilioStatus("delivered");
        String url = ProviderStubs.TWILIO_CALLBACK_URL + "?herald_message_id=" + id;

        var response = twilioCallback(id, delivered, twilioSignature(url, delivered, ProviderStubs.TWILIO_AUTH_TOKEN));

        assertThat(response.status()).isEqualTo(200);
        JsonNode message = api.message(id);
        assertThat(message.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(message.path("delivered").isNumber()).isTrue();
        assertThat(Http.texts(api.history(id), "type")).endsWith("SENT", "DELIVERED");
    }

    @Test
    void aTwilioCallbackRepeatedIsAcknowledgedAndActsOnce() throws Exception {
        String id = sendOn("sms");
        Map<String, String> delivered = twilioStatus("delivered");
        String url = ProviderStubs.TWILIO_CALLBACK_URL + "?herald_message_id=" + id;
        String signature = twilioSignature(url, delivered, ProviderStubs.TWILIO_AUTH_TOKEN);

        assertThat(twilioCallback(id, delivered, signature).status()).isEqualTo(200);
        assertThat(twilioCallback(id, delivered, signature).status()).isEqualTo(200);

        assertThat(Http.texts(api.history(id), "type").stream().filter("DELIVERED"::equals)).hasSize(1);
    }

    @Test
    void aForgedTwilioCallbackIsRefusedAndChangesNothing() throws Exception {
        String id = sendOn("sms");
        Map<String, String> delivered = twilioStatus("delivered");
        String url = ProviderStubs.TWILIO_CALLBACK_URL + "?herald_message_id=" + id;

        var wrongKey = twilioCallback(id, delivered, twilioSignature(url, delivered, "not-the-auth-token"));
        Map<String, String> tampered = new HashMap<>(delivered);
        tampered.put("MessageStatus", "read");
        var tamperedBody = twilioCallback(id, tampered, twilioSignature(url, delivered, ProviderStubs.TWILIO_AUTH_TOKEN));
        var unsigned = Http.to(server.getURI()).send("POST", "/webhooks/twilio/status?herald_message_id=" + id,
                "MessageStatus=delivered", Map.of("Content-Type", "application/x-www-form-urlencoded"));

        assertThat(wrongKey.status()).isEqualTo(403);
        assertThat(wrongKey.json().path("type").asText()).isEqualTo("authentication_error");
        assertThat(tamperedBody.status()).isEqualTo(403);
        assertThat(unsigned.status()).isEqualTo(403);
        assertThat(api.message(id).path("status").asText()).isEqualTo("SENT");
    }

    @Test
    void anUndeliveredSmsIsUndeliverableWithTheProvidersError() throws Exception {
        String id = sendOn("sms");
        Map<String, String> undelivered = twilioStatus("undelivered");
        undelivered.put("ErrorCode", "30003");
        String url = ProviderStubs.TWILIO_CALLBACK_URL + "?herald_message_id=" + id;

        twilioCallback(id, undelivered, twilioSignature(url, undelivered, ProviderStubs.TWILIO_AUTH_TOKEN));

        JsonNode message = api.message(id);
        assertThat(message.path("status").asText()).isEqualTo("UNDELIVERABLE");
        assertThat(message.path("reason").asText()).isEqualTo("PROVIDER_ERROR");
        assertThat(message.path("error").asText()).contains("30003");
    }

    // --- SendGrid -------------------------------------------------------------------------------------------

    private static String sendGridSignature(String timestamp, String body, KeyPair keys) {
        return SendGridEventWebhook.signature(timestamp, body, keys);
    }

    private Http.Response sendGridEvents(String body, String timestamp, String signature) {
        return SendGridEventWebhook.post(server.getURI(), body, timestamp, signature);
    }

    private static String now() {
        return Long.toString(java.time.Instant.now().getEpochSecond());
    }

    private static String events(String messageId, String providerId, String... kinds) {
        return SendGridEventWebhook.events(messageId, providerId, kinds);
    }

    @Test
    void signedSendGridEventsMoveTheMessageToOpenedAndLateEventsKeepTheirTime() throws Exception {
        String id = sendOn("email");
        String providerId = api.history(id).get(api.history(id).size() - 1).path("provider_message_id").asText();
        String body = events(id, providerId, "processed", "open", "delivered");
        String timestamp = now();

        var response = sendGridEvents(body, timestamp, sendGridSignature(timestamp, body, SENDGRID_KEYS));

        assertThat(response.status()).isEqualTo(200);
        JsonNode message = api.message(id);
        assertThat(message.path("status").asText()).as("a late delivered does not move the status back").isEqualTo("OPENED");
        assertThat(message.path("opened").asLong()).isEqualTo(1_795_000_001_000L);
        assertThat(message.path("delivered").asLong()).isEqualTo(1_795_000_002_000L);
        assertThat(Http.texts(api.history(id), "type")).endsWith("SENT", "OPENED", "DELIVERED");
    }

    @Test
    void aBounceMakesTheMessageUndeliverable() throws Exception {
        String id = sendOn("email");
        String body = events(id, "unknown-to-herald", "bounce");
        String timestamp = now();

        sendGridEvents(body, timestamp, sendGridSignature(timestamp, body, SENDGRID_KEYS));

        JsonNode message = api.message(id);
        assertThat(message.path("status").asText()).isEqualTo("UNDELIVERABLE");
        assertThat(message.path("reason").asText()).isEqualTo("BOUNCED");
        assertThat(message.path("error").asText()).contains("550");
    }

    @Test
    void forgedSendGridEventsAreRefusedAndChangeNothing() throws Exception {
        String id = sendOn("email");
        String body = events(id, "x", "open");
        String timestamp = now();
        KeyPair otherKeys = SendGridEventWebhook.newKeys();

        var wrongKey = sendGridEvents(body, timestamp, sendGridSignature(timestamp, body, otherKeys));
        var otherTimestamp = sendGridEvents(body, Long.toString(Long.parseLong(timestamp) + 1), sendGridSignature(timestamp, body, SENDGRID_KEYS));
        var tampered = sendGridEvents(body.replace("open", "click"), timestamp, sendGridSignature(timestamp, body, SENDGRID_KEYS));
        var garbage = sendGridEvents(body, timestamp, "not-base64!");

        assertThat(wrongKey.status()).isEqualTo(403);
        assertThat(otherTimestamp.status()).isEqualTo(403);
        assertThat(tampered.status()).isEqualTo(403);
        assertThat(garbage.status()).isEqualTo(403);
        assertThat(api.message(id).path("status").asText()).isEqualTo("SENT");
    }

    @Test
    void aSignedSendGridRequestFromLongAgoIsRefusedAndARepeatedEventActsOnce() throws Exception {
        String id = sendOn("email");
        String body = events(id, "x", "open");
        String old = Long.toString(java.time.Instant.now().minusSeconds(3_600).getEpochSecond());

        var replayed = sendGridEvents(body, old, sendGridSignature(old, body, SENDGRID_KEYS));

        assertThat(replayed.status()).isEqualTo(403);
        assertThat(replayed.json().path("message").asText()).contains("herald.providers.sendgrid.webhook-max-age");
        assertThat(api.message(id).path("status").asText()).isEqualTo("SENT");

        String timestamp = now();
        assertThat(sendGridEvents(body, timestamp, sendGridSignature(timestamp, body, SENDGRID_KEYS)).status()).isEqualTo(200);
        assertThat(sendGridEvents(body, timestamp, sendGridSignature(timestamp, body, SENDGRID_KEYS)).status())
                .as("a repeat is acknowledged").isEqualTo(200);
        assertThat(Http.texts(api.history(id), "type").stream().filter("OPENED"::equals)).as("and acts once").hasSize(1);
    }

    // --- Refusals -------------------------------------------------------------------------------------------

    private static void assertApiError(Http.Response response, int status, String type, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().fieldNames()).toIterable().containsExactlyInAnyOrder("message", "type");
        assertThat(response.json().path("type").asText()).isEqualTo(type);
        assertThat(response.json().path("message").asText()).isEqualTo(message);
    }

    @Test
    void everyRefusalOfACallbackIsInTheOneErrorFormat() throws Exception {
        Map<String, String> delivered = twilioStatus("delivered");
        String timestamp = now();
        String notAnArray = "{\"event\": \"open\"}";

        assertApiError(twilioCallback("1-x", delivered, twilioSignature(ProviderStubs.TWILIO_CALLBACK_URL, delivered, "not-the-auth-token")),
                403, "authentication_error", "Invalid X-Twilio-Signature");
        assertApiError(Http.to(server.getURI()).send("POST", "/webhooks/twilio/status", "{}", Map.of("Content-Type", "application/json")),
                415, "invalid_request_error", "Content-Type must be application/x-www-form-urlencoded, not application/json");
        assertApiError(sendGridEvents("[]", timestamp, "not-base64!"), 403, "authentication_error",
                "Invalid X-Twilio-Email-Event-Webhook-Signature");
        assertApiError(sendGridEvents(notAnArray, timestamp, sendGridSignature(timestamp, notAnArray, SENDGRID_KEYS)),
                400, "invalid_request_error", "body must be a JSON array of SendGrid events");
    }
}
