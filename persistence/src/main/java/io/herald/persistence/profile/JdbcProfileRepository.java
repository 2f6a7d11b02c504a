package io.herald.persistence.profile;

import io.herald.application.port.out.ProfileRepository;
import io.herald.domain.profile.Profile;
import io.herald.domain.profile.UserId;
import io.herald.persistence.support.Db;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    // A lock outside a transaction would be released as soon as it is taken: fail instead.
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    @Override
    public Profile lockOrCreate(UserId userId) {
        return lockOrCreateAll(List.of(userId)).get(userId);
    }

    // A lock outside a transaction would be released as soon as it is taken: fail instead.
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    @Override
    public Map<UserId, Profile> lockOrCreateAll(Collection<UserId> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        // Sorted, so that concurrent batches insert and lock in the same order and cannot deadlock.
        List<String> ids = userIds.stream().map(UserId::value).distinct().sorted().toList();
        db.update("INSERT INTO profiles (user_id) SELECT unnest(?::text[]) ORDER BY 1 ON CONFLICT (user_id) DO NOTHING",
                statement -> statement.setArray(1, db.textArray(ids)));
        Map<UserId, Profile> profiles = new HashMap<>();
        db.query("SELECT user_id, profile::text AS profile, last_active_at FROM profiles WHERE user_id = ANY (?) ORDER BY user_id FOR UPDATE",
                statement -> statement.setArray(1, db.textArray(ids)), this::profile)
                .forEach(profile -> profiles.put(profile.userId(), profile));
        return profiles;
    }

    @Override
    public void saveAll(Collection<Profile> profiles) {
        if (profiles.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(profiles.size());
        List<String> documents = new ArrayList<>(profiles.size());
        List<String> lastActive = new ArrayList<>(profiles.size());
        for (Profile profile : profiles) {
            ids.add(profile.userId().value());
            documents.add(db.toJson(profile.attributes()));
            lastActive.add(profile.lastActiveAt().map(Object::toString).orElse(null));
        }
        db.update("""
                INSERT INTO profiles (user_id, profile, last_active_at)
                SELECT u, p::jsonb, a::timestamptz FROM unnest(?::text[], ?::text[], ?::text[]) AS x(u, p, a) ORDER BY u
                ON CONFLICT (user_id) DO UPDATE SET profile = excluded.profile,
                    last_active_at = excluded.last_active_at, updated_at = now()""", statement -> {
            statement.setArray(1, db.textArray(ids));
            statement.setArray(2, db.textArray(documents));
            statement.setArray(3, db.textArray(lastActive));
        });
    }

    @Override
    public void save(Profile profile) {
        saveAll(List.of(profile));
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
