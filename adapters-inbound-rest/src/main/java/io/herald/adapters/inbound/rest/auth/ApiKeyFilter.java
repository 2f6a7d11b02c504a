package io.herald.adapters.inbound.rest.auth;

import io.herald.adapters.inbound.rest.error.ApiError;
import io.herald.application.port.in.AuthenticateApiKeyUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;

import java.util.Set;

/**
 * Every path requires {@code Authorization: Bearer <key>}, checked before routing so that an anonymous
 * caller learns nothing about which paths exist. Paths that authenticate their callers differently
 * (health probes, signed provider webhooks, Segment's own schemes) are listed in {@link PublicPaths}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class ApiKeyFilter {

    private static final String BEARER = "Bearer ";

    private final AuthenticateApiKeyUseCase apiKeys;

    ApiKeyFilter(AuthenticateApiKeyUseCase apiKeys) {
        this.apiKeys = apiKeys;
    }

    @PreMatching
    @RequestFilter
    @Nullable
    HttpResponse<ApiError> authenticate(HttpRequest<?> request) {
        if (PublicPaths.isPublic(request.getPath())) {
            return null;
        }
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return unauthorized("Missing API key: send Authorization: Bearer <key>");
        }
        if (!apiKeys.isValid(authorization.substring(BEARER.length()))) {
            return unauthorized("Invalid API key");
        }
        return null;
    }

    private static HttpResponse<ApiError> unauthorized(String message) {
        return HttpResponse.<ApiError>status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(ApiError.of(HttpStatus.UNAUTHORIZED, message));
    }

    /**
     * Paths whose callers prove who they are by other means: health probes are open; the Segment adapter
     * accepts the key as Basic username or as {@code writeKey} in the body, as Segment's clients send it;
     * provider callbacks carry the provider's signature.
     */
    static final class PublicPaths {

        private static final Set<String> EXACT = Set.of("/health", "/segment");
        private static final Set<String> PREFIXES = Set.of("/health/", "/v1/", "/webhooks/");

        private PublicPaths() {
        }

        static boolean isPublic(String path) {
            return EXACT.contains(path) || PREFIXES.stream().anyMatch(path::startsWith);
        }
    }
}
