package io.herald.persistence.idempotency;

import io.herald.application.port.out.IdempotencyStore.StoredResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.Map;

/** A claimed key: its response is null until the request that claimed it completes. */
@MappedEntity("idempotency_keys")
record IdempotencyKeyRow(
        @Id String idempotencyKey,
        String requestHash,
        @Nullable @TypeDef(type = DataType.JSON) Map<String, Object> response,
        Instant createdAt) {

    StoredResponse toStoredResponse() {
        return new StoredResponse(requestHash, response, createdAt);
    }
}
