package io.herald.application.port.in;

import io.herald.domain.preference.PreferenceStatus;
import io.herald.domain.preference.TopicPreference;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;

import java.util.List;

/** Courier's user preferences: a status per subscription topic, optionally with the user's own channels. */
public interface ManagePreferencesUseCase {

    List<TopicPreference> list(UserId userId);

    /** The user's preference, or the default (OPTED_IN) for a topic never set. */
    TopicPreference find(UserId userId, String topicId);

    void put(UserId userId, String topicId, PreferenceStatus status, boolean hasCustomRouting, List<Channel> customRouting);

    /** Resets the user's preference for the topic to its default; idempotent. A REQUIRED one is an InvalidValueException. */
    void delete(UserId userId, String topicId);
}
