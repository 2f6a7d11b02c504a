package io.herald.persistence.preference;

import io.herald.domain.preference.PreferenceStatus;
import io.herald.domain.preference.TopicPreference;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.util.List;

@MappedEntity("preferences")
record PreferenceRow(
        @EmbeddedId Key id,
        PreferenceStatus status,
        boolean hasCustomRouting,
        @TypeDef(type = DataType.STRING_ARRAY) List<String> customRouting) {

    @Embeddable
    record Key(@MappedProperty("user_id") String userId, @MappedProperty("topic_id") String topicId) {
    }

    static PreferenceRow of(TopicPreference preference) {
        return new PreferenceRow(new Key(preference.userId().value(), preference.topicId()), preference.status(),
                preference.hasCustomRouting(), preference.customRouting().stream().map(Channel::wireName).toList());
    }

    TopicPreference toPreference() {
        return new TopicPreference(UserId.of(id.userId()), id.topicId(), status, hasCustomRouting,
                customRouting.stream().map(name -> Channel.find(name).orElseThrow()).toList());
    }
}
