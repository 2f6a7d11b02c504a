package io.herald.persistence.idempotency;

import io.herald.application.port.out.IdempotencyStore;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Claims keys with an insert: a second request with the same key waits on the unique index until the first
 * request's transaction ends, then reads what it stored.
 */
@Singleton
@Transactional
class JdbcIdempotencyStore implements IdempotencyStore {

    private final IdempotencyKeyJdbcRepository rows;

    JdbcIdempotencyStore(IdempotencyKeyJdbcRepository rows) {
        this.rows = rows;
    }

    @Override
    public Optional<StoredResponse> claim(String key, String requestHash, Instant now, Duration window) {
        rows.deleteByIdempotencyKeyAndCreatedAtLessThan(key, now.minus(window));
        if (rows.insertIfAbsent(key, requestHash, now) == 1) {
            return Optional.empty();
        }
        return rows.findById(key).map(IdempotencyKeyRow::toStoredResponse);
    }

    @Override
    public void complete(String key, Map<String, Object> response) {
        rows.update(key, response);
    }
}
