package io.herald.persistence.profile;

import io.herald.application.port.out.IdentityMerger;
import io.herald.domain.profile.UserId;
import io.herald.persistence.support.Db;
import jakarta.inject.Singleton;

import java.util.List;

@Singleton
class JdbcIdentityMerger implements IdentityMerger {

    /** Each takes (into, from) or (from) as named; what the user has already keeps precedence over the visitor's. */
    private static final List<String> MOVE_INTO_THEN_FROM = List.of(
            "INSERT INTO push_tokens (user_id, token, provider_key, device, tracking, properties, expires_at, status, status_reason, "
                    + "created_at, updated_at) SELECT ?, token, provider_key, device, tracking, properties, expires_at, status, status_reason, "
                    + "created_at, updated_at FROM push_tokens WHERE user_id = ? ON CONFLICT DO NOTHING",
            "INSERT INTO list_subscriptions (list_id, user_id, preferences, created_at) "
                    + "SELECT list_id, ?, preferences, created_at FROM list_subscriptions WHERE user_id = ? ON CONFLICT DO NOTHING",
            "INSERT INTO tenant_members (tenant_id, user_id, since, profile) SELECT tenant_id, ?, since, profile FROM tenant_members WHERE user_id = ? "
                    + "ON CONFLICT DO NOTHING",
            "INSERT INTO preferences (user_id, tenant_id, topic_id, status, has_custom_routing, custom_routing, updated_at) "
                    + "SELECT ?, tenant_id, topic_id, status, has_custom_routing, custom_routing, updated_at FROM preferences WHERE user_id = ? "
                    + "ON CONFLICT DO NOTHING",
            "UPDATE inbox_messages SET user_id = ? WHERE user_id = ?");
    private static final List<String> FORGET_FROM = List.of(
            "DELETE FROM list_subscriptions WHERE user_id = ?",
            "DELETE FROM preferences WHERE user_id = ?",
            "DELETE FROM profiles WHERE user_id = ?");

    private final Db db;

    JdbcIdentityMerger(Db db) {
        this.db = db;
    }

    @Override
    public void moveInto(UserId from, UserId into) {
        for (String statement : MOVE_INTO_THEN_FROM) {
            db.update(statement, bound -> {
                bound.setString(1, into.value());
                bound.setString(2, from.value());
            });
        }
        // Push tokens and tenant memberships of the visitor go with its profile (ON DELETE CASCADE).
        for (String statement : FORGET_FROM) {
            db.update(statement, bound -> bound.setString(1, from.value()));
        }
    }
}
