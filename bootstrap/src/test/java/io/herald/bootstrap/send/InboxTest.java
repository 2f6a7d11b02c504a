package io.herald.bootstrap.send;

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

/** The in-app inbox as a provider: delivered into PostgreSQL exactly once, read, clicked and archived by the user. */
@MicronautTest(transactional = false)
class InboxTest implements HeraldTest {

    @Inject
    EmbeddedServer server;

    private Api api;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("herald.channels.inbox.providers", "inbox");
    }

    @BeforeEach
    void reset() {
        SharedPostgres.truncateAllTables();
        api = new Api(server.getURI(), API_KEY);
        api.put("/templates/tip", """
                {"channels": {"inbox": {"title": "Tip for {{profile.name}}", "body": "Try {{feature}}", "action_url": "https://app.example.org/{{feature}}"}}}""");
        api.post("/profiles/alex", "{\"profile\": {\"name\": \"Alex\"}}");
    }

    @Test
    void anInboxMessageIsDeliveredReadClickedAndArchived() {
        String id = api.send("{\"to\": {\"user_id\": \"alex\"}, \"template\": \"tip\", \"data\": {\"feature\": \"reports\"}}");
        JsonNode sent = api.awaitStatus(id, "SENT");
        assertThat(sent.path("channel").asText()).isEqualTo("inbox");
        assertThat(sent.path("provider").asText()).isEqualTo("inbox");

        JsonNode inbox = api.http().get("/users/alex/inbox").json().path("messages");
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).path("messageId").asText()).isEqualTo(id);
        assertThat(inbox.get(0).path("title").asText()).isEqualTo("Tip for Alex");
        assertThat(inbox.get(0).path("action_url").asText()).isEqualTo("https://app.example.org/reports");
        assertThat(inbox.get(0).path("read").isNull()).isTrue();

        assertThat(api.http().post("/users/alex/inbox/" + id + "/read", "").json().path("read").isNumber()).isTrue();
        assertThat(api.message(id).path("status").asText()).isEqualTo("OPENED");
        api.http().post("/users/alex/inbox/" + id + "/click", "");
        assertThat(api.message(id).path("status").asText()).isEqualTo("CLICKED");
        assertThat(Http.texts(api.history(id), "type")).endsWith("SENT", "OPENED", "CLICKED");

        api.http().post("/users/alex/inbox/" + id + "/archive", "");
        assertThat(api.http().get("/users/alex/inbox").json().path("messages")).isEmpty();
        assertThat(api.http().get("/users/alex/inbox?archived=true").json().path("messages")).hasSize(1);
        assertThat(Sql.count("SELECT count(*) FROM inbox_messages")).isEqualTo(1);
    }

    @Test
    void aClientTokenTheBackendIssuesReadsThatUsersInboxOnly() {
        // What a token's user and scopes allow is the REST adapter's to test (AccessFilterTest); this is an issued
        // token, signed with the secret Herald keeps, verified on the way back in.
        String id = api.send("{\"to\": {\"user_id\": \"alex\"}, \"template\": \"tip\", \"data\": {\"feature\": \"reports\"}}");
        api.awaitStatus(id, "SENT");
        var issued = api.http().post("/auth/issue-token", "{\"scope\": \"user_id:alex inbox:read:messages\", \"expires_in\": \"2 hours\"}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        Http browser = Http.to(server.getURI()).withApiKey(issued.json().path("token").asText());

        JsonNode inbox = browser.get("/users/alex/inbox").json().path("messages");

        assertThat(Http.texts(inbox, "messageId")).containsExactly(id);
        assertThat(browser.get("/users/bo/inbox").status()).isEqualTo(403);
        assertThat(browser.get("/messages").status()).isEqualTo(403);
    }

    @Test
    void actionsOnAnotherUsersOrAnUnknownMessageAre404() {
        String id = api.send("{\"to\": {\"user_id\": \"alex\"}, \"template\": \"tip\"}");
        api.awaitStatus(id, "SENT");

        assertThat(api.http().post("/users/bo/inbox/" + id + "/read", "").status()).isEqualTo(404);
        assertThat(api.http().post("/users/alex/inbox/1-unknown/read", "").status()).isEqualTo(404);
        assertThat(api.message(id).path("status").asText()).isEqualTo("SENT");
    }
}
