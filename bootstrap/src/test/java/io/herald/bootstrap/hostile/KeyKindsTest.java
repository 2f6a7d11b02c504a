package io.herald.bootstrap.hostile;

import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Http;
import io.herald.bootstrap.support.MutableTestClock;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys have the power of their kind (DESIGN §11): a Segment write key, shipped in every browser and phone, only sends
 * events; a client token reads and writes only its own user's inbox, preferences and tokens, within its scopes.
 */
@MicronautTest(transactional = false)
class KeyKindsTest implements HeraldTest {

    private static final String WRITE_KEY = "segment-write-key";

    @Inject
    EmbeddedServer server;

    @Inject
    MutableTestClock clock;

    private Http admin;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("herald.auth.write-keys", WRITE_KEY, "herald.test.clock", "mutable");
    }

    @BeforeEach
    void reset() {
        SharedPostgres.truncateAllTables();
        admin = Http.to(server.getURI()).withApiKey(API_KEY);
        admin.post("/profiles/alex", "{\"profile\": {\"email\": \"alex@example.org\"}}");
    }

    @Test
    void aSegmentWriteKeySendsEventsAndNothingElse() {
        String basic = "Basic " + Base64.getEncoder().encodeToString((WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));
        Http.Response tracked = Http.to(server.getURI()).send("POST", "/v1/track",
                "{\"userId\": \"alex\", \"event\": \"Clicked\", \"messageId\": \"wk-1\"}",
                Map.of("Content-Type", "application/json", "Authorization", basic));
        assertThat(tracked.status()).isEqualTo(200);
        assertThat(Http.to(server.getURI()).post("/v1/identify",
                "{\"userId\": \"alex\", \"messageId\": \"wk-2\", \"writeKey\": \"" + WRITE_KEY + "\"}").status()).isEqualTo(200);

        Http writer = Http.to(server.getURI()).withApiKey(WRITE_KEY);
        for (Http.Response refused : new Http.Response[] {writer.get("/profiles/alex"), writer.get("/messages"),
                writer.post("/send", "{\"message\": {\"to\": {\"user_id\": \"alex\"}, \"content\": {\"title\": \"t\", \"body\": \"b\"}}}"),
                writer.get("/users/alex/inbox"), writer.post("/auth/issue-token", "{\"scope\": \"user_id:alex read:preferences\"}")}) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().path("message").asText()).startsWith("This is a Segment write key");
            assertThat(refused.json().path("type").asText()).isEqualTo("authentication_error");
        }
        assertThat(admin.get("/messages").json().path("results")).isEmpty();
    }

    @Test
    void aClientTokenReachesOnlyItsUsersAreasWithinItsScopes() {
        String token = issue("user_id:alex inbox:read:messages read:preferences");
        Http client = Http.to(server.getURI()).withApiKey(token);

        assertThat(client.get("/users/alex/inbox").status()).isEqualTo(200);
        assertThat(client.get("/users/alex/preferences").status()).isEqualTo(200);
        assertThat(client.get("/users/bob/inbox").status()).isEqualTo(403);
        assertThat(client.get("/users/bob/inbox").json().path("message").asText()).isEqualTo("This token is for user 'alex' only");
        var write = client.put("/users/alex/preferences/marketing", "{\"topic\": {\"status\": \"OPTED_OUT\"}}");
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.json().path("message").asText()).isEqualTo("This token lacks the scope write:preferences");
        assertThat(client.get("/users/alex/tokens").status()).isEqualTo(403);
        assertThat(client.get("/profiles/alex").status()).isEqualTo(403);
        assertThat(client.get("/messages").status()).isEqualTo(403);
        assertThat(client.post("/auth/issue-token", "{\"scope\": \"user_id:alex write:preferences\"}").status()).isEqualTo(403);
        assertThat(client.post("/v1/track", "{\"userId\": \"alex\", \"event\": \"x\", \"messageId\": \"t-1\"}").status())
                .as("a client token sends no events").isEqualTo(401);
        assertThat(admin.get("/users/alex/preferences/marketing").json().path("topic").path("status").asText()).isEqualTo("OPTED_IN");
    }

    @Test
    void aTokenWithTheWriteScopeChangesThatUsersPreferences() {
        Http client = Http.to(server.getURI()).withApiKey(issue("user_id:alex write:preferences read:preferences"));

        assertThat(client.put("/users/alex/preferences/marketing", "{\"topic\": {\"status\": \"OPTED_OUT\"}}").status()).isEqualTo(200);
        assertThat(client.get("/users/alex/preferences/marketing").json().path("topic").path("status").asText()).isEqualTo("OPTED_OUT");
    }

    @Test
    void anExpiredOrTamperedTokenIsUnauthenticated() {
        String token = issue("user_id:alex inbox:read:messages");
        String tampered = token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA");
        assertThat(Http.to(server.getURI()).withApiKey(tampered).get("/users/alex/inbox").status()).isEqualTo(401);

        clock.advance(Duration.ofHours(3));

        var expired = Http.to(server.getURI()).withApiKey(token).get("/users/alex/inbox");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().path("message").asText()).contains("expired");
    }

    @Test
    void issuingRefusesUnknownScopesWithA400() {
        var unknown = admin.post("/auth/issue-token", "{\"scope\": \"user_id:alex everything\", \"expires_in\": \"1 hour\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("message").asText()).startsWith("scope 'everything' is not one Herald knows");
        assertThat(admin.post("/auth/issue-token", "{\"expires_in\": \"1 hour\"}").status()).isEqualTo(400);
    }

    private String issue(String scope) {
        var issued = admin.post("/auth/issue-token", "{\"scope\": \"" + scope + "\", \"expires_in\": \"2 hours\"}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        return issued.json().path("token").asText();
    }
}
