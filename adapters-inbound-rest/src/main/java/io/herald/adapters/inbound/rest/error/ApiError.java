package io.herald.adapters.inbound.rest.error;

import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The one error body of the whole API, as Courier shapes it: {@code {"message": "...", "type": "..."}}.
 */
@Serdeable
public record ApiError(String message, String type) {

    public static final String INVALID_REQUEST = "invalid_request_error";
    public static final String AUTHENTICATION = "authentication_error";
    public static final String NOT_FOUND = "not_found";
    public static final String CONFLICT = "conflict";
    public static final String API_ERROR = "api_error";

    public static ApiError of(HttpStatus status, String message) {
        return new ApiError(message, typeOf(status));
    }

    static String typeOf(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED, FORBIDDEN -> AUTHENTICATION;
            case NOT_FOUND -> NOT_FOUND;
            case CONFLICT -> CONFLICT;
            default -> status.getCode() >= 500 ? API_ERROR : INVALID_REQUEST;
        };
    }
}
