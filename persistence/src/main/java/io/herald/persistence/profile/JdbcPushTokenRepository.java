package io.herald.persistence.profile;

import io.herald.application.port.out.PushTokenRepository;
import io.herald.domain.profile.PushToken;
import io.herald.domain.profile.UserId;
import io.herald.persistence.support.Db;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

@Singleton
@Transactional
class JdbcPushTokenRepository implements PushTokenRepository {

    private static final String COLUMNS = "user_id, token, provider_key, device::text AS device, tracking::text AS tracking, "
            + "properties::text AS properties, expires_at, status, status_reason";

    private final Db db;

    JdbcPushTokenRepository(Db db) {
        this.db = db;
    }

    @Override
    public void put(PushToken token) {
        db.update("INSERT INTO profiles (user_id) VALUES (?) ON CONFLICT (user_id) DO NOTHING",
                statement -> statement.setString(1, token.userId().value()));
        db.update("""
                INSERT INTO push_tokens (user_id, token, provider_key, device, tracking, properties, expires_at, status, status_reason)
                VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?)
                ON CONFLICT (user_id, token) DO UPDATE SET provider_key = excluded.provider_key, device = excluded.device,
                    tracking = excluded.tracking, properties = excluded.properties, expires_at = excluded.expires_at,
                    status = excluded.status, status_reason = excluded.status_reason, updated_at = now()""",
                statement -> {
                    statement.setString(1, token.userId().value());
                    statement.setString(2, token.token());
                    statement.setString(3, token.providerKey());
                    statement.setString(4, token.device() == null ? null : db.toJson(token.device()));
                    statement.setString(5, token.tracking() == null ? null : db.toJson(token.tracking()));
                    statement.setString(6, token.properties() == null ? null : db.toJson(token.properties()));
                    statement.setObject(7, Db.timestamp(token.expiresAt()));
                    statement.setString(8, token.status());
                    statement.setString(9, token.statusReason());
                });
    }

    @Override
    public Optional<PushToken> find(UserId userId, String token) {
        return db.queryOne("SELECT " + COLUMNS + " FROM push_tokens WHERE user_id = ? AND token = ?", statement -> {
            statement.setString(1, userId.value());
            statement.setString(2, token);
        }, this::token);
    }

    @Override
    public List<PushToken> list(UserId userId) {
        return db.query("SELECT " + COLUMNS + " FROM push_tokens WHERE user_id = ? ORDER BY created_at, token",
                statement -> statement.setString(1, userId.value()), this::token);
    }

    @Override
    public boolean delete(UserId userId, String token) {
        return db.update("DELETE FROM push_tokens WHERE user_id = ? AND token = ?", statement -> {
            statement.setString(1, userId.value());
            statement.setString(2, token);
        }) == 1;
    }

    private PushToken token(ResultSet row) throws SQLException {
        return new PushToken(UserId.of(row.getString("user_id")), row.getString("token"), row.getString("provider_key"),
                db.jsonObject(row.getString("device")), db.jsonObject(row.getString("tracking")),
                db.jsonValue(row.getString("properties")), Db.instant(row, "expires_at"), row.getString("status"),
                row.getString("status_reason"));
    }
}
