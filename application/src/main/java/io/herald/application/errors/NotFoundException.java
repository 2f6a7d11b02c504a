package io.herald.application.errors;

/** The resource a caller named does not exist (inbound adapters answer 404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
