package io.herald.application.port.in;

import io.herald.domain.preference.PreferenceStatus;
import io.herald.domain.preference.TopicPreference;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;

import java.util.List;
import java.util.Optional;

/**
 * Courier's user preferences: a status per subscription topic, optionally with the user's own channels, in the user's
 * own scope or within one tenant ({@code tenantId}; an unknown tenant is a NotFoundException). A REQUIRED preference,
 * the user's or the tenant's default, cannot be left by any of these paths (an InvalidValueException).
 */
public interface ManagePreferencesUseCase {

    /** Bulk writes carry at most this many topics. */
    int MAX_BULK_TOPICS = 50;

    /** The user's choices in the scope, in topic id order. */
    List<TopicPreference> list(UserId userId, Optional<String> tenantId);

    /** The user's choice in the scope, or what they have without one (the tenant's default, else OPTED_IN). */
    Topic find(UserId userId, Optional<String> tenantId, String topicId);

    void put(UserId userId, Optional<String> tenantId, String topicId, PreferenceStatus status, boolean hasCustomRouting,
             List<Channel> customRouting);

    /** Resets the user's choice for the topic in the scope to its default; idempotent. */
    void delete(UserId userId, Optional<String> tenantId, String topicId);

    /** Courier's bulk update: each change that can apply is written; the others are answered with why, nothing else stops. */
    BulkUpdate update(UserId userId, Optional<String> tenantId, List<Change> changes);

    /**
     * Courier's bulk replace: the changes become all of the user's choices in the scope (the others are reset), all or
     * nothing.
     */
    List<TopicPreference> replace(UserId userId, Optional<String> tenantId, List<Change> changes);

    default List<TopicPreference> list(UserId userId) {
        return list(userId, Optional.empty());
    }

    /** A preference with the status it has when the user has not chosen. */
    record Topic(TopicPreference preference, PreferenceStatus defaultStatus) {
    }

    record Change(String topicId, PreferenceStatus status, boolean hasCustomRouting, List<Channel> customRouting) {

        public Change {
            customRouting = List.copyOf(customRouting);
        }
    }

    record BulkUpdate(List<TopicPreference> applied, List<Refusal> refused) {
    }

    record Refusal(String topicId, String reason) {
    }
}
