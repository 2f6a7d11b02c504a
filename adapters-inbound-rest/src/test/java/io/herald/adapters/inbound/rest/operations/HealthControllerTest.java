package io.herald.adapters.inbound.rest.operations;

import io.herald.adapters.inbound.rest.ApiTest;
import io.herald.adapters.inbound.rest.fakes.FakeCallers;
import io.herald.adapters.inbound.rest.fakes.RecordingFake.Call;
import io.herald.adapters.inbound.rest.fakes.RecordingQueryHealth;
import io.herald.adapters.inbound.rest.support.Json;
import io.herald.adapters.inbound.rest.support.Reply;
import io.herald.application.port.in.QueryHealthUseCase.Provider;
import io.herald.application.port.in.QueryHealthUseCase.ProviderStatus;
import io.herald.application.port.in.QueryHealthUseCase.Report;
import io.herald.application.port.out.FeedbackOutbox;
import io.herald.application.port.out.OperationalStatus.Backlog;
import io.herald.domain.delivery.CircuitBreaker;
import io.herald.domain.routing.Channel;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class HealthControllerTest extends ApiTest {

    @Inject
    RecordingQueryHealth health;

    @Test
    void anAnonymousProbeLearnsOnlyUpOrDown() {
        Reply reply = api.send(HttpRequest.GET("/health"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(Json.parse("{\"status\": \"UP\"}"));
        assertThat(health.onlyCall("isUp")).isNotNull();
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsA503() {
        health.answerUp(false);

        Reply reply = api.send(HttpRequest.GET("/health"));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json()).isEqualTo(Json.parse("{\"status\": \"DOWN\"}"));
    }

    @Test
    void anAdminSeesWhatTheInstanceIsStrugglingWith() {
        Instant lastSuccess = Instant.parse("2026-03-02T10:14:00Z");
        Instant lastFailure = Instant.parse("2026-03-02T10:15:00Z");
        health.answerReport(new Report(true, true, Optional.of(new Backlog(4, Duration.ofMillis(90_500))),
                Optional.of(new FeedbackOutbox.Status(12, 1, Duration.ofSeconds(45))),
                List.of(new Provider(Set.of(Channel.EMAIL), new ProviderStatus("sendgrid", 40, 2, 1, Optional.of(lastSuccess),
                        Optional.of(lastFailure), Optional.of("HTTP 503"), CircuitBreaker.State.CLOSED)))));

        Reply reply = api.get("/health");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(Json.parse("""
                {"status": "UP",
                 "components": {"db": {"status": "UP"},
                                "scheduler": {"enabled": true, "due": 4, "oldest_due_seconds": 90.5},
                                "feedback": {"enabled": true, "pending": 12, "failing": 1, "lag_seconds": 45.0},
                                "providers": {"sendgrid": {"channels": ["email"], "state": "CLOSED", "attempts": 40, "failures": 2,
                                                           "consecutive_failures": 1, "last_success": %d,
                                                           "last_failure": {"at": %d, "error": "HTTP 503"}}}}}"""
                .formatted(lastSuccess.toEpochMilli(), lastFailure.toEpochMilli())));
        assertThat(health.onlyCall("report")).isNotNull();
    }

    @Test
    void anAdminSeesADownInstanceAsA503WithoutBacklogOrFeedback() {
        health.answerReport(new Report(false, false, Optional.empty(), Optional.empty(), List.of()));

        Reply reply = api.get("/health");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json()).isEqualTo(Json.parse("""
                {"status": "DOWN", "components": {"db": {"status": "DOWN"}, "scheduler": {"enabled": false},
                                                  "feedback": {"enabled": false}, "providers": {}}}"""));
    }

    @Test
    void aWriteKeyOrAnUnknownKeyGetsTheMinimalAnswer() {
        Reply writeKey = api.send(HttpRequest.GET("/health").bearerAuth(FakeCallers.WRITE_KEY));
        Reply unknown = api.send(HttpRequest.GET("/health").bearerAuth("not-a-key"));

        assertThat(writeKey.json()).isEqualTo(Json.parse("{\"status\": \"UP\"}"));
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.json()).isEqualTo(Json.parse("{\"status\": \"UP\"}"));
        assertThat(health.calls()).extracting(Call::method).containsExactly("isUp", "isUp");
    }
}
