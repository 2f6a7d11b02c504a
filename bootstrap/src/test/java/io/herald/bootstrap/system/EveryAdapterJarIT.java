package io.herald.bootstrap.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.herald.bootstrap.support.Http;
import io.herald.bootstrap.support.ProviderStubs;
import io.herald.bootstrap.support.SegmentStub;
import io.herald.bootstrap.support.SendGridEventWebhook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar as an operator runs it, with every adapter configured against local stubs of the real APIs:
 * SendGrid, Twilio, FCM (and Google's token endpoint), Segment feedback, and the inbox. One message per channel
 * reaches its provider, and Segment hears about each; the providers' callbacks answer. This is what catches a runtime
 * dependency missing from the jar.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryAdapterJarIT {

    private static final String API_KEY = "every-adapter-key";
    private static final String PROJECT = "herald-it";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProviderStubs providers = new ProviderStubs();
    private final SegmentStub segment = new SegmentStub();
    private final SendGridEventWebhook sendGridWebhook = new SendGridEventWebhook();
    private final WireMockServer google = new WireMockServer(options().dynamicPort());
    private HeraldProcess herald;
    private Http api;
    private Path directory;

    @BeforeAll
    void start() throws Exception {
        google.start();
        google.stubFor(post("/token").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\": \"ya29.it\", \"expires_in\": 3600, \"token_type\": \"Bearer\"}")));
        google.stubFor(post("/v1/projects/" + PROJECT + "/messages:send").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"name\": \"projects/" + PROJECT + "/messages/1\"}")));
        directory = Files.createTempDirectory("herald-every-adapter");

        Map<String, String> environment = new HashMap<>();
        providers.heraldProperties().forEach((key, value) -> environment.put(envName(key), value));
        sendGridWebhook.heraldProperties().forEach((key, value) -> environment.put(envName(key), value));
        environment.put("HERALD_AUTH_API_KEYS", API_KEY);
        environment.put("HERALD_CHANNELS_EMAIL_PROVIDERS", "sendgrid");
        environment.put("HERALD_CHANNELS_SMS_PROVIDERS", "twilio");
        environment.put("HERALD_CHANNELS_PUSH_PROVIDERS", "fcm");
        environment.put("HERALD_PROVIDERS_FCM_CREDENTIALS_FILE", serviceAccount(directory).toString());
        environment.put("HERALD_PROVIDERS_FCM_BASE_URL", google.baseUrl());
        environment.put("HERALD_SEGMENT_FEEDBACK_WRITE_KEY", "segment-write-key");
        environment.put("HERALD_SEGMENT_FEEDBACK_ENDPOINT", segment.endpoint());
        herald = new HeraldProcess(directory, environment).start();
        api = Http.to(herald.uri()).withApiKey(API_KEY);
    }

    @AfterAll
    void stop() {
        herald.close();
        HeraldProcess.deleteDirectory(directory);
        providers.close();
        segment.close();
        google.stop();
    }

    @Test
    void oneMessagePerChannelReachesItsProviderAndSegmentHearsOfEach() {
        assertThat(api.post("/profiles/pat", "{\"profile\": {\"email\": \"pat@example.org\", \"phone_number\": \"+15550142\"}}").status())
                .isEqualTo(200);
        assertThat(api.put("/users/pat/tokens/device-1", "{\"provider_key\": \"firebase-fcm\"}").status()).isBetween(200, 204);

        Map<String, String> byChannel = new LinkedHashMap<>();
        for (String channel : List.of("email", "sms", "push", "inbox")) {
            var sent = api.post("/send", "{\"message\": {\"to\": {\"user_id\": \"pat\"}, \"content\": {\"title\": \"Hello\", \"body\": \"On "
                    + channel + "\"}, \"routing\": {\"method\": \"single\", \"channels\": [\"" + channel + "\"]}}}");
            assertThat(sent.status()).as(sent.body()).isEqualTo(202);
            byChannel.put(channel, sent.json().path("requestId").asText());
        }

        byChannel.forEach((channel, id) -> await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode message = api.get("/messages/" + id).json();
            assertThat(message.path("status").asText()).as("%s: %s", channel, message).isEqualTo("SENT");
            assertThat(message.path("channel").asText()).isEqualTo(channel);
        }));
        assertThat(ProviderStubs.json(providers.sendGridRequests().get(0)).path("custom_args").path("herald_message_id").asText())
                .isEqualTo(byChannel.get("email"));
        assertThat(ProviderStubs.form(providers.twilioRequests().get(0))).containsEntry("To", "+15550142");
        assertThat(google.findAll(postRequestedFor(urlEqualTo("/v1/projects/" + PROJECT + "/messages:send")))).singleElement()
                .satisfies(request -> assertThat(request.getBodyAsString()).contains("device-1"));
        assertThat(api.get("/users/pat/inbox").json().toString()).contains(byChannel.get("inbox"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(segment.acceptedEvents().stream()
                .filter(event -> event.path("event").asText().equals("Message Sent"))
                .map(event -> event.path("properties").path("messageId").asText()))
                .containsAll(byChannel.values()));
        assertThat(herald.output()).contains("Channel email: sendgrid").contains("Channel push: fcm")
                .contains("Feedback to Segment: on, to " + segment.endpoint()).doesNotContain(ProviderStubs.SENDGRID_API_KEY)
                .doesNotContain(ProviderStubs.TWILIO_AUTH_TOKEN);
    }

    @Test
    void theConsolesProvidersPageShowsHowEachProviderIsConfiguredAndNoCredential() {
        Http.Response login = Http.to(herald.uri()).send("POST", "/console/login", "key=" + API_KEY,
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(login.status()).isEqualTo(303);
        Matcher session = Pattern.compile("herald_console=([^;]+)").matcher(login.header("Set-Cookie"));
        assertThat(session.find()).isTrue();

        Http.Response page = Http.to(herald.uri()).send("GET", "/console/providers", null, Map.of("Cookie", "herald_console=" + session.group(1)));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-provider-settings=\"sendgrid\"").contains("noreply@herald.example.com")
                .contains("data-provider-settings=\"twilio\"").contains("+15550000000").contains(ProviderStubs.TWILIO_CALLBACK_URL)
                .contains("data-provider-settings=\"fcm\"").contains(PROJECT).contains("signed events verified");
        assertThat(page.body()).as("no credential").doesNotContain(ProviderStubs.SENDGRID_API_KEY).doesNotContain(ProviderStubs.TWILIO_AUTH_TOKEN)
                .doesNotContain(ProviderStubs.TWILIO_ACCOUNT_SID).doesNotContain("PRIVATE KEY").doesNotContain(API_KEY);
    }

    @Test
    void theRecurringJobsRunInTheJar() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(herald.output()).as("the funnel's past days, counted at start-up (ADR 0016)").contains("Funnel: counted 89 days in "));
    }

    @Test
    void detailedHealthListsEveryConfiguredProvider() {
        JsonNode components = api.get("/health").json().path("components");
        assertThat(components.path("providers").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("sendgrid", "twilio", "fcm", "inbox");
        assertThat(components.path("feedback").path("enabled").asBoolean()).isTrue();
    }

    /**
     * The callbacks live beside their senders, in another module than the API's error format (ADR 0012): the jar
     * serves both, verifies a signed SendGrid request (BouncyCastle is packaged) and refuses in the one error format.
     */
    @Test
    void theProvidersCallbacksAnswerFromTheJarInTheOneErrorFormat() {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String notAnArray = "{\"event\": \"open\"}";

        var emptyBatch = sendGridWebhook.postSigned(herald.uri(), "[]", timestamp);
        var unreadable = sendGridWebhook.postSigned(herald.uri(), notAnArray, timestamp);
        var forged = Http.to(herald.uri()).send("POST", "/webhooks/twilio/status?herald_message_id=1-x", "MessageStatus=delivered",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "X-Twilio-Signature", "Zm9yZ2Vk"));

        assertThat(emptyBatch.status()).as(emptyBatch.body()).isEqualTo(200);
        assertThat(unreadable.status()).as(unreadable.body()).isEqualTo(400);
        assertThat(unreadable.json().fieldNames()).toIterable().containsExactlyInAnyOrder("message", "type");
        assertThat(unreadable.json().path("message").asText()).isEqualTo("body must be a JSON array of SendGrid events");
        assertThat(forged.status()).as(forged.body()).isEqualTo(403);
        assertThat(forged.json().fieldNames()).toIterable().containsExactlyInAnyOrder("message", "type");
        assertThat(forged.json().path("type").asText()).isEqualTo("authentication_error");
        assertThat(forged.json().path("message").asText()).isEqualTo("Invalid X-Twilio-Signature");
    }

    /** A cheap guard beside the process test: the jar carries the SDK of every adapter. */
    @Test
    void theJarCarriesEveryAdaptersLibraries() throws IOException {
        try (ZipFile jar = new ZipFile(HeraldProcess.jar().toFile())) {
            assertThat(List.of("com/segment/analytics/Analytics.class", "com/segment/analytics/Callback.class",
                    "com/sendgrid/SendGrid.class", "org/bouncycastle/jce/provider/BouncyCastleProvider.class", "com/twilio/Twilio.class",
                    "com/google/auth/oauth2/ServiceAccountCredentials.class",
                    "org/postgresql/Driver.class", "io/zonky/test/db/postgres/embedded/EmbeddedPostgres.class",
                    "com/github/kagkarlsson/scheduler/Scheduler.class", "org/flywaydb/core/Flyway.class",
                    "com/github/jknack/handlebars/Handlebars.class", "dev/cel/runtime/CelRuntime.class"))
                    .allSatisfy(entry -> assertThat(jar.getEntry(entry)).as(entry).isNotNull());
        }
    }

    private static String envName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private Path serviceAccount(Path directory) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "service_account");
        json.put("project_id", PROJECT);
        json.put("private_key_id", "it-key");
        json.put("private_key", pem);
        json.put("client_email", "herald@herald-it.iam.gserviceaccount.com");
        json.put("client_id", "100000000000000000002");
        json.put("token_uri", google.baseUrl() + "/token");
        return Files.writeString(directory.resolve("service-account.json"), JSON.writeValueAsString(json));
    }
}
