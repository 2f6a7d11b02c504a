package io.herald.persistence.preference;

import io.herald.application.port.out.PreferenceRepository;
import io.herald.domain.preference.PreferenceStatus;
import io.herald.domain.preference.TopicPreference;
import io.herald.domain.profile.UserId;
import io.herald.domain.routing.Channel;
import io.herald.persistence.support.Db;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@code preferences}: one row per user, scope and topic; the user's own scope is the tenant id {@code ''}. */
@Singleton
@Transactional
class JdbcPreferenceRepository implements PreferenceRepository {

    private static final String COLUMNS = "user_id, topic_id, status, has_custom_routing, custom_routing";

    private final Db db;

    JdbcPreferenceRepository(Db db) {
        this.db = db;
    }

    @Override
    public Optional<TopicPreference> find(UserId userId, Optional<String> tenantId, String topicId) {
        return db.queryOne("SELECT " + COLUMNS + " FROM preferences WHERE user_id = ? AND tenant_id = ? AND topic_id = ?", statement -> {
            statement.setString(1, userId.value());
            statement.setString(2, scope(tenantId));
            statement.setString(3, topicId);
        }, JdbcPreferenceRepository::preference);
    }

    @Override
    public List<TopicPreference> list(UserId userId, Optional<String> tenantId) {
        return db.query("SELECT " + COLUMNS + " FROM preferences WHERE user_id = ? AND tenant_id = ? ORDER BY topic_id", statement -> {
            statement.setString(1, userId.value());
            statement.setString(2, scope(tenantId));
        }, JdbcPreferenceRepository::preference);
    }

    @Override
    public void save(Optional<String> tenantId, TopicPreference preference) {
        db.update("""
                INSERT INTO preferences (user_id, tenant_id, topic_id, status, has_custom_routing, custom_routing)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (user_id, tenant_id, topic_id) DO UPDATE SET status = excluded.status,
                    has_custom_routing = excluded.has_custom_routing, custom_routing = excluded.custom_routing, updated_at = now()""",
                statement -> {
                    statement.setString(1, preference.userId().value());
                    statement.setString(2, scope(tenantId));
                    statement.setString(3, preference.topicId());
                    statement.setString(4, preference.status().name());
                    statement.setBoolean(5, preference.hasCustomRouting());
                    statement.setArray(6, db.textArray(preference.customRouting().stream().map(Channel::wireName).toList()));
                });
    }

    @Override
    public void delete(UserId userId, Optional<String> tenantId, String topicId) {
        db.update("DELETE FROM preferences WHERE user_id = ? AND tenant_id = ? AND topic_id = ?", statement -> {
            statement.setString(1, userId.value());
            statement.setString(2, scope(tenantId));
            statement.setString(3, topicId);
        });
    }

    @Override
    public void deleteTenantScope(String tenantId) {
        db.update("DELETE FROM preferences WHERE tenant_id = ?", statement -> statement.setString(1, tenantId));
    }

    private static String scope(Optional<String> tenantId) {
        return tenantId.orElse("");
    }

    private static TopicPreference preference(ResultSet row) throws SQLException {
        return new TopicPreference(UserId.of(row.getString("user_id")), row.getString("topic_id"),
                PreferenceStatus.valueOf(row.getString("status")), row.getBoolean("has_custom_routing"),
                Db.texts(row, "custom_routing").stream().map(name -> Channel.find(name).orElseThrow()).toList());
    }
}
