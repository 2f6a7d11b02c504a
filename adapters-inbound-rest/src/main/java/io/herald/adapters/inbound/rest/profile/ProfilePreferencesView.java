package io.herald.adapters.inbound.rest.profile;

import io.herald.domain.profile.UserId;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code preferences} part of a profile read: Courier's RecipientPreferences shape. */
@Singleton
class ProfilePreferencesView {

    Map<String, Object> of(UserId userId) {
        Map<String, Object> preferences = new LinkedHashMap<>();
        preferences.put("categories", Map.of());
        preferences.put("notifications", Map.of());
        return preferences;
    }
}
