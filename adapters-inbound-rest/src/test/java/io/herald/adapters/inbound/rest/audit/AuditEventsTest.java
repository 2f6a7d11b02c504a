package io.herald.adapters.inbound.rest.audit;

import io.herald.adapters.inbound.rest.ApiTest;
import io.herald.adapters.inbound.rest.fakes.FakeCallers;
import io.herald.adapters.inbound.rest.fakes.RecordingAuditWrites;
import io.herald.adapters.inbound.rest.support.Json;
import io.herald.adapters.inbound.rest.support.Reply;
import io.herald.domain.audit.AuditEvent;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Which requests become audit events (completed writes to the workspace), what each says (the key's fingerprint or the
 * token's user, the method and route, the path), and Courier's {@code /audit-events} shape.
 */
@MicronautTest
class AuditEventsTest extends ApiTest {

    private static final String TEMPLATE = """
            {"name": "Welcome", "channels": {"email": {"subject": "Hi", "text": "Hello"}}}""";

    @Inject
    RecordingAuditWrites audit;

    @Inject
    FakeCallers callers;

    @Test
    void aCompletedWriteIsRecordedWithTheKeysFingerprint_theRouteAndThePath() {
        assertThat(api.put("/templates/welcome", TEMPLATE).status()).isEqualTo(200);
        assertThat(api.delete("/templates/welcome").status()).isEqualTo(204);

        assertThat(audit.recorded()).extracting(AuditEvent::actor, AuditEvent::source, AuditEvent::type, AuditEvent::target).containsExactly(
                tuple("key_adminfinger", "api", "PUT /templates/{template_id}", "/templates/welcome"),
                tuple("key_adminfinger", "api", "DELETE /templates/{template_id}", "/templates/welcome"));
    }

    @Test
    void readsRefusedWritesAndTheDataPlaneAreNotRecorded() {
        api.get("/templates/welcome");
        assertThat(api.put("/templates/broken", "{\"name\": 3}").status()).isEqualTo(400);
        api.send(HttpRequest.PUT("/templates/welcome", TEMPLATE).contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth("wrong-key"));
        api.post("/send", "{\"message\": {\"to\": {\"email\": \"a@example.org\"}, \"content\": {\"title\": \"Hi\", \"body\": \"there\"}}}");
        api.post("/automations/invoke", "{\"recipient\": \"alex\", \"automation\": {\"steps\": [{\"action\": \"send\", \"template\": \"welcome\"}]}}");

        assertThat(audit.recorded()).isEmpty();
        assertThat(AuditFilter.isDataPlane("/users/alex/inbox/msg-1/read")).isTrue();
        assertThat(AuditFilter.isDataPlane("/automations/onboarding/invoke")).isTrue();
        assertThat(AuditFilter.isDataPlane("/automations/onboarding")).isFalse();
        assertThat(AuditFilter.isDataPlane("/users/alex/preferences/news")).isFalse();
    }

    @Test
    void aClientTokensWriteIsRecordedAsItsUser() {
        callers.knowClientToken("alex.client.token", "alex", "write:preferences");
        Reply reply = api.send(HttpRequest.PUT("/users/alex/preferences/news", "{\"topic\": {\"status\": \"OPTED_OUT\"}}")
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth("alex.client.token"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(audit.recorded()).singleElement().satisfies(event -> {
            assertThat(event.actor()).isEqualTo("user:alex");
            assertThat(event.type()).isEqualTo("PUT /users/{user_id}/preferences/{topic_id}");
        });
    }

    @Test
    void eventsAreListedNewestFirstAndReadOneByOne_inCouriersShape() {
        api.put("/templates/welcome", TEMPLATE);
        api.put("/templates/digest", TEMPLATE);

        Reply list = api.get("/audit-events");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).isEqualTo(Json.parse("""
                {"paging": {"cursor": null, "more": false}, "results": [
                  {"auditEventId": "2", "actor": {"id": "key_adminfinger"}, "source": "api", "target": "/templates/digest",
                   "timestamp": "2026-12-04T10:00:01Z", "type": "PUT /templates/{template_id}"},
                  {"auditEventId": "1", "actor": {"id": "key_adminfinger"}, "source": "api", "target": "/templates/welcome",
                   "timestamp": "2026-12-04T10:00:00Z", "type": "PUT /templates/{template_id}"}]}"""));
        assertThat(api.get("/audit-events/1").body()).contains("\"target\":\"/templates/welcome\"");
        assertThat(api.get("/audit-events/99").status()).isEqualTo(404);
        assertThat(audit.recorded()).as("reading the trail is not a write").hasSize(2);
    }
}
