package io.herald.adapters.inbound.rest.auth;

import io.herald.application.port.in.AuthenticateCallerUseCase.Admin;
import io.herald.application.port.in.AuthenticateCallerUseCase.Caller;
import io.herald.application.port.in.AuthenticateCallerUseCase.ClientUser;
import io.herald.application.port.in.AuthenticateCallerUseCase.SegmentWriter;
import io.micronaut.http.HttpMethod;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may call what (DESIGN §11), in one table. Open: health probes, provider callbacks (they carry the provider's
 * signature), the Segment paths (which read the key from Basic auth or the body, and take admin and write keys) and
 * the operator console (which signs in with an admin key and keeps a session of its own), the API reference and the
 * embed script.
 * A user's inbox, preferences and push tokens: an admin key, or a client token of that user with the scope the
 * method needs. Everything else: admin keys only.
 */
final class AccessRules {

    // The preference center and unsubscribe pages act on a signed link or a client token of their own.
    private static final Set<String> OPEN_EXACT = Set.of("/health", "/segment", "/console", "/openapi.yml", "/docs", "/preferences-center",
            "/unsubscribe");
    // The console (adapters-inbound-web) takes no API key: it has its own sessions, and sends anyone without one to its login page.
    // The embed script needs no credential: the element it defines carries the user's client token.
    private static final List<String> OPEN_PREFIXES = List.of("/health/", "/webhooks/", "/v1/", "/console/", "/docs/", "/embed/",
            "/preferences-center/");
    private static final Pattern USER_AREA = Pattern.compile("^/users/([^/]+)/(inbox|preferences|tokens)(/.*)?$");

    private AccessRules() {
    }

    /** What a route asks of its caller. */
    sealed interface Rule {
    }

    record Open() implements Rule {
    }

    record AdminOnly() implements Rule {
    }

    /** @param scopes any one of them is enough */
    record OfUser(String userId, Set<String> scopes) implements Rule {
    }

    static Rule of(HttpMethod method, String path) {
        if (OPEN_EXACT.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith)) {
            return new Open();
        }
        Matcher user = USER_AREA.matcher(path);
        if (!user.matches()) {
            return new AdminOnly();
        }
        boolean reads = method == HttpMethod.GET || method == HttpMethod.HEAD;
        Set<String> scopes = switch (user.group(2)) {
            case "inbox" -> reads ? Set.of("inbox:read:messages", "read:messages") : Set.of("inbox:write:events");
            case "preferences" -> Set.of(reads ? "read:preferences" : "write:preferences");
            default -> Set.of(reads ? "read:user-tokens" : "write:user-tokens");
        };
        return new OfUser(URLDecoder.decode(user.group(1).replace("+", "%2B"), StandardCharsets.UTF_8), scopes);
    }

    /** Why {@code caller} may not take this route, or empty when it may. */
    static Optional<String> refusal(Rule rule, Caller caller) {
        if (rule instanceof Open || caller instanceof Admin) {
            return Optional.empty();
        }
        if (caller instanceof SegmentWriter) {
            return Optional.of("This is a Segment write key: it can only send events (POST /segment, /v1/*)");
        }
        ClientUser client = (ClientUser) caller;
        if (!(rule instanceof OfUser ofUser)) {
            return Optional.of("A client token reaches only its user's inbox, preferences and push tokens");
        }
        if (!client.user().value().equals(ofUser.userId())) {
            return Optional.of("This token is for user '" + client.user().value() + "' only");
        }
        if (ofUser.scopes().stream().noneMatch(client::may)) {
            return Optional.of("This token lacks the scope " + String.join(" or ", ofUser.scopes().stream().sorted().toList()));
        }
        return Optional.empty();
    }
}
