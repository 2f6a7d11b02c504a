package io.herald.adapters.inbound.rest.error;

import io.herald.application.errors.ConflictException;
import io.herald.application.errors.NotFoundException;
import io.herald.application.errors.UnauthenticatedException;
import io.herald.domain.shared.InvalidValueException;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Maps the exceptions of the application core to the API's statuses, for every inbound HTTP adapter.
 * Their messages are written for the caller, so they are returned as they are.
 */
@Factory
class ApplicationExceptionHandlers {

    @Singleton
    ExceptionHandler<InvalidValueException, HttpResponse<ApiError>> invalidValue() {
        return (request, e) -> respond(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @Singleton
    ExceptionHandler<NotFoundException, HttpResponse<ApiError>> notFound() {
        return (request, e) -> respond(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @Singleton
    ExceptionHandler<ConflictException, HttpResponse<ApiError>> conflict() {
        return (request, e) -> respond(HttpStatus.CONFLICT, e.getMessage());
    }

    @Singleton
    ExceptionHandler<UnauthenticatedException, HttpResponse<ApiError>> unauthenticated() {
        return (request, e) -> HttpResponse.<ApiError>status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(ApiError.of(HttpStatus.UNAUTHORIZED, e.getMessage()));
    }

    private static HttpResponse<ApiError> respond(HttpStatus status, String message) {
        return HttpResponse.<ApiError>status(status).body(ApiError.of(status, message));
    }
}
