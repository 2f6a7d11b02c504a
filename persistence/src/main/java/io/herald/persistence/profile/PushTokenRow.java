package io.herald.persistence.profile;

import io.herald.domain.profile.PushToken;
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

@MappedEntity("push_tokens")
record PushTokenRow(
        @EmbeddedId Key id,
        String providerKey,
        @Nullable @TypeDef(type = DataType.JSON) Map<String, Object> device,
        @Nullable @TypeDef(type = DataType.JSON) Map<String, Object> tracking,
        /* any JSON value: an object, an array, a string… */
        @Nullable @TypeDef(type = DataType.JSON) Object properties,
        @Nullable Instant expiresAt,
        String status,
        @Nullable String statusReason) {

    @Embeddable
    record Key(@MappedProperty("user_id") String userId, @MappedProperty("token") String token) {
    }

    PushToken toToken() {
        return new PushToken(UserId.of(id.userId()), id.token(), providerKey, device, tracking, properties, expiresAt, status,
                statusReason);
    }
}
