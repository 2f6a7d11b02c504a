package io.herald.adapters.inbound.rest.auth;

import io.herald.adapters.inbound.rest.error.ApiError;
import io.herald.application.port.in.AuthenticateCallerUseCase;
import io.herald.application.port.in.AuthenticateCallerUseCase.Caller;
import io.herald.application.port.in.AuthenticateCallerUseCase.Scheme;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every request is checked against {@link AccessRules} before routing, so an anonymous caller learns nothing about
 * which paths exist: no credential or an unknown one is a 401, a credential of the wrong kind or scope a 403.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class AccessFilter {

    private static final String BEARER = "Bearer ";
    private static final Pattern STREAM = Pattern.compile("^/users/[^/]+/inbox/stream$");

    private final AuthenticateCallerUseCase callers;

    AccessFilter(AuthenticateCallerUseCase callers) {
        this.callers = callers;
    }

    @PreMatching
    @RequestFilter
    @Nullable
    HttpResponse<ApiError> authorize(HttpRequest<?> request) {
        AccessRules.Rule rule = AccessRules.of(request.getMethod(), request.getPath());
        if (rule instanceof AccessRules.Open) {
            return null;
        }
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization == null && STREAM.matcher(request.getPath()).matches()) {
            // A browser's EventSource cannot send headers: an event stream takes its token as ?token= (DESIGN §11).
            authorization = request.getParameters().getFirst("token").map(token -> BEARER + token).orElse(null);
        }
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return unauthorized("Missing API key: send Authorization: Bearer <key>");
        }
        Optional<Caller> caller = callers.authenticateHeader(authorization, Set.of(Scheme.BEARER));
        if (caller.isEmpty()) {
            boolean token = authorization.chars().filter(c -> c == '.').count() == 2;
            return unauthorized(token ? "Invalid or expired token" : "Invalid API key");
        }
        Callers.remember(request, caller.get());
        return AccessRules.refusal(rule, caller.get())
                .map(reason -> HttpResponse.<ApiError>status(HttpStatus.FORBIDDEN).body(ApiError.of(HttpStatus.FORBIDDEN, reason)))
                .orElse(null);
    }

    private static HttpResponse<ApiError> unauthorized(String message) {
        return HttpResponse.<ApiError>status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(ApiError.of(HttpStatus.UNAUTHORIZED, message));
    }
}
