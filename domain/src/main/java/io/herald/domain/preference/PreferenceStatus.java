package io.herald.domain.preference;

import io.herald.domain.shared.InvalidValueException;

/** A user's choice for a subscription topic. {@code REQUIRED} topics are always sent and cannot be opted out of. */
public enum PreferenceStatus {
    OPTED_IN, OPTED_OUT, REQUIRED;

    public static PreferenceStatus parse(Object raw, String where) {
        if (raw instanceof String text) {
            for (PreferenceStatus status : values()) {
                if (status.name().equals(text)) {
                    return status;
                }
            }
        }
        throw new InvalidValueException(where + " must be OPTED_IN, OPTED_OUT or REQUIRED");
    }
}
