package io.herald.persistence.idempotency;

import io.herald.application.port.out.IdempotencyStore;
import io.herald.persistence.support.Db;
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

    private final Db db;

    JdbcIdempotencyStore(Db db) {
        this.db = db;
    }

    @Override
    public Optional<StoredResponse> claim(String key, String requestHash, Instant now, Duration window) {
        db.update("DELETE FROM idempotency_keys WHERE idempotency_key = ? AND created_at < ?", statement -> {
            statement.setString(1, key);
            statement.setObject(2, Db.timestamp(now.minus(window)));
        });
        int claimed = db.update("INSERT INTO idempotency_keys (idempotency_key, request_hash, created_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (idempotency_key) DO NOTHING", statement -> {
            statement.setString(1, key);
            statement.setString(2, requestHash);
            statement.setObject(3, Db.timestamp(now));
        });
        if (claimed == 1) {
            return Optional.empty();
        }
        return db.queryOne("SELECT request_hash, response::text AS response, created_at FROM idempotency_keys WHERE idempotency_key = ?",
                statement -> statement.setString(1, key),
                row -> new StoredResponse(row.getString("request_hash"), db.jsonObject(row.getString("response")),
                        Db.instant(row, "created_at")));
    }

    @Override
    public void complete(String key, Map<String, Object> response) {
        db.update("UPDATE idempotency_keys SET response = ?::jsonb WHERE idempotency_key = ?", statement -> {
            statement.setString(1, db.toJson(response));
            statement.setString(2, key);
        });
    }
}
