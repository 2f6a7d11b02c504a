package io.herald.bootstrap.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.bootstrap.support.Api;
import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Http;
import io.herald.bootstrap.support.Sql;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Templates that would render without bound or never end are refused, at save or once at render, never retried. */
@MicronautTest(transactional = false)
class RunawayWorkTest implements HeraldTest {

    @Inject
    EmbeddedServer server;

    private Api api;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("herald.limits.render-bytes", "2000", "herald.automations.max-runs-per-chain", "20");
    }

    @BeforeEach
    void reset() {
        SharedPostgres.truncateAllTables();
        api = new Api(server.getURI(), API_KEY);
    }

    @Test
    void aMessageThatRendersPastTheLimitIsUndeliverableOnceAndNotRetried() {
        api.put("/templates/digest", "{\"channels\": {\"email\": {\"subject\": \"Digest\", \"html\": \"{{#each items}}<li>{{this}}</li>{{/each}}\"}}}");
        StringBuilder items = new StringBuilder("[");
        for (int i = 0; i < 2_000; i++) {
            items.append(i == 0 ? "" : ",").append("\"item ").append(i).append('"');
        }

        String id = api.send("{\"to\": {\"email\": \"big@example.org\"}, \"template\": \"digest\", \"data\": {\"items\": " + items + "]}}");

        JsonNode message = api.awaitStatus(id, "UNDELIVERABLE");
        assertThat(message.path("reason").asText()).isEqualTo("FAILED");
        assertThat(message.path("error").asText()).isEqualTo("channels.email.html renders to more than 2000 bytes (herald.limits.render-bytes)");
        assertThat(Http.texts(api.history(id), "type")).containsOnlyOnce("UNDELIVERABLE");
        assertThat(Sql.count("SELECT count(*) FROM delivery_looks")).as("nothing left to retry").isZero();
        assertThat(Sql.count("SELECT count(*) FROM message_outputs WHERE message_id = ?", id)).as("no partial output stored").isZero();
    }

    @Test
    void templatesThatNestTooDeepOrRecurseAreRefusedAtSave() {
        var deep = api.http().put("/templates/deep", "{\"channels\": {\"sms\": {\"body\": \"" + "{{#if a}}".repeat(3_000) + "x"
                + "{{/if}}".repeat(3_000) + "\"}}}");
        assertThat(deep.status()).isEqualTo(400);
        assertThat(deep.json().path("message").asText()).isEqualTo("channels.sms.body nests blocks more than 64 deep (herald.limits.template-depth)");

        var recursive = api.http().put("/templates/loop", "{\"channels\": {\"email\": {\"subject\": \"s\", \"html\": "
                + "\"{{#*inline \\\"p\\\"}}again {{> p}}{{/inline}}{{> p}}\"}}}");
        assertThat(recursive.status()).isEqualTo(400);
        assertThat(recursive.json().path("message").asText()).contains("the inline partial 'p' calls itself");
        assertThat(Sql.count("SELECT count(*) FROM templates")).isZero();
    }

    @Test
    void automationsThatInvokeEachOtherStopAtTheChainsCap() {
        api.put("/automations/pong", "{\"steps\": [{\"action\": \"update-profile\", \"profile\": {\"x\": 1}}]}");
        String fanOut = "{\"action\": \"invoke\", \"template\": \"%s\"}";
        api.put("/automations/ping", "{\"steps\": [" + String.join(",", java.util.Collections.nCopies(3, fanOut.formatted("pong"))) + "]}");
        api.put("/automations/pong", "{\"steps\": [" + String.join(",", java.util.Collections.nCopies(3, fanOut.formatted("ping"))) + "]}");

        var invoked = api.http().post("/automations/ping/invoke", "{\"recipient\": \"cycler\"}");
        assertThat(invoked.status()).isEqualTo(202);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> Sql.count("SELECT count(*) FROM automation_runs WHERE status IN ('RUNNING', 'WAITING')") == 0);
        long runs = Sql.count("SELECT count(*) FROM automation_runs");
        // Three invokes a run, each run invoking on: uncapped, it would run into the thousands before the depth limit.
        assertThat(runs).as("the chain is locked while it counts, so the cap is exact").isEqualTo(20);
        assertThat(Sql.count("SELECT count(DISTINCT chain_id) FROM automation_runs")).isEqualTo(1);
        assertThat(Sql.text("SELECT state->>'error' FROM automation_runs WHERE status = 'FAILED' LIMIT 1"))
                .contains("has started 20 runs, the most herald.automations.max-runs-per-chain allows");
    }
}
