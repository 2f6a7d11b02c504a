package io.herald.adapters.inbound.rest.auth;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.herald.adapters.inbound.rest.json.JsonBody;
import io.herald.application.port.in.IssueClientTokenUseCase;
import io.herald.application.port.in.IssueClientTokenUseCase.IssueClientTokenCommand;
import io.herald.domain.json.JsonFields;
import io.herald.domain.time.Durations;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;

import java.time.Duration;
import java.util.Map;

/** Courier's {@code POST /auth/issue-token} {@code {"scope", "expires_in"}} → {@code {"token"}} (admin keys only). */
@Tag(name = "Auth")
@Controller("/auth")
class AuthController {

    private static final Duration DEFAULT_LIFETIME = Duration.ofDays(1);

    private final IssueClientTokenUseCase tokens;

    AuthController(IssueClientTokenUseCase tokens) {
        this.tokens = tokens;
    }

    @Post("/issue-token")
    Map<String, String> issue(@Body Map<String, Object> body) {
        JsonFields fields = JsonBody.of(body);
        Duration expiresIn = fields.has("expires_in") ? Durations.parse(fields.get("expires_in"), "expires_in") : DEFAULT_LIFETIME;
        return Map.of("token", tokens.issue(new IssueClientTokenCommand(fields.requiredString("scope"), expiresIn)));
    }
}
