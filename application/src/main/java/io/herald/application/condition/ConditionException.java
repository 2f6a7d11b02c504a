package io.herald.application.condition;

/** A condition that compiled could not be evaluated against a run (a missing key read without {@code has}…). */
public class ConditionException extends RuntimeException {

    public ConditionException(String message) {
        super(message);
    }
}
