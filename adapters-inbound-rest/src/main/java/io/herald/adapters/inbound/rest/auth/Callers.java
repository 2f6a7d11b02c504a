package io.herald.adapters.inbound.rest.auth;

import io.herald.application.port.in.AuthenticateCallerUseCase.Admin;
import io.herald.application.port.in.AuthenticateCallerUseCase.Caller;
import io.herald.application.port.in.AuthenticateCallerUseCase.ClientUser;
import io.micronaut.http.HttpRequest;

import java.util.Optional;

/** The caller {@link AccessFilter} authenticated, kept with the request for what runs after it. */
public final class Callers {

    private static final String ATTRIBUTE = "herald.caller";

    private Callers() {
    }

    static void remember(HttpRequest<?> request, Caller caller) {
        request.setAttribute(ATTRIBUTE, caller);
    }

    public static Optional<Caller> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Caller.class);
    }

    /** Who the caller is, as audit events and template versions name them: an admin key by its fingerprint, a token by its user. */
    public static String actor(Caller caller) {
        if (caller instanceof Admin admin) {
            return admin.keyId();
        }
        if (caller instanceof ClientUser user) {
            return "user:" + user.user().value();
        }
        return "segment-write-key";
    }

    /** The request's caller as {@link #actor(Caller)} names it; {@code api} when none was authenticated. */
    public static String actor(HttpRequest<?> request) {
        return of(request).map(Callers::actor).orElse("api");
    }
}
