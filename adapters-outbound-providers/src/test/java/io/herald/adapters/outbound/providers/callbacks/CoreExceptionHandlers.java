package io.herald.adapters.outbound.providers.callbacks;

import io.herald.domain.shared.InvalidValueException;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * The status Herald gives the core exception a callback throws on a body it cannot read. In the application the REST
 * adapter's handlers answer it, in the API's one error format, for every inbound HTTP controller; this module does
 * not depend on another adapter, so its tests stand in for them and assert the status and the message the webhook
 * chose. The format itself is the REST module's to test, and bootstrap's {@code ProviderCallbacksTest} checks it on
 * these callbacks.
 */
@Factory
class CoreExceptionHandlers {

    @Singleton
    ExceptionHandler<InvalidValueException, HttpResponse<Map<String, String>>> invalidValue() {
        return (request, e) -> HttpResponse.<Map<String, String>>status(HttpStatus.BAD_REQUEST).body(Map.of("message", e.getMessage()));
    }
}
