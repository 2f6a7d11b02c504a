package io.herald.persistence.template;

import io.herald.application.port.out.NotificationChecks;
import io.herald.persistence.support.Db;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;

@Singleton
@Transactional
class JdbcNotificationChecks implements NotificationChecks {

    private final Db db;

    JdbcNotificationChecks(Db db) {
        this.db = db;
    }

    @Override
    public List<Check> put(String templateId, String submissionId, List<Check> checks) {
        for (Check check : checks) {
            db.update("""
                    INSERT INTO notification_checks (template_id, submission_id, check_id, status, type, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (template_id, submission_id, check_id) DO UPDATE SET status = excluded.status, type = excluded.type,
                        updated_at = excluded.updated_at""", statement -> {
                statement.setString(1, templateId);
                statement.setString(2, submissionId);
                statement.setString(3, check.id());
                statement.setString(4, check.status());
                statement.setString(5, check.type());
                statement.setObject(6, Db.timestamp(check.updated()));
            });
        }
        return of(templateId, submissionId);
    }

    @Override
    public List<Check> of(String templateId, String submissionId) {
        return db.query("SELECT check_id, status, type, updated_at FROM notification_checks WHERE template_id = ? AND submission_id = ? ORDER BY check_id",
                statement -> {
                    statement.setString(1, templateId);
                    statement.setString(2, submissionId);
                }, row -> new Check(row.getString("check_id"), row.getString("status"), row.getString("type"), Db.instant(row, "updated_at")));
    }

    @Override
    public boolean delete(String templateId, String submissionId) {
        return db.update("DELETE FROM notification_checks WHERE template_id = ? AND submission_id = ?", statement -> {
            statement.setString(1, templateId);
            statement.setString(2, submissionId);
        }) > 0;
    }

    @Override
    public boolean anyUnresolved(String templateId) {
        return db.queryOne("SELECT EXISTS (SELECT 1 FROM notification_checks WHERE template_id = ? AND status <> 'RESOLVED')",
                statement -> statement.setString(1, templateId), row -> row.getBoolean(1)).orElse(false);
    }
}
