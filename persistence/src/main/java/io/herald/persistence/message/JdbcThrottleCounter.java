package io.herald.persistence.message;

import io.herald.application.port.out.ThrottleCounter;
import io.herald.domain.message.MessageId;
import io.herald.persistence.support.Db;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;

/**
 * A throttle key's count under a transaction-scoped advisory lock on the key (class {@link #THROTTLE_LOCK_CLASS},
 * apart from the other locks), so that the count and the insert of two instances never interleave.
 */
@Singleton
@Transactional
class JdbcThrottleCounter implements ThrottleCounter {

    private static final int THROTTLE_LOCK_CLASS = 0x5468_726f;

    private final Db db;

    JdbcThrottleCounter(Db db) {
        this.db = db;
    }

    @Override
    public boolean admit(String key, int max, Duration period, MessageId messageId, Instant now) {
        db.queryOne("SELECT pg_advisory_xact_lock(?, hashtext(?))", statement -> {
            statement.setInt(1, THROTTLE_LOCK_CLASS);
            statement.setString(2, key);
        }, row -> 1);
        boolean counted = db.queryOne("SELECT 1 FROM throttle_hits WHERE message_id = ?", statement -> statement.setString(1, messageId.value()),
                row -> true).isPresent();
        if (counted) {
            return true;
        }
        long inWindow = db.queryOne("SELECT count(*) AS n FROM throttle_hits WHERE key = ? AND at > ?", statement -> {
            statement.setString(1, key);
            statement.setObject(2, Db.timestamp(now.minus(period)));
        }, row -> row.getLong("n")).orElse(0L);
        if (inWindow >= max) {
            return false;
        }
        db.update("INSERT INTO throttle_hits (message_id, key, at) VALUES (?, ?, ?)", statement -> {
            statement.setString(1, messageId.value());
            statement.setString(2, key);
            statement.setObject(3, Db.timestamp(now));
        });
        return true;
    }

    @Override
    public int forgetBefore(Instant cutoff, int limit) {
        return db.update("DELETE FROM throttle_hits WHERE message_id IN (SELECT message_id FROM throttle_hits WHERE at < ? LIMIT ?)", statement -> {
            statement.setObject(1, Db.timestamp(cutoff));
            statement.setInt(2, limit);
        });
    }
}
