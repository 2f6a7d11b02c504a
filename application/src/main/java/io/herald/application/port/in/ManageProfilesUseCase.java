package io.herald.application.port.in;

import io.herald.domain.json.JsonPatch;
import io.herald.domain.profile.Profile;
import io.herald.domain.profile.UserId;

import java.util.Map;
import java.util.Optional;

/** Courier's Profiles API. */
public interface ManageProfilesUseCase {

    Optional<Profile> find(UserId userId);

    /** Creates the profile if needed and deep-merges {@code changes} into it. */
    void merge(UserId userId, Map<String, Object> changes);

    /** Creates the profile if needed; its attributes become exactly {@code attributes}. */
    void replace(UserId userId, Map<String, Object> attributes);

    /** Applies an RFC 6902 patch to an existing profile, all or nothing. */
    void patch(UserId userId, JsonPatch patch);

    /** Deletes the profile and what hangs off it (push tokens, memberships). */
    void delete(UserId userId);
}
