package io.herald.persistence.list;

import io.herald.domain.list.SubscriptionList;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.Map;

@MappedEntity("lists")
record ListRow(
        @Id String listId,
        String name,
        @Nullable @TypeDef(type = DataType.JSON) Map<String, Object> preferences,
        Instant createdAt,
        Instant updatedAt) {

    static ListRow of(SubscriptionList list) {
        return new ListRow(list.id(), list.name(), list.preferences(), list.created(), list.updated());
    }

    SubscriptionList toList() {
        return new SubscriptionList(listId, name, preferences, createdAt, updatedAt);
    }
}
