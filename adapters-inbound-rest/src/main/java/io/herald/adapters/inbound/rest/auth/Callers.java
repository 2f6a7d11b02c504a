package io.herald.adapters.inbound.rest.auth;

import io.herald.application.port.in.AuthenticateCallerUseCase.Caller;
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
}
