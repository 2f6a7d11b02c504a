package io.herald.adapters.inbound.segment.support;

import io.herald.application.errors.UnauthenticatedException;
import io.herald.domain.shared.InvalidValueException;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * The answers Herald gives the two core exceptions the Segment controller throws. In the application the REST
 * adapter's handlers answer them, in the API's one error format ({@code {"message", "type"}}), for every inbound
 * HTTP adapter; this module does not depend on another adapter, so its tests stand in for them with the same status
 * and type (the REST module's {@code ErrorFormatTest} asserts those). A refusal with a {@code type} therefore came
 * from a core exception, as in production, and not from some other 4xx of the server's own.
 */
@Factory
class CoreExceptionHandlers {

    @Singleton
    ExceptionHandler<InvalidValueException, HttpResponse<Map<String, String>>> invalidValue() {
        return (request, e) -> HttpResponse.<Map<String, String>>status(HttpStatus.BAD_REQUEST).body(Map.of("message", e.getMessage(), "type", "invalid_request_error"));
    }

    @Singleton
    ExceptionHandler<UnauthenticatedException, HttpResponse<Map<String, String>>> unauthenticated() {
        return (request, e) -> HttpResponse.<Map<String, String>>status(HttpStatus.UNAUTHORIZED)
                .body(Map.of("message", e.getMessage(), "type", "authentication_error"));
    }
}
