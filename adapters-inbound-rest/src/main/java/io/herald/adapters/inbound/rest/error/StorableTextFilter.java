package io.herald.adapters.inbound.rest.error;

import io.herald.domain.json.StorableText;
import io.herald.domain.shared.InvalidValueException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Ids in paths and values in query strings must be storable text too (see {@link StorableText}): a {@code %00} in
 * a user id is the caller's 400, before any route or database sees it. Bodies are checked where they are parsed.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class StorableTextFilter {

    @PreMatching
    @RequestFilter
    @Nullable
    HttpResponse<ApiError> check(HttpRequest<?> request) {
        try {
            String rawPath = request.getUri().getRawPath();
            StorableText.require(URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8), "the path");
            for (Map.Entry<String, List<String>> parameter : request.getParameters().asMap().entrySet()) {
                StorableText.require(parameter.getKey(), "a query parameter name");
                for (String value : parameter.getValue()) {
                    StorableText.require(value, "query parameter " + parameter.getKey());
                }
            }
            return null;
        } catch (InvalidValueException e) {
            return HttpResponse.<ApiError>status(HttpStatus.BAD_REQUEST).body(ApiError.of(HttpStatus.BAD_REQUEST, e.getMessage()));
        } catch (IllegalArgumentException malformedEscape) {
            return HttpResponse.<ApiError>status(HttpStatus.BAD_REQUEST)
                    .body(ApiError.of(HttpStatus.BAD_REQUEST, "the path has a malformed %-escape"));
        }
    }
}
