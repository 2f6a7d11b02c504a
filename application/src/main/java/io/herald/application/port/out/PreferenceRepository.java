package io.herald.application.port.out;

import io.herald.domain.preference.TopicPreference;
import io.herald.domain.profile.UserId;

import java.util.List;
import java.util.Optional;

public interface PreferenceRepository {

    Optional<TopicPreference> find(UserId userId, String topicId);

    List<TopicPreference> list(UserId userId);

    void save(TopicPreference preference);

    /** Removes the user's choice for the topic, if any: it is then at its default. */
    void delete(UserId userId, String topicId);
}
