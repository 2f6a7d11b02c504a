package io.herald.persistence.idempotency;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface IdempotencyKeyJdbcRepository extends GenericRepository<IdempotencyKeyRow, String> {

    int deleteByIdempotencyKeyAndCreatedAtLessThan(String idempotencyKey, Instant before);

    /** 1 when this call claimed the key; 0 when it was claimed already (after waiting for that claim's transaction). */
    @Query("""
            INSERT INTO idempotency_keys (idempotency_key, request_hash, created_at)
            VALUES (:idempotencyKey, :requestHash, :createdAt)
            ON CONFLICT (idempotency_key) DO NOTHING""")
    int insertIfAbsent(String idempotencyKey, String requestHash, Instant createdAt);

    Optional<IdempotencyKeyRow> findById(String idempotencyKey);

    void update(@Id String idempotencyKey, @TypeDef(type = DataType.JSON) Map<String, Object> response);
}
