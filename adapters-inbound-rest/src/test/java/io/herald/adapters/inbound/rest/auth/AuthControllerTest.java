package io.herald.adapters.inbound.rest.auth;

import io.herald.adapters.inbound.rest.ApiTest;
import io.herald.adapters.inbound.rest.fakes.FakeCallers;
import io.herald.adapters.inbound.rest.fakes.RecordingIssueClientToken;
import io.herald.adapters.inbound.rest.support.Json;
import io.herald.adapters.inbound.rest.support.Reply;
import io.herald.application.port.in.IssueClientTokenUseCase.IssueClientTokenCommand;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.herald.adapters.inbound.rest.support.ApiErrors.assertApiError;
import static io.herald.adapters.inbound.rest.support.ApiErrors.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class AuthControllerTest extends ApiTest {

    @Inject
    RecordingIssueClientToken tokens;

    @Inject
    FakeCallers callers;

    @Test
    void aTokenIsIssuedForTheScopeAndLifetimeAsked() {
        Reply reply = api.post("/auth/issue-token", "{\"scope\": \"user_id:user_123 inbox:read:messages inbox:write:events\", \"expires_in\": \"2 hours\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(Json.parse("{\"token\": \"" + RecordingIssueClientToken.TOKEN + "\"}"));
        assertThat(tokens.onlyCommand()).isEqualTo(new IssueClientTokenCommand("user_id:user_123 inbox:read:messages inbox:write:events",
                Duration.ofHours(2)));
    }

    @Test
    void aTokenLastsADayUnlessToldOtherwise() {
        api.post("/auth/issue-token", "{\"scope\": \"user_id:user_123 read:preferences\"}");

        assertThat(tokens.onlyCommand().expiresIn()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void theLifetimeMayBeMillisecondsOrIso8601() {
        api.post("/auth/issue-token", "{\"scope\": \"user_id:u1\", \"expires_in\": 90000}");
        api.post("/auth/issue-token", "{\"scope\": \"user_id:u1\", \"expires_in\": \"P7D\"}");

        assertThat(tokens.calls()).extracting(call -> call.argument(0, IssueClientTokenCommand.class).expiresIn())
                .containsExactly(Duration.ofSeconds(90), Duration.ofDays(7));
    }

    @Test
    void aTokenNeedsAScopeAndALifetimeItCanHave() {
        assertBadRequest(api.post("/auth/issue-token", "{\"expires_in\": \"1 hour\"}"), "scope is required and must be a string");
        assertBadRequest(api.post("/auth/issue-token", "{\"scope\": \"user_id:u1\", \"expires_in\": \"forever\"}"),
                "expires_in 'forever' is not a duration");
        assertBadRequest(api.post("/auth/issue-token", "{\"scope\": \"user_id:u1\", \"expires_in\": \"31 days\"}"),
                "expires_in must be a duration above zero and at most 30 days");
        assertThat(tokens.calls()).isEmpty();
    }

    @Test
    void aClientTokenCannotIssueTokens() {
        callers.knowClientToken("client.token.u1", "u1", "read:preferences");

        Reply reply = api.send(HttpRequest.POST("/auth/issue-token", "{\"scope\": \"user_id:u2\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth("client.token.u1"));

        assertApiError(reply, 403, "authentication_error", "A client token reaches only its user's inbox, preferences and push tokens");
        assertThat(tokens.calls()).isEmpty();
    }
}
