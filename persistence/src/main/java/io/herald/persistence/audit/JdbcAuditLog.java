package io.herald.persistence.audit;

import io.herald.application.port.Page;
import io.herald.application.port.out.AuditLog;
import io.herald.domain.audit.AuditEvent;
import io.herald.persistence.support.Db;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

@Singleton
@Transactional
class JdbcAuditLog implements AuditLog {

    private final Db db;

    JdbcAuditLog(Db db) {
        this.db = db;
    }

    @Override
    public AuditEvent append(AuditEvent event) {
        return db.query("INSERT INTO audit_events (actor, source, type, target, at) VALUES (?, ?, ?, ?, ?) RETURNING id, actor, source, type, target, at",
                statement -> {
                    statement.setString(1, event.actor());
                    statement.setString(2, event.source());
                    statement.setString(3, event.type());
                    statement.setString(4, event.target());
                    statement.setObject(5, Db.timestamp(event.at()));
                }, JdbcAuditLog::event).get(0);
    }

    @Override
    public Optional<AuditEvent> find(String id) {
        Optional<Long> number = number(id);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        return db.queryOne("SELECT id, actor, source, type, target, at FROM audit_events WHERE id = ?",
                statement -> statement.setLong(1, number.get()), JdbcAuditLog::event);
    }

    @Override
    public int deleteBefore(java.time.Instant cutoff, int limit) {
        return db.update("DELETE FROM audit_events WHERE id IN (SELECT id FROM audit_events WHERE at < ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)",
                statement -> {
                    statement.setObject(1, Db.timestamp(cutoff));
                    statement.setInt(2, limit);
                });
    }

    @Override
    public Page<AuditEvent> list(Optional<String> cursor, int limit) {
        long before = cursor.map(Db::longPosition).orElse(Long.MAX_VALUE);
        List<AuditEvent> found = db.query("SELECT id, actor, source, type, target, at FROM audit_events WHERE id < ? ORDER BY id DESC LIMIT ?",
                statement -> {
                    statement.setLong(1, before);
                    statement.setInt(2, limit + 1);
                }, JdbcAuditLog::event);
        return Db.pageOf(found, limit, AuditEvent::id);
    }

    private static Optional<Long> number(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }

    private static AuditEvent event(ResultSet row) throws SQLException {
        return new AuditEvent(Long.toString(row.getLong("id")), row.getString("actor"), row.getString("source"), row.getString("type"),
                row.getString("target"), Db.instant(row, "at"));
    }
}
