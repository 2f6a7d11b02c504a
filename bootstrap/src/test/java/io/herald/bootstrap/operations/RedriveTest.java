package io.herald.bootstrap.operations;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.bootstrap.support.Api;
import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Http;
import io.herald.bootstrap.support.MutableTestClock;
import io.herald.bootstrap.support.ProviderStubs;
import io.herald.bootstrap.support.Sql;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Re-drive after an outage longer than the give-up time, or a fix: messages, inbound events and automation runs
 * that gave up go through again, each once. The give-up time is shortened to two minutes of (driven) clock time.
 */
@MicronautTest(transactional = false)
class RedriveTest implements HeraldTest {

    private static final ProviderStubs PROVIDERS = new ProviderStubs();

    @Inject
    EmbeddedServer server;

    @Inject
    MutableTestClock clock;

    @Inject
    DurableWork durableWork;

    private Api api;
    private Http http;
    private TimeDriver time;

    @Override
    public Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(PROVIDERS.heraldProperties());
        properties.put("herald.channels.email.providers", "sendgrid");
        properties.put("herald.delivery.give-up-after", "2m");
        properties.put("herald.delivery.circuit.failures", "1000");
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
        http = api.http();
        time = new TimeDriver(clock, durableWork);
    }

    private String sendEmail(String address, String template) {
        api.put("/templates/" + template, "{\"channels\": {\"email\": {\"subject\": \"Hi\", \"text\": \"Hello\"}}}");
        return api.send("{\"to\": {\"email\": \"" + address + "\"}, \"template\": \"" + template + "\", "
                + "\"routing\": {\"method\": \"single\", \"channels\": [\"email\"]}}");
    }

    private String status(String id) {
        return api.message(id).path("status").asText();
    }

    @Test
    void undeliverableMessagesAreSentAgainOnceTheirProviderWorksEachOnce() {
        PROVIDERS.sendGridAnswers(aResponse().withStatus(503));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(sendEmail("redrive-" + i + "@example.org", "outage"));
        }
        String other = sendEmail("other@example.org", "unrelated");
        assertThat(time.driveUntil(() -> ids.stream().allMatch(id -> status(id).equals("UNDELIVERABLE")) && status(other).equals("UNDELIVERABLE"),
                Duration.ofSeconds(10), Duration.ofMinutes(5))).as("given up after two minutes").isTrue();
        JsonNode given = api.message(ids.get(0));
        assertThat(given.path("reason").asText()).isEqualTo("PROVIDER_ERROR");
        assertThat(given.path("error").asText()).contains("given up");
        List<String> next = new ArrayList<>();
        api.history(ids.get(0)).forEach(entry -> {
            if (entry.path("type").asText().equals("PROVIDER_ERROR")) {
                next.add(entry.path("next").asText());
            }
        });
        // Each error said what came next: a retry, until the one after which the next try would have been too late.
        // (When the clock passes the give-up time between two tries, the message gives up at the due try instead.)
        assertThat(next).isNotEmpty().isSubsetOf("retry", "undeliverable");
        assertThat(next.subList(0, next.size() - 1)).containsOnly("retry");
        assertThat(Http.texts(api.history(ids.get(0)), "type")).last().isEqualTo("UNDELIVERABLE");

        PROVIDERS.sendGridAnswers(aResponse().withStatus(202).withHeader("X-Message-Id", "sg-redriven"));
        var redriven = http.post("/messages/redrive", "{\"template\": \"outage\", \"provider\": \"sendgrid\"}");

        assertThat(redriven.status()).isEqualTo(200);
        assertThat(redriven.json().path("redriven").asInt()).isEqualTo(5);
        await().atMost(Duration.ofSeconds(15)).until(() -> ids.stream().allMatch(id -> status(id).equals("SENT")));
        assertThat(status(other)).as("outside the filter").isEqualTo("UNDELIVERABLE");
        Map<String, Integer> accepted = PROVIDERS.sendGridAnswered(202);
        assertThat(ids).allSatisfy(id -> assertThat(accepted.get(id)).isEqualTo(1));
        assertThat(Http.texts(api.history(ids.get(0)), "type")).containsSubsequence("PROVIDER_ERROR", "UNDELIVERABLE", "ENQUEUED",
                "ROUTED", "SENT");
        assertThat(http.post("/messages/redrive", "{\"template\": \"outage\"}").json().path("redriven").asInt())
                .as("nothing is re-driven twice").isZero();
    }

    @Test
    void aRedriveFilterThatCannotMatchIsRefusedWithA400() {
        var wrongStatus = http.post("/messages/redrive", "{\"status\": \"SENT\"}");
        assertThat(wrongStatus.status()).isEqualTo(400);
        assertThat(wrongStatus.json().path("message").asText()).contains("UNDELIVERABLE or UNROUTABLE");
        assertThat(http.post("/messages/redrive", "{\"from\": \"yesterday\"}").status()).isEqualTo(400);
        assertThat(http.post("/messages/redrive", "{\"channel\": \"fax\"}").status()).isEqualTo(400);
        assertThat(http.post("/messages/redrive", "{\"from\": 2000, \"to\": 1000}").status()).isEqualTo(400);
        assertThat(http.post("/messages/redrive", "{}").json().path("redriven").asInt()).isZero();
    }

    @Test
    void aFailedAutomationRunGoesOnFromTheStepThatFailedOnceTheCauseIsFixed() {
        api.put("/templates/not-yet", "{\"channels\": {\"email\": {\"subject\": \"Now\", \"text\": \"It exists\"}}}");
        var invoked = http.post("/automations/invoke", """
                {"recipient": "riley", "profile": {"email": "riley@example.org"}, "automation": {"steps": [
                  {"action": "delay", "duration": "1 minute"},
                  {"action": "send", "template": "not-yet", "routing": {"method": "single", "channels": ["email"]}}]}}""");
        assertThat(invoked.status()).as(invoked.body()).isEqualTo(202);
        String runId = invoked.json().path("runId").asText();
        assertThat(http.delete("/templates/not-yet").status()).isEqualTo(204);
        assertThat(time.driveUntil(() -> http.get("/automations/runs/" + runId).json().path("status").asText().equals("FAILED"),
                Duration.ofSeconds(30), Duration.ofMinutes(5))).as("the template was deleted during the delay").isTrue();

        api.put("/templates/not-yet", "{\"channels\": {\"email\": {\"subject\": \"Now\", \"text\": \"It exists\"}}}");
        var redriven = http.post("/automations/runs/redrive", "{}");

        assertThat(redriven.json().path("redriven").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/automations/runs/" + runId).json().path("status").asText().equals("COMPLETED"));
        assertThat(http.get("/messages").json().path("results")).singleElement()
                .satisfies(message -> assertThat(message.path("notification").asText()).isEqualTo("not-yet"));
    }

    @Test
    void failedInboundEventsAreProcessedAgain() {
        Sql.update("""
                INSERT INTO inbound_events (message_id, source, type, name, user_id, payload, status, received_at, processed_at, error, attempts)
                VALUES ('evt-failed', 'segment', 'identify', 'identify', 'casey',
                        '{"type": "identify", "userId": "casey", "messageId": "evt-failed", "traits": {"email": "casey@example.org"}}',
                        'FAILED', now(), now(), 'gave up after 12 attempts: the database was read-only', 12)""");

        var redriven = http.post("/inbound/events/redrive", "{\"type\": \"identify\"}");

        assertThat(redriven.json().path("redriven").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "casey@example.org".equals(http.get("/profiles/casey").json().path("profile").path("email").asText()));
        assertThat(Sql.count("SELECT count(*) FROM inbound_events WHERE message_id = 'evt-failed' AND status = 'PROCESSED'")).isEqualTo(1);
    }
}
