package io.herald.persistence.operations;

import io.herald.application.port.out.OperationalStatus;
import io.herald.persistence.support.Db;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

@Singleton
class JdbcOperationalStatus implements OperationalStatus {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcOperationalStatus.class);

    private final Db db;

    JdbcOperationalStatus(Db db) {
        this.db = db;
    }

    @Override
    @Transactional(readOnly = true, timeout = 5)
    public boolean databaseAnswers() {
        try {
            return db.queryOne("SELECT 1", statement -> { }, row -> row.getInt(1)).isPresent();
        } catch (RuntimeException e) {
            LOG.warn("Health: the database does not answer ({})", e.getClass().getSimpleName());
            return false;
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Backlog backlog(Instant now) {
        // Looks at messages have their own queue (ADR 0014); the rest of durable work is db-scheduler's.
        return db.queryOne("""
                        SELECT count(*), min(due) FROM (
                            SELECT execution_time AS due FROM scheduled_tasks WHERE picked = false AND execution_time <= ?
                            UNION ALL SELECT due_at FROM delivery_looks WHERE due_at <= ?) work""",
                statement -> {
                    statement.setObject(1, Db.timestamp(now));
                    statement.setObject(2, Db.timestamp(now));
                },
                row -> {
                    Instant oldest = Db.instant(row, "min");
                    return new Backlog(row.getLong(1), oldest == null ? Duration.ZERO : Duration.between(oldest, now));
                }).orElse(new Backlog(0, Duration.ZERO));
    }
}
