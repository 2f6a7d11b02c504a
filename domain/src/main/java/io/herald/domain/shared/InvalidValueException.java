package io.herald.domain.shared;

/**
 * A value a caller supplied breaks a rule of the domain. Its message names the offending field and is
 * meant for the caller (inbound adapters answer it as a 400).
 */
public class InvalidValueException extends RuntimeException {

    public InvalidValueException(String message) {
        super(message);
    }

    /** The same problem, located under {@code prefix} (for example the index of an event in a batch). */
    public InvalidValueException within(String prefix) {
        return new InvalidValueException(prefix + ": " + getMessage());
    }
}
