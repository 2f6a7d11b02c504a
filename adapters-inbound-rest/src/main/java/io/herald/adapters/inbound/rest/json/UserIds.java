package io.herald.adapters.inbound.rest.json;

import io.herald.domain.profile.UserId;
import io.herald.domain.shared.InvalidValueException;

/**
 * User ids as callers send them, in paths and bodies. {@link UserId} refuses a blank or oversize one with an
 * IllegalArgumentException, which would be a 500; here it is the caller's 400, naming where the id was.
 */
public final class UserIds {

    private UserIds() {
    }

    public static UserId of(String value, String where) {
        if (value == null || value.isBlank() || value.length() > UserId.MAX_LENGTH) {
            throw new InvalidValueException(where + " must be 1 to " + UserId.MAX_LENGTH + " characters");
        }
        return UserId.of(value);
    }

    /** The {@code {user_id}} of a path. */
    public static UserId fromPath(String userId) {
        return of(userId, "user_id");
    }
}
