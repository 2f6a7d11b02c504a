package io.herald.adapters.inbound.rest.cors;

import io.herald.adapters.inbound.rest.error.ApiError;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.annotation.PreMatching;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Cross-origin calls (DESIGN §13) from the product origins in {@code herald.cors.allowed-origins}, to what a page of
 * theirs may call with a client token: a user's inbox (and its stream), preferences and push tokens, and the embed
 * script. Preflights are answered here, before any credential is looked for, and never allow credentials: client
 * tokens travel in {@code Authorization} or {@code ?token=}, not cookies. Everything else, the admin API above all,
 * never answers a cross-origin call: its preflight is refused, and its answers carry no CORS header.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class CorsFilter implements Ordered {

    private static final Pattern CLIENT_AREA = Pattern.compile("^/users/[^/]+/(inbox|preferences|tokens)(/.*)?$|^/embed/.*$");
    private static final Pattern ORIGIN = Pattern.compile("^https?://[^/\\s?#]+$");
    private static final String ALLOW_METHODS = "GET, POST, PUT, PATCH, DELETE";
    private static final String ALLOW_HEADERS = "Authorization, Content-Type, Last-Event-ID";
    private static final String PREFLIGHT_CACHE_SECONDS = "600";

    private final Set<String> allowed;
    private final boolean anyOrigin;

    CorsFilter(@Nullable @Property(name = "herald.cors.allowed-origins") List<String> allowedOrigins) {
        List<String> origins = allowedOrigins == null ? List.of() : allowedOrigins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
        for (String origin : origins) {
            if (!origin.equals("*") && !ORIGIN.matcher(origin).matches()) {
                throw new ConfigurationException("herald.cors.allowed-origins: '" + origin + "' is not an origin: give scheme, host and "
                        + "port only, such as https://app.example.org or http://localhost:3000 (no path, no trailing slash), or *");
            }
        }
        this.anyOrigin = origins.contains("*");
        this.allowed = origins.stream().map(origin -> origin.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public int getOrder() {
        // Before the access filter: a preflight carries no credential and must be answered without one.
        return ServerFilterPhase.FIRST.before();
    }

    @PreMatching
    @RequestFilter
    @Nullable
    HttpResponse<?> preflight(HttpRequest<?> request) {
        String origin = request.getHeaders().getOrigin().orElse(null);
        if (origin == null || request.getMethod() != HttpMethod.OPTIONS || !request.getHeaders().contains("Access-Control-Request-Method")) {
            return null;
        }
        if (!CLIENT_AREA.matcher(request.getPath()).matches()) {
            return HttpResponse.<ApiError>status(HttpStatus.FORBIDDEN).body(ApiError.of(HttpStatus.FORBIDDEN,
                    "Cross-origin calls reach only a user's inbox, preferences and push tokens, and the embed script"));
        }
        if (!allows(origin)) {
            return HttpResponse.<ApiError>status(HttpStatus.FORBIDDEN).body(ApiError.of(HttpStatus.FORBIDDEN,
                    "Origin " + origin + " is not in herald.cors.allowed-origins"));
        }
        return HttpResponse.noContent()
                .header("Access-Control-Allow-Origin", anyOrigin ? "*" : origin)
                .header("Access-Control-Allow-Methods", ALLOW_METHODS)
                .header("Access-Control-Allow-Headers", ALLOW_HEADERS)
                .header("Access-Control-Max-Age", PREFLIGHT_CACHE_SECONDS)
                .header("Vary", "Origin");
    }

    @ResponseFilter
    void allowOrigin(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String origin = request.getHeaders().getOrigin().orElse(null);
        if (origin == null || request.getMethod() == HttpMethod.OPTIONS || !CLIENT_AREA.matcher(request.getPath()).matches()) {
            return;
        }
        if (allows(origin)) {
            response.header("Access-Control-Allow-Origin", anyOrigin ? "*" : origin);
            response.header("Vary", "Origin");
        }
    }

    private boolean allows(String origin) {
        return anyOrigin || allowed.contains(origin.toLowerCase(Locale.ROOT)) && isOrigin(origin);
    }

    private static boolean isOrigin(String origin) {
        try {
            return URI.create(origin).getPath().isEmpty();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
