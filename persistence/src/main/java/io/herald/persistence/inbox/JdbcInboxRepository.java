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
    /** The NOTIFY channel the inbox streams listen on. */
    static final String INBOX_CHANNEL = "herald_inbox";
    private static final Map<String, String> ACTION_COLUMNS = Map.of("read", "read_at", "click", "clicked_at", "archive", "archived_at");

    private final Db db;

    JdbcInboxRepository(Db db) {
        this.db = db;
    }

    @Override
    public void add(InboxEntry entry) {
        int added = db.update("INSERT INTO inbox_messages (message_id, user_id, content, created_at) VALUES (?, ?, ?::jsonb, ?) "
                + "ON CONFLICT (message_id) DO NOTHING", statement -> {
            statement.setString(1, entry.messageId().value());
            statement.setString(2, entry.userId().value());
            statement.setString(3, db.toJson(entry.content()));
            statement.setObject(4, Db.timestamp(entry.created()));
        });
        if (added == 1) {
            event(entry.userId(), "message", Optional.of(entry.messageId()), entry.created());
        }
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
    public boolean mark(UserId userId, MessageId messageId, String action, Instant at) {
        String column = ACTION_COLUMNS.get(action);
        if (column == null) {
            throw new IllegalArgumentException("unknown inbox action " + action);
        }
        boolean changed = db.update("UPDATE inbox_messages SET " + column + " = ? WHERE user_id = ? AND message_id = ? AND " + column + " IS NULL",
                statement -> {
                    statement.setObject(1, Db.timestamp(at));
                    statement.setString(2, userId.value());
                    statement.setString(3, messageId.value());
                }) == 1;
        if (changed && !action.equals("click")) {
            event(userId, action, Optional.of(messageId), at);
        }
        return changed;
    }

    @Override
    public boolean markUnread(UserId userId, MessageId messageId, Instant at) {
        boolean changed = db.update("UPDATE inbox_messages SET read_at = NULL WHERE user_id = ? AND message_id = ? AND read_at IS NOT NULL",
                statement -> {
                    statement.setString(1, userId.value());
                    statement.setString(2, messageId.value());
                }) == 1;
        if (changed) {
            event(userId, "unread", Optional.of(messageId), at);
        }
        return changed;
    }

    @Override
    public int markAllRead(UserId userId, Instant at) {
        int marked = db.update("UPDATE inbox_messages SET read_at = ? WHERE user_id = ? AND read_at IS NULL AND archived_at IS NULL",
                statement -> {
                    statement.setObject(1, Db.timestamp(at));
                    statement.setString(2, userId.value());
                });
        if (marked > 0) {
            event(userId, "read-all", Optional.empty(), at);
        }
        return marked;
    }

    @Override
    public Optional<UserId> markReadOfMessage(MessageId messageId, Instant at) {
        Optional<UserId> marked = db.queryOne("UPDATE inbox_messages SET read_at = ? WHERE message_id = ? AND read_at IS NULL RETURNING user_id",
                statement -> {
                    statement.setObject(1, Db.timestamp(at));
                    statement.setString(2, messageId.value());
                }, row -> UserId.of(row.getString("user_id")));
        marked.ifPresent(user -> event(user, "read", Optional.of(messageId), at));
        return marked;
    }

    @Override
    public long unreadCount(UserId userId) {
        return db.queryOne("SELECT count(*) AS n FROM inbox_messages WHERE user_id = ? AND read_at IS NULL AND archived_at IS NULL",
                statement -> statement.setString(1, userId.value()), row -> row.getLong("n")).orElse(0L);
    }

    @Override
    public List<InboxEvent> eventsAfter(UserId userId, long afterId, int limit) {
        return db.query("SELECT id, type, message_id, at FROM inbox_events WHERE user_id = ? AND id > ? ORDER BY id LIMIT ?", statement -> {
            statement.setString(1, userId.value());
            statement.setLong(2, afterId);
            statement.setInt(3, limit);
        }, row -> new InboxEvent(row.getLong("id"), userId, row.getString("type"),
                Optional.ofNullable(row.getString("message_id")).map(MessageId::new), Db.instant(row, "at")));
    }

    @Override
    public long latestEventId(UserId userId) {
        return db.queryOne("SELECT coalesce(max(id), 0) AS id FROM inbox_events WHERE user_id = ?",
                statement -> statement.setString(1, userId.value()), row -> row.getLong("id")).orElse(0L);
    }

    /** The event, and the wake-up of the user's streams on every instance; PostgreSQL delivers the NOTIFY at commit. */
    private void event(UserId userId, String type, Optional<MessageId> messageId, Instant at) {
        db.update("INSERT INTO inbox_events (user_id, type, message_id, at) VALUES (?, ?, ?, ?)", statement -> {
            statement.setString(1, userId.value());
            statement.setString(2, type);
            statement.setString(3, messageId.map(MessageId::value).orElse(null));
            statement.setObject(4, Db.timestamp(at));
        });
        db.query("SELECT pg_notify('" + INBOX_CHANNEL + "', ?)", statement -> statement.setString(1, userId.value()), row -> null);
    }

    private InboxEntry entry(ResultSet row) throws SQLException {
        return new InboxEntry(new MessageId(row.getString("message_id")), UserId.of(row.getString("user_id")),
                db.jsonObject(row.getString("content")), Db.instant(row, "created_at"), Db.instant(row, "read_at"),
                Db.instant(row, "clicked_at"), Db.instant(row, "archived_at"));
    }
}
