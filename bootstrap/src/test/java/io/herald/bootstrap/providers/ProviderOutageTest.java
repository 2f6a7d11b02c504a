package io.herald.bootstrap.providers;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.bootstrap.support.Api;
import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Http;
import io.herald.bootstrap.support.MutableTestClock;
import io.herald.bootstrap.support.ProviderStubs;
import io.herald.bootstrap.support.TimeDriver;
import io.herald.persistence.durable.DurableWork;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A SendGrid outage with Herald's default delivery policy (DESIGN §10), the real SendGrid SDK against a stub of its
 * API, time driven through the clock: every message rides it out and is sent once; a SendGrid that hangs holds up
 * no other channel; health and metrics say what is going on.
 */
@MicronautTest(transactional = false)
class ProviderOutageTest implements HeraldTest {

    private static final ProviderStubs PROVIDERS = new ProviderStubs();
    private static final Pattern TRANSIENT_ATTEMPTS = Pattern.compile(
            "(?m)^herald_provider_attempts_total\\{(?=[^}]*outcome=\"transient\")(?=[^}]*provider=\"sendgrid\")[^}]*} ([0-9.E]+)$");

    @Inject
    EmbeddedServer server;

    @Inject
    MutableTestClock clock;

    @Inject
    DurableWork durableWork;

    private Api api;
    private TimeDriver time;

    @Override
    public Map<String, String> extraProperties() {
        // The delivery policy is Herald's default; only the SendGrid call timeout is shortened for the hanging stub.
        Map<String, String> properties = new HashMap<>(PROVIDERS.heraldProperties());
        properties.put("herald.channels.email.providers", "sendgrid");
        properties.put("herald.channels.sms.providers", "console");
        properties.put("herald.providers.sendgrid.concurrency", "2");
        properties.put("herald.test.clock", "mutable");
        properties.put("herald.scheduler.polling-interval", "100ms");
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
        time = new TimeDriver(clock, durableWork);
        // Whatever earlier tests left of the circuit, a success closes it.
        String warmUp = sendEmail("warm-up@example.org");
        assertThat(time.driveUntil(() -> status(warmUp).equals("SENT"), Duration.ofSeconds(10), Duration.ofMinutes(10))).isTrue();
        SharedPostgres.truncateAllTables();
        PROVIDERS.reset();
    }

    private String sendEmail(String address) {
        return api.send("{\"to\": {\"email\": \"" + address + "\"}, \"content\": {\"title\": \"Hello\", \"body\": \"Hi\"}, "
                + "\"routing\": {\"method\": \"single\", \"channels\": [\"email\"]}}");
    }

    private String status(String id) {
        return api.message(id).path("status").asText();
    }

    private boolean allSent(List<String> ids) {
        return ids.stream().allMatch(id -> status(id).equals("SENT"));
    }

    @Test
    void aSixtySecondOutageOfServerErrorsIsRiddenOutAndEveryMessageIsSentOnce() {
        double transientBefore = transientAttempts();
        PROVIDERS.sendGridAnswers(aResponse().withStatus(500).withBody("{\"errors\": [{\"message\": \"internal error\"}]}"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(sendEmail("user-" + i + "@example.org"));
        }
        // The first failures open SendGrid's circuit: the later mails are not tried, they wait for its probe (and say so).
        await().atMost(Duration.ofSeconds(15)).until(() -> ids.stream().noneMatch(id -> providerErrors(id).isEmpty()));

        time.drive(Duration.ofSeconds(60), Duration.ofSeconds(2));

        assertThat(ids).allSatisfy(id -> assertThat(status(id)).as("still trying after 60 s").isEqualTo("ROUTED"));
        JsonNode health = Http.to(server.getURI()).withApiKey(API_KEY).get("/health").json();
        JsonNode sendGrid = health.path("components").path("providers").path("sendgrid");
        assertThat(sendGrid.path("state").asText()).isEqualTo("OPEN");
        assertThat(sendGrid.path("consecutive_failures").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(sendGrid.path("last_failure").path("error").asText()).contains("500");

        PROVIDERS.sendGridAnswers(aResponse().withStatus(202).withHeader("X-Message-Id", "sg-after-outage"));
        assertThat(time.driveUntil(() -> allSent(ids), Duration.ofSeconds(5), Duration.ofMinutes(15)))
                .as("every message is sent once SendGrid answers again").isTrue();

        Map<String, Integer> accepted = PROVIDERS.sendGridAnswered(202);
        assertThat(ids).allSatisfy(id -> assertThat(accepted.get(id)).as("SendGrid accepted %s once", id).isEqualTo(1));
        assertThat(ids).allSatisfy(id -> {
            List<JsonNode> errors = providerErrors(id);
            assertThat(errors).isNotEmpty().allSatisfy(error -> {
                assertThat(error.path("provider").asText()).isEqualTo("sendgrid");
                assertThat(error.path("channel").asText()).isEqualTo("email");
                assertThat(error.path("transient").asBoolean()).isTrue();
                assertThat(error.path("next").asText()).isEqualTo("retry");
            });
            assertThat(api.message(id).path("channels")).singleElement().satisfies(leg -> {
                assertThat(leg.path("provider").asText()).isEqualTo("sendgrid");
                assertThat(leg.path("outcome").asText()).isEqualTo("SENT");
            });
        });
        Map<String, Integer> refused = PROVIDERS.sendGridAnswered(500);
        assertThat(refused.keySet()).as("each mail SendGrid refused has the refusal in its history").isNotEmpty()
                .allSatisfy(id -> assertThat(providerErrors(id).stream().filter(error -> error.path("status_code").asInt() == 500))
                        .hasSize(refused.get(id)));
        int serverErrors = refused.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(transientAttempts() - transientBefore).as("herald_provider_attempts_total counts every 500")
                .isEqualTo(serverErrors);
        assertThat(Http.to(server.getURI()).withApiKey(API_KEY).get("/health").json()
                .path("components").path("providers").path("sendgrid").path("state").asText()).isEqualTo("CLOSED");
    }

    @Test
    void aSendGridThatNeverAnswersHoldsUpNoOtherChannelAndItsMailsGoOnceItAnswers() {
        // Each call waits for the 500 ms read timeout; two at a time (SendGrid's bulkhead), so mails queue up behind them.
        PROVIDERS.sendGridAnswers(aResponse().withStatus(503).withFixedDelay(3_000));
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            emails.add(sendEmail("hang-" + i + "@example.org"));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> !PROVIDERS.sendGridRequests().isEmpty());

        for (int i = 0; i < 5; i++) {
            assertSentWithinOneSecond("{\"to\": {\"user_id\": \"inbox-user-" + i + "\"}, \"content\": {\"title\": \"Hi\", \"body\": \"In app\"}, "
                    + "\"routing\": {\"method\": \"single\", \"channels\": [\"inbox\"]}}");
            assertSentWithinOneSecond("{\"to\": {\"phone_number\": \"+1555010" + i + "\"}, \"content\": {\"title\": \"Hi\", \"body\": \"Text\"}, "
                    + "\"routing\": {\"method\": \"single\", \"channels\": [\"sms\"]}}");
        }
        assertThat(emails).noneSatisfy(id -> assertThat(status(id)).isEqualTo("SENT"));

        PROVIDERS.sendGridAnswers(aResponse().withStatus(202).withHeader("X-Message-Id", "sg-answering"));
        assertThat(time.driveUntil(() -> allSent(emails), Duration.ofSeconds(5), Duration.ofMinutes(15))).isTrue();
        Map<String, Integer> accepted = PROVIDERS.sendGridAnswered(202);
        assertThat(emails).allSatisfy(id -> assertThat(accepted.get(id)).as("SendGrid accepted %s once", id).isEqualTo(1));
        assertThat(emails.stream().flatMap(id -> providerErrors(id).stream()).map(error -> error.path("error").asText()))
                .anySatisfy(error -> assertThat(error).contains("no answer in time"));
    }

    @Test
    void healthWithoutAKeyIsOnlyTheStatus() {
        var open = Http.to(server.getURI()).get("/health");
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.body()).isEqualTo("{\"status\":\"UP\"}");
        var wrongKey = Http.to(server.getURI()).withApiKey("not-a-key").get("/health");
        assertThat(wrongKey.body()).isEqualTo("{\"status\":\"UP\"}");

        JsonNode detailed = Http.to(server.getURI()).withApiKey(API_KEY).get("/health").json();
        assertThat(detailed.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(detailed.path("components").path("scheduler").path("enabled").asBoolean()).isTrue();
        assertThat(detailed.path("components").path("scheduler").has("due")).isTrue();
        assertThat(detailed.path("components").path("providers").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("sendgrid", "console", "inbox");
        assertThat(detailed.toString()).doesNotContain(ProviderStubs.SENDGRID_API_KEY);
    }

    @Test
    void prometheusMetricsAreReadWithTheKey() {
        // Micronaut's management endpoint, present only in the whole application (the REST adapter's AccessFilterTest
        // shows a caller without the admin key is refused there as everywhere).
        var metrics = Http.to(server.getURI()).withApiKey(API_KEY).get("/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
        assertThat(Http.to(server.getURI()).get("/prometheus").status()).as("without the key").isEqualTo(401);
    }

    private void assertSentWithinOneSecond(String message) {
        Instant sentAt = Instant.now();
        String id = api.send(message);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(10)).until(() -> status(id).equals("SENT"));
        assertThat(Duration.between(sentAt, Instant.now())).isLessThan(Duration.ofSeconds(1));
    }

    private List<JsonNode> providerErrors(String id) {
        return StreamSupport.stream(api.history(id).spliterator(), false)
                .filter(entry -> entry.path("type").asText().equals("PROVIDER_ERROR")).toList();
    }

    private double transientAttempts() {
        String metrics = Http.to(server.getURI()).withApiKey(API_KEY).get("/prometheus").body();
        Matcher matcher = TRANSIENT_ATTEMPTS.matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
