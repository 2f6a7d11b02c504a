package io.herald.adapters.inbound.rest.profile;

import io.herald.application.port.in.ManagePreferencesUseCase;
import io.herald.domain.preference.TopicPreference;
import io.herald.domain.profile.UserId;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code preferences} part of a profile read, in Courier's RecipientPreferences shape: the user's topic
 * preferences under {@code notifications}, keyed by topic id.
 */
@Singleton
class ProfilePreferencesView {

    private final ManagePreferencesUseCase preferences;

    ProfilePreferencesView(ManagePreferencesUseCase preferences) {
        this.preferences = preferences;
    }

    Map<String, Object> of(UserId userId) {
        Map<String, Object> notifications = new LinkedHashMap<>();
        for (TopicPreference topic : preferences.list(userId)) {
            Map<String, Object> preference = new LinkedHashMap<>();
            preference.put("status", topic.status().name());
            if (topic.hasCustomRouting()) {
                preference.put("channel_preferences", topic.customRouting().stream()
                        .map(channel -> Map.of("channel", channel.wireName())).toList());
            }
            notifications.put(topic.topicId(), preference);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("categories", Map.of());
        view.put("notifications", notifications);
        return view;
    }
}
