package io.herald.persistence.operations;

import io.herald.application.port.out.RetentionStore;
import io.herald.domain.message.MessageStatus;
import io.herald.persistence.support.Db;
import jakarta.inject.Singleton;

import java.time.Instant;

/** Batches are chosen by primary key with SKIP LOCKED, so a batch never waits on rows other work holds. */
@Singleton
class JdbcRetentionStore implements RetentionStore {

    private final Db db;

    /** Messages past any provider hand-off: sent (whatever came after) or ended. Pending ones are never deleted. */
    private static final String NO_LONGER_PENDING = java.util.Arrays.stream(MessageStatus.values())
            .filter(status -> !status.isBeforeSending()).map(status -> "'" + status.name() + "'")
            .collect(java.util.stream.Collectors.joining(", "));

    JdbcRetentionStore(Db db) {
        this.db = db;
    }

    @Override
    public int deleteMessages(Instant cutoff, int limit) {
        // A look still queued for a deleted message (an escalation check, say) goes with it.
        return db.queryOne("""
                WITH gone AS (DELETE FROM messages WHERE message_id IN (SELECT message_id FROM messages WHERE enqueued_at < ?
                    AND status IN (%s)
                    LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING message_id),
                looks AS (DELETE FROM delivery_looks WHERE message_id IN (SELECT message_id FROM gone))
                SELECT count(*) FROM gone""".formatted(NO_LONGER_PENDING), statement -> {
            statement.setObject(1, Db.timestamp(cutoff));
            statement.setInt(2, limit);
        }, row -> row.getInt(1)).orElse(0);
    }

    @Override
    public int deleteInboundEvents(Instant cutoff, int limit) {
        return delete("""
                DELETE FROM inbound_events WHERE id IN (SELECT id FROM inbound_events WHERE received_at < ? AND status <> 'RECEIVED'
                    LIMIT ? FOR UPDATE SKIP LOCKED)""", cutoff, limit);
    }

    @Override
    public int deleteAutomationRuns(Instant cutoff, int limit) {
        return delete("""
                DELETE FROM automation_runs WHERE run_id IN (SELECT run_id FROM automation_runs WHERE created_at < ?
                    AND status IN ('COMPLETED', 'CANCELED', 'FAILED') LIMIT ? FOR UPDATE SKIP LOCKED)""", cutoff, limit);
    }

    @Override
    public int deleteReceiptsAndReportedFeedback(Instant cutoff, int limit) {
        int receipts = delete("""
                DELETE FROM webhook_receipts WHERE (provider, receipt) IN (SELECT provider, receipt FROM webhook_receipts
                    WHERE received_at < ? LIMIT ? FOR UPDATE SKIP LOCKED)""", cutoff, limit);
        int feedback = delete("""
                DELETE FROM engagement_feedback WHERE id IN (SELECT id FROM engagement_feedback WHERE delivered_at < ?
                    LIMIT ? FOR UPDATE SKIP LOCKED)""", cutoff, limit);
        return Math.max(receipts, feedback);
    }

    @Override
    public int deleteInboxEvents(Instant cutoff, int limit) {
        return delete("DELETE FROM inbox_events WHERE id IN (SELECT id FROM inbox_events WHERE at < ? LIMIT ? FOR UPDATE SKIP LOCKED)", cutoff, limit);
    }

    private int delete(String sql, Instant cutoff, int limit) {
        return db.update(sql, statement -> {
            statement.setObject(1, Db.timestamp(cutoff));
            statement.setInt(2, limit);
        });
    }
}
