package io.herald.application.preference;

import io.herald.application.port.in.ManagePreferencesUseCase;
import io.herald.application.port.out.PreferenceRepository;
import io.herald.domain.preference.PreferenceStatus;
import io.herald.domain.preference.TopicPreference;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;

import java.util.List;

public final class PreferenceService implements ManagePreferencesUseCase {

    private final PreferenceRepository preferences;

    public PreferenceService(PreferenceRepository preferences) {
        this.preferences = preferences;
    }

    @Override
    public List<TopicPreference> list(UserId userId) {
        return preferences.list(userId);
    }

    @Override
    public TopicPreference find(UserId userId, String topicId) {
        return preferences.find(userId, topicId).orElseGet(() -> TopicPreference.defaultFor(userId, topicId));
    }

    @Override
    public void put(UserId userId, String topicId, PreferenceStatus status, boolean hasCustomRouting, List<Channel> customRouting) {
        preferences.save(find(userId, topicId).changedTo(status, hasCustomRouting, customRouting));
    }

    @Override
    public void delete(UserId userId, String topicId) {
        preferences.find(userId, topicId).ifPresent(TopicPreference::checkCanBeReset);
        preferences.delete(userId, topicId);
    }
}
