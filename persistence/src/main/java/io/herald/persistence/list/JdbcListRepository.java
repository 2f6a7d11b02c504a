package io.herald.persistence.list;

import io.herald.application.port.Page;
import io.herald.application.port.out.ListRepository;
import io.herald.domain.list.SubscriptionList;
import io.herald.domain.profile.UserId;
import io.herald.persistence.support.Db;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Singleton
@Transactional
class JdbcListRepository implements ListRepository {

    private static final String COLUMNS = "list_id, name, preferences::text AS preferences, created_at, updated_at";

    private final Db db;

    JdbcListRepository(Db db) {
        this.db = db;
    }

    @Override
    public void put(SubscriptionList list) {
        db.update("""
                INSERT INTO lists (list_id, name, preferences, created_at, updated_at) VALUES (?, ?, ?::jsonb, ?, ?)
                ON CONFLICT (list_id) DO UPDATE SET name = excluded.name, preferences = excluded.preferences,
                    updated_at = excluded.updated_at""", statement -> {
            statement.setString(1, list.id());
            statement.setString(2, list.name());
            statement.setString(3, list.preferences() == null ? null : db.toJson(list.preferences()));
            statement.setObject(4, Db.timestamp(list.created()));
            statement.setObject(5, Db.timestamp(list.updated()));
        });
    }

    @Override
    public Optional<SubscriptionList> find(String listId) {
        return db.queryOne("SELECT " + COLUMNS + " FROM lists WHERE list_id = ?", statement -> statement.setString(1, listId), this::list);
    }

    @Override
    public boolean delete(String listId) {
        return db.update("DELETE FROM lists WHERE list_id = ?", statement -> statement.setString(1, listId)) == 1;
    }

    @Override
    public Page<SubscriptionList> list(Optional<String> pattern, Optional<String> cursor, int limit) {
        String after = cursor.map(Db::position).orElse("");
        // Courier's list patterns use '*' as a wildcard within a dot-separated id.
        String like = pattern.map(p -> p.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace('*', '%')).orElse("%");
        List<SubscriptionList> rows = db.query("SELECT " + COLUMNS + " FROM lists WHERE list_id > ? AND list_id LIKE ? ORDER BY list_id LIMIT ?",
                statement -> {
                    statement.setString(1, after);
                    statement.setString(2, like);
                    statement.setInt(3, limit + 1);
                }, this::list);
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<SubscriptionList> items = rows.subList(0, limit);
        return new Page<>(items, Db.cursor(items.get(limit - 1).id()));
    }

    @Override
    public void subscribe(String listId, UserId userId, Map<String, Object> preferences, Instant at) {
        db.update("""
                INSERT INTO list_subscriptions (list_id, user_id, preferences, created_at) VALUES (?, ?, ?::jsonb, ?)
                ON CONFLICT (list_id, user_id) DO UPDATE SET preferences = excluded.preferences""", statement -> {
            statement.setString(1, listId);
            statement.setString(2, userId.value());
            statement.setString(3, preferences == null || preferences.isEmpty() ? null : db.toJson(preferences));
            statement.setObject(4, Db.timestamp(at));
        });
    }

    @Override
    public boolean unsubscribe(String listId, UserId userId) {
        return db.update("DELETE FROM list_subscriptions WHERE list_id = ? AND user_id = ?", statement -> {
            statement.setString(1, listId);
            statement.setString(2, userId.value());
        }) == 1;
    }

    @Override
    public Page<Subscription> subscriptions(String listId, Optional<String> cursor, int limit) {
        String after = cursor.map(Db::position).orElse("");
        List<Subscription> rows = db.query("""
                SELECT user_id, preferences::text AS preferences, created_at FROM list_subscriptions
                WHERE list_id = ? AND user_id > ? ORDER BY user_id LIMIT ?""", statement -> {
            statement.setString(1, listId);
            statement.setString(2, after);
            statement.setInt(3, limit + 1);
        }, row -> new Subscription(UserId.of(row.getString("user_id")), db.jsonObject(row.getString("preferences")),
                Db.instant(row, "created_at")));
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<Subscription> items = rows.subList(0, limit);
        return new Page<>(items, Db.cursor(items.get(limit - 1).userId().value()));
    }

    @Override
    public List<UserId> subscribersAfter(String listId, Optional<UserId> after, int limit) {
        return db.query("SELECT user_id FROM list_subscriptions WHERE list_id = ? AND user_id > ? ORDER BY user_id LIMIT ?",
                statement -> {
                    statement.setString(1, listId);
                    statement.setString(2, after.map(UserId::value).orElse(""));
                    statement.setInt(3, limit);
                }, row -> UserId.of(row.getString(1)));
    }

    @Override
    public List<SubscriptionList> listsOf(UserId userId) {
        return db.query("SELECT l.list_id, l.name, l.preferences::text AS preferences, l.created_at, l.updated_at "
                        + "FROM lists l JOIN list_subscriptions s ON s.list_id = l.list_id WHERE s.user_id = ? ORDER BY l.list_id",
                statement -> statement.setString(1, userId.value()), this::list);
    }

    private SubscriptionList list(ResultSet row) throws SQLException {
        return new SubscriptionList(row.getString("list_id"), row.getString("name"), db.jsonObject(row.getString("preferences")),
                Db.instant(row, "created_at"), Db.instant(row, "updated_at"));
    }
}
