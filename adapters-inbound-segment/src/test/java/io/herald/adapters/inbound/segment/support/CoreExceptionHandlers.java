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
 * The statuses Herald gives the two core exceptions the Segment controller throws. In the application the REST
 * adapter's handlers answer them, in the API's one error format, for every inbound HTTP adapter; this module does
 * not depend on another adapter, so its tests stand in for them and assert the status and the message the
 * controller chose. The format itself is the REST module's to test.
 */
@Factory
class CoreExceptionHandlers {

    @Singleton
    ExceptionHandler<InvalidValueException, HttpResponse<Map<String, String>>> invalidValue() {
        return (request, e) -> HttpResponse.<Map<String, String>>status(HttpStatus.BAD_REQUEST).body(Map.of("message", e.getMessage()));
    }

    @Singleton
    ExceptionHandler<UnauthenticatedException, HttpResponse<Map<String, String>>> unauthenticated() {
        return (request, e) -> HttpResponse.<Map<String, String>>status(HttpStatus.UNAUTHORIZED).body(Map.of("message", e.getMessage()));
    }
}
