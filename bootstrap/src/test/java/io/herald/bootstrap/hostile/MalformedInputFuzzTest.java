package io.herald.bootstrap.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Http;
import io.herald.bootstrap.support.Sql;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of malformed bodies, ids and query parameters sent to every endpoint that takes them: whatever comes in,
 * Herald answers with a JSON error below 500, and nothing a refused request carried reaches the database.
 */
@MicronautTest(transactional = false)
class MalformedInputFuzzTest implements HeraldTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Bodies no endpoint may accept: broken JSON, the wrong shape, text PostgreSQL cannot store, runaway nesting. */
    private static final List<String> BODIES = List.of(
            "{", "{\"a\":", "[1, 2", "nul", "{\"a\" 1}", "{'a': 1}", "\u0000", "{\"a\": \"\\u0000\"}",
            "{\"message\": {\"to\": {\"email\": \"x\\u0000@example.org\"}}}", "{\"a\": \"\\ud800\"}", "{\"\\udc00\": 1}",
            "[]", "123", "\"text\"", "null", "true", "[".repeat(2_000) + "]".repeat(2_000),
            "{\"a\":".repeat(1_500) + "1" + "}".repeat(1_500), "{\"profile\": {\"name\": \"\\u0000\"}, \"patch\": [], \"message\": 5}",
            "\u00ff\u00fe garbage \u0001\u0002", "{\"batch\": [{\"type\": \"track\", \"event\": \"\\u0000\"}]}",
            "{\"topic\": {\"status\": \"\\u0000\"}, \"scope\": \"user_id:\\u0000\"}");

    private static final List<String[]> BODY_ENDPOINTS = List.of(
            new String[] {"POST", "/send"}, new String[] {"POST", "/v1/track"}, new String[] {"POST", "/v1/identify"},
            new String[] {"POST", "/v1/batch"}, new String[] {"POST", "/segment"}, new String[] {"POST", "/inbound/courier"},
            new String[] {"PUT", "/profiles/fuzz"}, new String[] {"POST", "/profiles/fuzz"}, new String[] {"PATCH", "/profiles/fuzz"},
            new String[] {"PUT", "/templates/fuzz"}, new String[] {"PUT", "/automations/fuzz"}, new String[] {"POST", "/automations/invoke"},
            new String[] {"PUT", "/lists/fuzz"}, new String[] {"PUT", "/users/fuzz/preferences/news"},
            new String[] {"PUT", "/users/fuzz/tokens/device"}, new String[] {"POST", "/messages/redrive"},
            new String[] {"POST", "/auth/issue-token"}, new String[] {"POST", "/inbound/events/redrive"},
            new String[] {"POST", "/automations/runs/redrive"}, new String[] {"POST", "/lists/fuzz/subscriptions"});

    private static final List<String> IDS = List.of("%00", "a%00b", "%ud800", "%ZZ", "x".repeat(300), "%F0%9F", "%C0%AF",
            "..%2F..%2Fetc", "%E2%80%AE");
    private static final List<String> ID_PATHS = List.of("/profiles/%s", "/messages/%s", "/messages/%s/history", "/messages/%s/output",
            "/templates/%s", "/automations/%s", "/automations/runs/%s", "/lists/%s", "/lists/%s/subscriptions", "/users/%s/preferences",
            "/users/%s/tokens", "/users/%s/inbox", "/tenants/%s", "/users/%s/tenants");
    private static final List<String> QUERIES = List.of("limit=-1", "limit=abc", "limit=1e9", "limit=99999999999", "cursor=%00",
            "cursor=not-a-cursor!", "cursor=AAAA", "status=NOPE", "status=%00", "recipient=%00", "notification=%ud800",
            "cursor=" + "A".repeat(5_000), "limit=", "status=");
    private static final List<String> LISTS = List.of("/messages", "/inbound/events", "/templates", "/automations",
            "/lists/fuzz-existing/subscriptions");

    @Inject
    EmbeddedServer server;

    private Http api;

    @BeforeEach
    void reset() {
        SharedPostgres.truncateAllTables();
        api = Http.to(server.getURI()).withApiKey(API_KEY);
        assertThat(api.put("/lists/fuzz-existing", "{\"name\": \"Existing\"}").status()).isBetween(200, 204);
    }

    @Test
    void everyMalformedRequestGetsAJsonErrorBelow500AndWritesNothing() throws Exception {
        Map<String, Long> before = tableCounts();
        List<String> cases = new ArrayList<>();
        for (String[] endpoint : BODY_ENDPOINTS) {
            for (String body : BODIES) {
                Http.Response response = api.send(endpoint[0], endpoint[1], body, Map.of("Content-Type", "application/json"));
                // The re-drive endpoints take an optional body: JSON null is no filter, not a malformed one.
                boolean optionalBody = endpoint[1].endsWith("/redrive") && body.equals("null");
                check(cases, endpoint[0] + " " + endpoint[1] + " " + abbreviate(body), response, !optionalBody);
            }
        }
        for (String path : ID_PATHS) {
            for (String id : IDS) {
                check(cases, "GET " + path.formatted(id), rawGet(path.formatted(id)), false);
            }
        }
        for (String list : LISTS) {
            for (String query : QUERIES) {
                check(cases, "GET " + list + "?" + query, rawGet(list + "?" + query), false);
            }
        }

        assertThat(cases.size()).as("cases").isGreaterThanOrEqualTo(500);
        assertThat(tableCounts()).as("nothing of a refused request was stored").isEqualTo(before);
    }

    private static void check(List<String> cases, String name, Http.Response response, boolean mustBeRefused) throws Exception {
        cases.add(name);
        assertThat(response.status()).as("%s answered %s", name, response.body()).isLessThan(500);
        if (mustBeRefused) {
            assertThat(response.status()).as("%s was accepted: %s", name, response.body()).isBetween(400, 499);
        }
        if (response.status() >= 400) {
            assertThat(response.header("Content-Type")).as(name).startsWith("application/json");
            JsonNode error = JSON.readTree(response.body());
            assertThat(error.path("message").asText()).as(name).isNotBlank();
            assertThat(error.path("type").asText()).as(name).isNotBlank();
        }
    }

    /** A GET with the request line exactly as written, malformed escapes included (java.net.URI would refuse them). */
    private Http.Response rawGet(String target) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", server.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + API_KEY
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int headersEnd = answer.indexOf("\r\n\r\n");
            String[] head = answer.substring(0, headersEnd).split("\r\n", -1);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(head[i].substring(0, colon).trim(), List.of(head[i].substring(colon + 1).trim()));
            }
            return new Http.Response(Integer.parseInt(head[0].split(" ", -1)[1]), answer.substring(headersEnd + 4), headers);
        }
    }

    private static Map<String, Long> tableCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("profiles", "push_tokens", "tenants", "tenant_members", "inbound_events", "templates", "preferences",
                "lists", "list_subscriptions", "messages", "message_history", "automations", "automation_runs", "idempotency_keys",
                "inbox_messages", "engagement_feedback", "webhook_receipts")) {
            counts.put(table, Sql.count("SELECT count(*) FROM " + table));
        }
        return counts;
    }

    private static String abbreviate(String body) {
        return body.length() <= 40 ? body : body.substring(0, 40) + "…(" + body.length() + " chars)";
    }
}
