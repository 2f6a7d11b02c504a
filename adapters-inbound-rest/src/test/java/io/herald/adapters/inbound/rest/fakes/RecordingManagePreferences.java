package io.herald.adapters.inbound.rest.fakes;

import io.herald.application.port.in.ManagePreferencesUseCase;
import io.herald.domain.preference.PreferenceStatus;
import io.herald.domain.preference.TopicPreference;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Knows the preferences a test gives it (in the user's own scope); a topic never set is OPTED_IN by default, as the
 * use case promises. Bulk writes answer what the test set.
 */
@Singleton
public class RecordingManagePreferences extends RecordingFake implements ManagePreferencesUseCase {

    private final Map<UserId, List<TopicPreference>> preferences = new ConcurrentHashMap<>();
    private volatile BulkUpdate bulkUpdate;

    public RecordingManagePreferences() {
        forgetAnswers();
    }

    public void know(TopicPreference... topics) {
        for (TopicPreference topic : topics) {
            preferences.merge(topic.userId(), List.of(topic), (known, added) -> Stream.concat(known.stream(), added.stream()).toList());
        }
    }

    public void answerBulkUpdate(BulkUpdate answer) {
        this.bulkUpdate = answer;
    }

    @Override
    public List<TopicPreference> list(UserId userId, Optional<String> tenantId) {
        called("list", userId, tenantId);
        return tenantId.isPresent() ? List.of() : preferences.getOrDefault(userId, List.of());
    }

    @Override
    public Topic find(UserId userId, Optional<String> tenantId, String topicId) {
        called("find", userId, tenantId, topicId);
        TopicPreference found = preferences.getOrDefault(userId, List.of()).stream().filter(topic -> topic.topicId().equals(topicId))
                .findFirst().orElseGet(() -> TopicPreference.defaultFor(userId, topicId));
        return new Topic(found, PreferenceStatus.OPTED_IN);
    }

    @Override
    public void put(UserId userId, Optional<String> tenantId, String topicId, PreferenceStatus status, boolean hasCustomRouting,
                    List<Channel> customRouting) {
        called("put", userId, tenantId, topicId, status, hasCustomRouting, customRouting);
    }

    @Override
    public void delete(UserId userId, Optional<String> tenantId, String topicId) {
        called("delete", userId, tenantId, topicId);
    }

    @Override
    public BulkUpdate update(UserId userId, Optional<String> tenantId, List<Change> changes) {
        called("update", userId, tenantId, changes);
        return bulkUpdate;
    }

    @Override
    public List<TopicPreference> replace(UserId userId, Optional<String> tenantId, List<Change> changes) {
        called("replace", userId, tenantId, changes);
        return changes.stream().map(change -> new TopicPreference(userId, change.topicId(), change.status(), change.hasCustomRouting(),
                change.customRouting())).toList();
    }

    @Override
    protected void forgetAnswers() {
        preferences.clear();
        bulkUpdate = new BulkUpdate(List.of(), List.of());
    }
}
