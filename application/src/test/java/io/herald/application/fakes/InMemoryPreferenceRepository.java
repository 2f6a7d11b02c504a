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

    private final Map<UserId, Map<String, TopicPreference>> byUser = new ConcurrentHashMap<>();

    @Override
    public Optional<TopicPreference> find(UserId userId, String topicId) {
        return Optional.ofNullable(byUser.getOrDefault(userId, Map.of()).get(topicId));
    }

    @Override
    public List<TopicPreference> list(UserId userId) {
        return List.copyOf(byUser.getOrDefault(userId, Map.of()).values());
    }

    @Override
    public void save(TopicPreference preference) {
        topicsOf(preference.userId()).put(preference.topicId(), preference);
    }

    @Override
    public void delete(UserId userId, String topicId) {
        topicsOf(userId).remove(topicId);
    }

    /** For {@link InMemoryIdentityMerger}: the user's own preferences win. */
    void moveInto(UserId from, UserId into) {
        Map<String, TopicPreference> visitor = byUser.remove(from);
        if (visitor != null) {
            visitor.values().forEach(p -> topicsOf(into).putIfAbsent(p.topicId(),
                    new TopicPreference(into, p.topicId(), p.status(), p.hasCustomRouting(), p.customRouting())));
        }
    }

    /** For {@link InMemoryPersonalDataEraser}. */
    void erase(UserId userId) {
        byUser.remove(userId);
    }

    private Map<String, TopicPreference> topicsOf(UserId userId) {
        return byUser.computeIfAbsent(userId, user -> new ConcurrentSkipListMap<>());
    }
}
