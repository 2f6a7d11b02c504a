package io.herald.persistence.inbox;

import io.herald.application.port.Page;
import io.herald.application.port.out.InboxRepository;
import io.herald.domain.message.MessageId;
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
class JdbcInboxRepository implements InboxRepository {

    private static final String COLUMNS = "message_id, user_id, content::text AS content, created_at, read_at, clicked_at, archived_at";
    private static final Map<String, String> ACTION_COLUMNS = Map.of("read", "read_at", "click", "clicked_at", "archive", "archived_at");

    private final Db db;

    JdbcInboxRepository(Db db) {
        this.db = db;
    }

    @Override
    public void add(InboxEntry entry) {
        db.update("INSERT INTO inbox_messages (message_id, user_id, content, created_at) VALUES (?, ?, ?::jsonb, ?) "
                + "ON CONFLICT (message_id) DO NOTHING", statement -> {
            statement.setString(1, entry.messageId().value());
            statement.setString(2, entry.userId().value());
            statement.setString(3, db.toJson(entry.content()));
            statement.setObject(4, Db.timestamp(entry.created()));
        });
    }

    @Override
    public Page<InboxEntry> list(UserId userId, boolean includeArchived, Optional<String> cursor, int limit) {
        String before = cursor.map(Db::position).orElse("\uffff");
        List<InboxEntry> rows = db.query("SELECT " + COLUMNS + " FROM inbox_messages WHERE user_id = ? AND message_id < ?"
                        + (includeArchived ? "" : " AND archived_at IS NULL") + " ORDER BY message_id DESC LIMIT ?",
                statement -> {
                    statement.setString(1, userId.value());
                    statement.setString(2, before);
                    statement.setInt(3, limit + 1);
                }, this::entry);
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<InboxEntry> items = rows.subList(0, limit);
        return new Page<>(items, Db.cursor(items.get(limit - 1).messageId().value()));
    }

    @Override
    public Optional<InboxEntry> find(UserId userId, MessageId messageId) {
        return db.queryOne("SELECT " + COLUMNS + " FROM inbox_messages WHERE user_id = ? AND message_id = ?", statement -> {
            statement.setString(1, userId.value());
            statement.setString(2, messageId.value());
        }, this::entry);
    }

    @Override
    public void mark(UserId userId, MessageId messageId, String action, Instant at) {
        String column = ACTION_COLUMNS.get(action);
        if (column == null) {
            throw new IllegalArgumentException("unknown inbox action " + action);
        }
        db.update("UPDATE inbox_messages SET " + column + " = coalesce(" + column + ", ?) WHERE user_id = ? AND message_id = ?",
                statement -> {
                    statement.setObject(1, Db.timestamp(at));
                    statement.setString(2, userId.value());
                    statement.setString(3, messageId.value());
                });
    }

    private InboxEntry entry(ResultSet row) throws SQLException {
        return new InboxEntry(new MessageId(row.getString("message_id")), UserId.of(row.getString("user_id")),
                db.jsonObject(row.getString("content")), Db.instant(row, "created_at"), Db.instant(row, "read_at"),
                Db.instant(row, "clicked_at"), Db.instant(row, "archived_at"));
    }
}
