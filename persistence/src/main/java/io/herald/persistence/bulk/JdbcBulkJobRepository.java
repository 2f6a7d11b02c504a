package io.herald.persistence.bulk;

import io.herald.application.port.Page;
import io.herald.application.port.out.BulkJobRepository;
import io.herald.domain.bulk.BulkJob;
import io.herald.domain.bulk.BulkStatus;
import io.herald.domain.bulk.BulkUser;
import io.herald.persistence.support.Db;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Singleton
@Transactional
class JdbcBulkJobRepository implements BulkJobRepository {

    private static final String JOB = "SELECT job_id, definition::text AS definition, status, received, enqueued, failures, created_at FROM bulk_jobs";
    private static final String USER = "SELECT seq, \"user\"::text AS user_json, status, message_id, error FROM bulk_users";

    private final Db db;

    JdbcBulkJobRepository(Db db) {
        this.db = db;
    }

    @Override
    public void create(BulkJob job) {
        db.update("INSERT INTO bulk_jobs (job_id, definition, status, created_at, updated_at) VALUES (?, CAST(? AS jsonb), ?, ?, ?)",
                statement -> {
                    statement.setString(1, job.id());
                    statement.setString(2, db.toJson(job.definition()));
                    statement.setString(3, job.status().name());
                    statement.setObject(4, Db.timestamp(job.created()));
                    statement.setObject(5, Db.timestamp(job.created()));
                });
    }

    @Override
    public Optional<BulkJob> find(String jobId) {
        return db.queryOne(JOB + " WHERE job_id = ?", statement -> statement.setString(1, jobId), this::job);
    }

    // A lock outside a transaction would be released at once: fail instead.
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    @Override
    public Optional<BulkJob> lock(String jobId) {
        return db.queryOne(JOB + " WHERE job_id = ? FOR UPDATE", statement -> statement.setString(1, jobId), this::job);
    }

    @Override
    public void addUsers(String jobId, List<Map<String, Object>> users) {
        List<String> json = users.stream().map(db::toJson).toList();
        db.update("INSERT INTO bulk_users (job_id, \"user\", status) SELECT ?, CAST(u AS jsonb), 'PENDING' FROM unnest(?::text[]) WITH ORDINALITY AS t(u, n) ORDER BY n",
                statement -> {
                    statement.setString(1, jobId);
                    statement.setArray(2, db.textArray(json));
                });
        db.update("UPDATE bulk_jobs SET received = received + ?, updated_at = now() WHERE job_id = ?", statement -> {
            statement.setLong(1, users.size());
            statement.setString(2, jobId);
        });
    }

    @Override
    public List<BulkUser> pendingAfter(String jobId, long afterSeq, int limit) {
        return db.query(USER + " WHERE job_id = ? AND seq > ? AND status = 'PENDING' ORDER BY seq LIMIT ?", statement -> {
            statement.setString(1, jobId);
            statement.setLong(2, afterSeq);
            statement.setInt(3, limit);
        }, this::user);
    }

    @Override
    public void recordOutcomes(String jobId, List<BulkUser> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        List<String> seqs = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        List<String> messageIds = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        long enqueued = 0;
        for (BulkUser outcome : outcomes) {
            seqs.add(Long.toString(outcome.seq()));
            statuses.add(outcome.status().name());
            messageIds.add(outcome.messageId().orElse(null));
            errors.add(outcome.error().orElse(null));
            enqueued += outcome.status() == BulkUser.Status.ENQUEUED ? 1 : 0;
        }
        db.update("""
                UPDATE bulk_users SET status = o.status, message_id = o.message_id, error = o.error
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS o(seq, status, message_id, error)
                WHERE bulk_users.job_id = ? AND bulk_users.seq = o.seq::bigint""", statement -> {
            statement.setArray(1, db.textArray(seqs));
            statement.setArray(2, db.textArray(statuses));
            statement.setArray(3, db.textArray(messageIds));
            statement.setArray(4, db.textArray(errors));
            statement.setString(5, jobId);
        });
        long done = enqueued;
        long failed = outcomes.size() - enqueued;
        db.update("UPDATE bulk_jobs SET enqueued = enqueued + ?, failures = failures + ?, updated_at = now() WHERE job_id = ?", statement -> {
            statement.setLong(1, done);
            statement.setLong(2, failed);
            statement.setString(3, jobId);
        });
    }

    @Override
    public void setStatus(String jobId, BulkStatus status) {
        db.update("UPDATE bulk_jobs SET status = ?, updated_at = now() WHERE job_id = ?", statement -> {
            statement.setString(1, status.name());
            statement.setString(2, jobId);
        });
    }

    @Override
    public Page<BulkUser> users(String jobId, Optional<String> cursor, int limit) {
        long after = cursor.map(Db::longPosition).orElse(0L);
        List<BulkUser> found = db.query(USER + " WHERE job_id = ? AND seq > ? ORDER BY seq LIMIT ?", statement -> {
            statement.setString(1, jobId);
            statement.setLong(2, after);
            statement.setInt(3, limit + 1);
        }, this::user);
        return Db.pageOf(found, limit, user -> Long.toString(user.seq()));
    }

    private BulkJob job(ResultSet row) throws SQLException {
        return new BulkJob(row.getString("job_id"), db.jsonObject(row.getString("definition")), BulkStatus.valueOf(row.getString("status")),
                row.getLong("received"), row.getLong("enqueued"), row.getLong("failures"), Db.instant(row, "created_at"));
    }

    private BulkUser user(ResultSet row) throws SQLException {
        return new BulkUser(row.getLong("seq"), db.jsonObject(row.getString("user_json")), BulkUser.Status.valueOf(row.getString("status")),
                Optional.ofNullable(row.getString("message_id")), Optional.ofNullable(row.getString("error")));
    }
}
