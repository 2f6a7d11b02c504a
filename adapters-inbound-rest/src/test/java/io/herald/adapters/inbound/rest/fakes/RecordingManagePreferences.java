package io.herald.adapters.inbound.rest.fakes;

import io.herald.application.port.in.ManagePreferencesUseCase;
import io.herald.domain.preference.PreferenceStatus;
import io.herald.domain.preference.TopicPreference;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Knows the preferences a test gives it; a topic never set is OPTED_IN by default, as the use case promises. */
@Singleton
public class RecordingManagePreferences extends RecordingFake implements ManagePreferencesUseCase {

    private final Map<UserId, List<TopicPreference>> preferences = new ConcurrentHashMap<>();

    public void know(TopicPreference... topics) {
        for (TopicPreference topic : topics) {
            preferences.merge(topic.userId(), List.of(topic),
                    (known, added) -> java.util.stream.Stream.concat(known.stream(), added.stream()).toList());
        }
    }

    @Override
    public List<TopicPreference> list(UserId userId) {
        called("list", userId);
        return preferences.getOrDefault(userId, List.of());
    }

    @Override
    public TopicPreference find(UserId userId, String topicId) {
        called("find", userId, topicId);
        return preferences.getOrDefault(userId, List.of()).stream().filter(topic -> topic.topicId().equals(topicId)).findFirst()
                .orElseGet(() -> TopicPreference.defaultFor(userId, topicId));
    }

    @Override
    public void put(UserId userId, String topicId, PreferenceStatus status, boolean hasCustomRouting, List<Channel> customRouting) {
        called("put", userId, topicId, status, hasCustomRouting, customRouting);
    }

    @Override
    public void delete(UserId userId, String topicId) {
        called("delete", userId, topicId);
    }

    @Override
    protected void forgetAnswers() {
        preferences.clear();
    }
}
