package io.herald.persistence.feedback;

import io.herald.application.port.out.FeedbackOutbox;
import io.herald.domain.feedback.FeedbackEvent;
import io.herald.domain.message.MessageId;
import io.herald.domain.profile.UserId;
import io.herald.persistence.support.Db;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Singleton
@Transactional
class JdbcFeedbackOutbox implements FeedbackOutbox {

    private final Db db;

    JdbcFeedbackOutbox(Db db) {
        this.db = db;
    }

    @Override
    public void append(List<FeedbackEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<String> keys = new ArrayList<>();
        List<String> messageIds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> users = new ArrayList<>();
        List<String> properties = new ArrayList<>();
        List<String> times = new ArrayList<>();
        for (FeedbackEvent event : events) {
            keys.add(event.segmentMessageId());
            messageIds.add(event.messageId().value());
            names.add(event.event());
            users.add(event.userId().value());
            properties.add(db.toJson(event.properties()));
            times.add(event.at().toString());
        }
        db.update("""
                INSERT INTO engagement_feedback (segment_message_id, message_id, event, user_id, properties, occurred_at)
                SELECT k, m, e, u, p::jsonb, t::timestamptz
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS f(k, m, e, u, p, t, position)
                ORDER BY position
                ON CONFLICT (segment_message_id) DO NOTHING""", statement -> {
            statement.setArray(1, db.textArray(keys));
            statement.setArray(2, db.textArray(messageIds));
            statement.setArray(3, db.textArray(names));
            statement.setArray(4, db.textArray(users));
            statement.setArray(5, db.textArray(properties));
            statement.setArray(6, db.textArray(times));
        });
    }

    @Override
    public List<Pending> due(int limit, Instant now) {
        return db.query("""
                SELECT id, segment_message_id, message_id, event, user_id, properties::text AS properties, occurred_at, attempts
                FROM engagement_feedback WHERE delivered_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
                ORDER BY id LIMIT ?""", statement -> {
            statement.setObject(1, Db.timestamp(now));
            statement.setInt(2, limit);
        }, row -> new Pending(row.getLong("id"), new FeedbackEvent(row.getString("segment_message_id"),
                new MessageId(row.getString("message_id")), row.getString("event"), UserId.of(row.getString("user_id")),
                db.jsonObject(row.getString("properties")), Db.instant(row, "occurred_at")), row.getInt("attempts")));
    }

    @Override
    public void markDelivered(List<Long> ids, Instant at) {
        db.update("UPDATE engagement_feedback SET delivered_at = ?, last_error = NULL WHERE id = ANY (?)", statement -> {
            statement.setObject(1, Db.timestamp(at));
            statement.setArray(2, db.connection().createArrayOf("bigint", ids.toArray()));
        });
    }

    @Override
    public void markFailed(List<Long> ids, String error, Instant nextAttemptAt) {
        db.update("UPDATE engagement_feedback SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ANY (?)",
                statement -> {
                    statement.setString(1, error);
                    statement.setObject(2, Db.timestamp(nextAttemptAt));
                    statement.setArray(3, db.connection().createArrayOf("bigint", ids.toArray()));
                });
    }

    @Override
    public Status status() {
        return db.queryOne("""
                SELECT count(*) AS pending, count(*) FILTER (WHERE attempts > 0) AS failing,
                       coalesce(extract(epoch FROM now() - min(recorded_at)) * 1000, 0)::bigint AS lag_millis
                FROM engagement_feedback WHERE delivered_at IS NULL""", statement -> { },
                row -> new Status(row.getLong("pending"), row.getLong("failing"), Duration.ofMillis(row.getLong("lag_millis"))))
                .orElseThrow();
    }
}
