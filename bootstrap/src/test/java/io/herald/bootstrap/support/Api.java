package io.herald.bootstrap.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Herald's API as tests use it: send, read messages, wait for a status. */
public final class Api {

    private final Http http;

    public Api(URI base, String apiKey) {
        this.http = Http.to(base).withApiKey(apiKey);
    }

    public Http http() {
        return http;
    }

    /** Sends and returns the request id; fails the test unless Herald answers 202. */
    public String send(String messageJson) {
        var response = http.post("/send", "{\"message\": " + messageJson + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().path("requestId").asText();
    }

    public Http.Response sendRaw(String body, Map<String, String> headers) {
        return http.send("POST", "/send", body, headers);
    }

    public JsonNode message(String id) {
        var response = http.get("/messages/" + id);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    public JsonNode history(String id) {
        return http.get("/messages/" + id + "/history").json().path("results");
    }

    public JsonNode output(String id) {
        return http.get("/messages/" + id + "/output").json().path("results");
    }

    public JsonNode awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                .until(() -> status.equals(message(id).path("status").asText()));
        return message(id);
    }

    public void put(String path, String json) {
        var response = http.put(path, json);
        assertThat(response.status()).as(path + " " + response.body()).isBetween(200, 204);
    }

    public void post(String path, String json) {
        var response = http.post(path, json);
        assertThat(response.status()).as(path + " " + response.body()).isBetween(200, 204);
    }
}
