package io.herald.application.fakes;

import io.herald.application.port.out.PreferenceRepository;
import io.herald.domain.preference.TopicPreference;
import io.herald.domain.profile.UserId;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

public final class InMemoryPreferenceRepository implements PreferenceRepository {

    /** By user, then by scope ({@code ""}: the user's own, else a tenant id), then by topic. */
    private final Map<UserId, Map<String, Map<String, TopicPreference>>> byUser = new ConcurrentHashMap<>();

    @Override
    public Optional<TopicPreference> find(UserId userId, Optional<String> tenantId, String topicId) {
        return Optional.ofNullable(topicsOf(userId, tenantId).get(topicId));
    }

    @Override
    public List<TopicPreference> list(UserId userId, Optional<String> tenantId) {
        return List.copyOf(topicsOf(userId, tenantId).values());
    }

    @Override
    public void save(Optional<String> tenantId, TopicPreference preference) {
        topicsOf(preference.userId(), tenantId).put(preference.topicId(), preference);
    }

    @Override
    public void delete(UserId userId, Optional<String> tenantId, String topicId) {
        topicsOf(userId, tenantId).remove(topicId);
    }

    @Override
    public void deleteTenantScope(String tenantId) {
        byUser.values().forEach(scopes -> scopes.remove(tenantId));
    }

    /** For {@link InMemoryIdentityMerger}: the user's own preferences win, scope by scope. */
    void moveInto(UserId from, UserId into) {
        Map<String, Map<String, TopicPreference>> visitor = byUser.remove(from);
        if (visitor != null) {
            visitor.forEach((scope, topics) -> topics.values().forEach(p -> topicsOf(into, scope.isEmpty() ? Optional.empty() : Optional.of(scope))
                    .putIfAbsent(p.topicId(), new TopicPreference(into, p.topicId(), p.status(), p.hasCustomRouting(), p.customRouting()))));
        }
    }

    /** For {@link InMemoryPersonalDataEraser}. */
    void erase(UserId userId) {
        byUser.remove(userId);
    }

    private Map<String, TopicPreference> topicsOf(UserId userId, Optional<String> tenantId) {
        return byUser.computeIfAbsent(userId, user -> new ConcurrentHashMap<>())
                .computeIfAbsent(tenantId.orElse(""), scope -> new ConcurrentSkipListMap<>());
    }
}
