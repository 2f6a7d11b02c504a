package io.herald.persistence.list;

import io.herald.application.port.out.ListRepository.Subscription;
import io.herald.domain.profile.UserId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.Map;

@MappedEntity("list_subscriptions")
record ListSubscriptionRow(
        @EmbeddedId Key id,
        @Nullable @TypeDef(type = DataType.JSON) Map<String, Object> preferences,
        Instant createdAt) {

    @Embeddable
    record Key(@MappedProperty("list_id") String listId, @MappedProperty("user_id") String userId) {
    }

    Subscription toSubscription() {
        return new Subscription(UserId.of(id.userId()), preferences, createdAt);
    }
}
