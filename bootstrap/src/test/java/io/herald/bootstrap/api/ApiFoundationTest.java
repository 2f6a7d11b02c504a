package io.herald.bootstrap.api;

import io.herald.bootstrap.support.HeraldTest;
import io.herald.bootstrap.support.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Health, metrics, authentication and the one error format, over real HTTP on real PostgreSQL. */
@MicronautTest(transactional = false)
class ApiFoundationTest implements HeraldTest {

    @Inject
    EmbeddedServer server;

    private Http anonymous;
    private Http authenticated;

    @BeforeEach
    void clients() {
        anonymous = Http.to(server.getURI());
        authenticated = Http.to(server.getURI()).withApiKey(API_KEY);
    }

    @Test
    void healthIsOpenAndReportsUp() {
        var response = anonymous.get("/health");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void aMissingKeyIsRejectedWithAJsonAuthenticationError() {
        var response = anonymous.get("/prometheus");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().path("type").asText()).isEqualTo("authentication_error");
        assertThat(response.json().path("message").asText()).contains("Authorization: Bearer");
    }

    @Test
    void aWrongKeyIsRejected() {
        var response = Http.to(server.getURI()).withApiKey("not-the-key").get("/prometheus");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().path("message").asText()).isEqualTo("Invalid API key");
    }

    @Test
    void unknownPathsAreNotRevealedToAnonymousCallers() {
        assertThat(anonymous.get("/no/such/path").status()).isEqualTo(401);
    }

    @Test
    void prometheusMetricsNeedTheKey() {
        var response = authenticated.get("/prometheus");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void unknownPathIs404Json() {
        var response = authenticated.get("/no/such/path");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("type").asText()).isEqualTo("not_found");
        assertThat(response.json().path("message").asText()).isNotBlank();
    }

    @Test
    void wrongMethodIs405Json() {
        var response = authenticated.delete("/test-probe/echo");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.json().path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(response.json().path("message").asText()).contains("DELETE");
    }

    @Test
    void malformedJsonIs400Json() {
        var response = authenticated.post("/test-probe/echo", "{\"name\": \"x\", ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(response.json().path("message").asText()).containsIgnoringCase("JSON");
    }

    @Test
    void wrongFieldTypeIs400SayingWhatWasWrong() {
        var response = authenticated.post("/test-probe/echo", "{\"name\": \"x\", \"count\": \"many\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("message").asText()).contains("integer").doesNotContain("Source:");
    }

    @Test
    void wrongContentTypeIs415Json() {
        var response = authenticated.send("POST", "/test-probe/echo", "name=x",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().path("type").asText()).isEqualTo("invalid_request_error");
    }

    @Test
    void oversizeBodyIs413Json() {
        String big = "{\"name\": \"" + "x".repeat(1_100_000) + "\", \"count\": 1}";

        var response = authenticated.post("/test-probe/echo", big);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().path("type").asText()).isEqualTo("invalid_request_error");
    }

    @Test
    void unexpectedFailureIs500JsonWithoutInternals() {
        var response = authenticated.get("/test-probe/boom");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.json().path("type").asText()).isEqualTo("api_error");
        assertThat(response.body()).doesNotContain("hunter2").doesNotContain("IllegalStateException").doesNotContain("at io.herald");
    }

    @Test
    void aValidRequestStillWorksThroughTheSameStack() {
        var response = authenticated.post("/test-probe/echo", "{\"name\": \"x\", \"count\": 3}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("count").asInt()).isEqualTo(3);
    }
}
