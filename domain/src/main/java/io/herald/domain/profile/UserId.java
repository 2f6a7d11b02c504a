package io.herald.domain.profile;

import java.util.Objects;

/**
 * The caller's identifier of a user: Segment's {@code userId} (or {@code anonymousId}), Courier's {@code user_id}.
 * Opaque to Herald, but never blank and bounded, since it appears in URLs and indexes.
 */
public record UserId(String value) {

    public static final int MAX_LENGTH = 512;

    public UserId {
        Objects.requireNonNull(value, "user id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("user id must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("user id must be at most " + MAX_LENGTH + " characters");
        }
    }

    public static UserId of(String value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
