package io.herald.application.errors;

/** The request conflicts with what is already stored (inbound adapters answer 409). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
