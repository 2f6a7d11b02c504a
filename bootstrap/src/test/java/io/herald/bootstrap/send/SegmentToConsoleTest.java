package io.herald.bootstrap.send;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.bootstrap.support.Api;
import io.herald.bootstrap.support.Fixtures;
import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Http;
import io.herald.testsupport.SharedPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole way through: Segment identify and track (fixtures) in, a template mapped to the track event, a
 * rendered message out of the console provider, visible through the Messages API.
 */
@MicronautTest(transactional = false)
class SegmentToConsoleTest implements HeraldTest {

    @Inject
    EmbeddedServer server;

    @Test
    void aMappedTrackEventSendsARenderedMessage() {
        SharedPostgres.truncateAllTables();
        Api api = new Api(server.getURI(), API_KEY);
        api.put("/templates/trial-welcome", """
                {"events": ["Trial Started"], "channels": {
                  "email": {"subject": "Your {{plan_type}} trial, {{first_name}}", "text": "Hi {{profile.name}}, welcome to {{profile.plan}}."},
                  "sms": {"body": "Welcome {{first_name}}"}}}""");

        assertThat(api.http().post("/v1/batch", Fixtures.segment("batch.json")).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).until(() ->
                api.http().get("/inbound/events?status=MAPPED").json().path("results").size() == 1);
        JsonNode event = api.http().get("/inbound/events?status=MAPPED").json().path("results").get(0);
        assertThat(event.path("event").asText()).isEqualTo("track/Trial Started");
        String messageId = event.path("triggered").path("messages").get(0).asText();

        JsonNode message = api.awaitStatus(messageId, "SENT");
        assertThat(message.path("recipient").asText()).isEqualTo("user_123");
        assertThat(message.path("notification").asText()).isEqualTo("trial-welcome");
        assertThat(message.path("event").asText()).isEqualTo("Trial Started");
        assertThat(message.path("channel").asText()).isEqualTo("email");
        assertThat(message.path("provider").asText()).isEqualTo("console");
        assertThat(Http.texts(api.history(messageId), "type"))
                .containsExactly("ENQUEUED", "PROFILE_LOADED", "MAPPED", "ROUTED", "RENDERED", "SENT");
        JsonNode email = api.output(messageId).get(0).path("content");
        assertThat(email.path("subject").asText()).isEqualTo("Your pro trial, Alex");
        assertThat(email.path("text").asText()).isEqualTo("Hi Alex Chen, welcome to pro.");
    }
}
