package io.herald.domain.profile;

import io.herald.domain.json.JsonPatch;
import io.herald.domain.json.JsonTrees;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A recipient: the caller's attributes about a user (Courier's profile object) and when the user was last
 * seen active. {@code email} and {@code phone_number} are the attributes Herald routes on.
 * Immutable: every change returns a new profile.
 */
public final class Profile {

    public static final String EMAIL = "email";
    public static final String PHONE_NUMBER = "phone_number";
    /** How the profile's last activity appears to templates and conditions ({@code profile.last_active_at}). */
    public static final String LAST_ACTIVE_AT = "last_active_at";

    private final UserId userId;
    private final Map<String, Object> attributes;
    private final Instant lastActiveAt;

    private Profile(UserId userId, Map<String, Object> attributes, Instant lastActiveAt) {
        this.userId = Objects.requireNonNull(userId);
        this.attributes = JsonTrees.deepCopy(Objects.requireNonNull(attributes));
        this.lastActiveAt = lastActiveAt;
    }

    public static Profile create(UserId userId) {
        return new Profile(userId, Map.of(), null);
    }

    public static Profile reconstitute(UserId userId, Map<String, Object> attributes, Instant lastActiveAt) {
        return new Profile(userId, attributes, lastActiveAt);
    }

    /** Courier's POST: deep-merges {@code changes} into the attributes. */
    public Profile mergedWith(Map<String, Object> changes) {
        return new Profile(userId, JsonTrees.deepMerge(attributes, changes), lastActiveAt);
    }

    /** Courier's PUT: the attributes become exactly {@code replacement}. */
    public Profile replacedBy(Map<String, Object> replacement) {
        return new Profile(userId, replacement, lastActiveAt);
    }

    /** Courier's PATCH: an RFC 6902 patch, all or nothing. */
    public Profile patchedWith(JsonPatch patch) {
        return new Profile(userId, patch.applyTo(attributes), lastActiveAt);
    }

    /** Activity only moves forwards: a late or replayed event does not make the user look less recent. */
    public Profile activeAt(Instant when) {
        if (lastActiveAt != null && !when.isAfter(lastActiveAt)) {
            return this;
        }
        return new Profile(userId, attributes, when);
    }

    public UserId userId() {
        return userId;
    }

    public Map<String, Object> attributes() {
        return JsonTrees.deepCopy(attributes);
    }

    public Optional<Instant> lastActiveAt() {
        return Optional.ofNullable(lastActiveAt);
    }

    public Optional<String> email() {
        return text(EMAIL);
    }

    public Optional<String> phoneNumber() {
        return text(PHONE_NUMBER);
    }

    /**
     * What templates and conditions see as {@code profile}: the attributes, plus {@code last_active_at}
     * (RFC 3339) when Herald has seen the user.
     */
    public Map<String, Object> view() {
        Map<String, Object> view = JsonTrees.deepCopy(attributes);
        if (lastActiveAt != null) {
            view.put(LAST_ACTIVE_AT, lastActiveAt.toString());
        }
        return view;
    }

    private Optional<String> text(String key) {
        return attributes.get(key) instanceof String value && !value.isBlank() ? Optional.of(value) : Optional.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Profile profile && userId.equals(profile.userId)
                && attributes.equals(profile.attributes) && Objects.equals(lastActiveAt, profile.lastActiveAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userId, attributes, lastActiveAt);
    }

    @Override
    public String toString() {
        return "Profile[" + userId + "]";
    }
}
