package io.herald.persistence.profile;

import io.herald.application.port.out.ProfileRepository;
import io.herald.domain.profile.Profile;
import io.herald.domain.profile.UserId;
import io.herald.persistence.support.Db;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

@Singleton
@Transactional
class JdbcProfileRepository implements ProfileRepository {

    private final Db db;

    JdbcProfileRepository(Db db) {
        this.db = db;
    }

    @Override
    public Optional<Profile> find(UserId userId) {
        return db.queryOne("SELECT user_id, profile::text AS profile, last_active_at FROM profiles WHERE user_id = ?",
                statement -> statement.setString(1, userId.value()), this::profile);
    }

    @Override
    public Profile lockOrCreate(UserId userId) {
        db.update("INSERT INTO profiles (user_id) VALUES (?) ON CONFLICT (user_id) DO NOTHING",
                statement -> statement.setString(1, userId.value()));
        return db.queryOne("SELECT user_id, profile::text AS profile, last_active_at FROM profiles WHERE user_id = ? FOR UPDATE",
                statement -> statement.setString(1, userId.value()), this::profile).orElseThrow();
    }

    @Override
    public void save(Profile profile) {
        db.update("""
                INSERT INTO profiles (user_id, profile, last_active_at) VALUES (?, ?::jsonb, ?)
                ON CONFLICT (user_id) DO UPDATE SET profile = excluded.profile,
                    last_active_at = excluded.last_active_at, updated_at = now()""",
                statement -> {
                    statement.setString(1, profile.userId().value());
                    statement.setString(2, db.toJson(profile.attributes()));
                    statement.setObject(3, Db.timestamp(profile.lastActiveAt().orElse(null)));
                });
    }

    @Override
    public boolean delete(UserId userId) {
        return db.update("DELETE FROM profiles WHERE user_id = ?", statement -> statement.setString(1, userId.value())) == 1;
    }

    private Profile profile(ResultSet row) throws SQLException {
        return Profile.reconstitute(UserId.of(row.getString("user_id")), db.jsonObject(row.getString("profile")),
                Db.instant(row, "last_active_at"));
    }
}
