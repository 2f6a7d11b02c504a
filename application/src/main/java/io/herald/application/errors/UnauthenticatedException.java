package io.herald.application.errors;

/** The caller did not prove who it is (inbound adapters answer 401). */
public class UnauthenticatedException extends RuntimeException {

    public UnauthenticatedException(String message) {
        super(message);
    }
}
