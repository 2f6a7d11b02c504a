package io.herald.application.port.out;

import io.herald.domain.preference.TopicPreference;
import io.herald.domain.profile.UserId;

import java.util.List;
import java.util.Optional;

/**
 * A user's choices per subscription topic, in a scope: their own ({@code tenantId} empty), or within one tenant
 * (Courier's {@code ?tenant_id=}), which a send in that tenant's context reads first.
 */
public interface PreferenceRepository {

    Optional<TopicPreference> find(UserId userId, Optional<String> tenantId, String topicId);

    /** In topic id order. */
    List<TopicPreference> list(UserId userId, Optional<String> tenantId);

    void save(Optional<String> tenantId, TopicPreference preference);

    /** Removes the user's choice for the topic in the scope, if any: it is then at its default. */
    void delete(UserId userId, Optional<String> tenantId, String topicId);

    /** Removes every user's choices within the tenant: it is being deleted. */
    void deleteTenantScope(String tenantId);

    default Optional<TopicPreference> find(UserId userId, String topicId) {
        return find(userId, Optional.empty(), topicId);
    }

    default List<TopicPreference> list(UserId userId) {
        return list(userId, Optional.empty());
    }

    default void save(TopicPreference preference) {
        save(Optional.empty(), preference);
    }

    default void delete(UserId userId, String topicId) {
        delete(userId, Optional.empty(), topicId);
    }
}
