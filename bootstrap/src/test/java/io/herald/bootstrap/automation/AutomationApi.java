package io.herald.bootstrap.automation;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.bootstrap.support.Api;
import io.herald.bootstrap.support.Http;
import io.herald.bootstrap.support.Sql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Herald as the automation tests drive it: Segment calls in, automations and runs through the API. */
final class AutomationApi {

    private final Api api;

    AutomationApi(Api api) {
        this.api = api;
    }

    Http http() {
        return api.http();
    }

    /** Segment identify, processed before this returns. */
    void identify(String userId, String traitsJson) {
        post("/v1/identify", """
                {"type": "identify", "messageId": "%s", "userId": "%s", "traits": %s}""".formatted(UUID.randomUUID(), userId, traitsJson));
    }

    /** Segment track, processed before this returns; returns the runs it started. */
    List<String> track(String userId, String event, String propertiesJson) {
        String messageId = UUID.randomUUID().toString();
        post("/v1/track", """
                {"type": "track", "messageId": "%s", "userId": "%s", "event": "%s", "properties": %s}"""
                .formatted(messageId, userId, event, propertiesJson));
        List<String> runs = new ArrayList<>();
        inboundEvent(messageId).path("triggered").path("automationRuns").forEach(run -> runs.add(run.asText()));
        return runs;
    }

    JsonNode inboundEvent(String messageId) {
        for (JsonNode event : api.http().get("/inbound/events?limit=100").json().path("results")) {
            if (event.path("messageId").asText().equals(messageId)) {
                return event;
            }
        }
        throw new AssertionError("no inbound event " + messageId);
    }

    private void post(String path, String json) {
        var response = api.http().post(path, json);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> Sql.count("SELECT count(*) FROM inbound_events WHERE status = 'RECEIVED'") == 0);
    }

    void putAutomation(String id, String json) {
        api.put("/automations/" + id, json);
    }

    JsonNode run(String runId) {
        var response = api.http().get("/automations/runs/" + runId);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    JsonNode awaitRun(String runId, String status) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> status.equals(run(runId).path("status").asText()));
        return run(runId);
    }

    /** Waits until step {@code index} of the run has the status. */
    JsonNode awaitStep(String runId, int index, String status) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> status.equals(run(runId).path("steps").path(index).path("status").asText()));
        return run(runId);
    }

    /** The id of the one message step {@code index} sent, once it is SENT by its provider. */
    String sentMessageOfStep(String runId, int index) {
        JsonNode messages = awaitStep(runId, index, "DONE").path("steps").path(index).path("messages");
        assertThat(messages).as("messages of steps[" + index + "]").hasSize(1);
        String id = messages.get(0).asText();
        api.awaitStatus(id, "SENT");
        return id;
    }

    JsonNode message(String id) {
        return api.message(id);
    }

    Api api() {
        return api;
    }
}
