package io.herald.persistence.durable;

import io.herald.application.port.out.DeliveryLooks;
import io.herald.domain.delivery.Backoff;
import io.herald.domain.message.MessageId;
import io.herald.persistence.support.Db;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The delivery queue on its own table, {@code delivery_looks} (ADR 0014). A turn takes due rows together with
 * their messages, skipping any row or message another transaction holds, and deletes the rows in its own
 * transaction: a turn never waits on another, two turns never look at one message at once, and what a turn took
 * is due again if it does not commit.
 */
@Singleton
class JdbcDeliveryLooks implements DeliveryLooks {

    /**
     * Due rows in due order through {@code delivery_looks_due}; the message is locked with its rows, so the
     * pipeline's own lock on it (which waits) never waits on another turn. The rows are deleted by their row
     * addresses, which their lock keeps stable, gathered into an array first. Joined to the delete instead, on their
     * key the join was planned as a probe of the due index per row (the looks of one send share a due time, so each
     * probe read all of them), and on their addresses, with the statistics of an empty queue, as a hash of the whole
     * table (ListQueryPlansTest).
     */
    private static final String TAKE = """
            DELETE FROM delivery_looks WHERE ctid = ANY (ARRAY(
                SELECT l.ctid FROM delivery_looks l JOIN messages m ON m.message_id = l.message_id
                WHERE l.due_at <= ? %s ORDER BY l.due_at LIMIT %d FOR UPDATE OF l, m SKIP LOCKED))
            RETURNING message_id, due_at""";

    private final Db db;

    JdbcDeliveryLooks(Db db) {
        this.db = db;
    }

    /** Stores a look at each message at {@code at}, in the caller's transaction; one already stored stays one. */
    void schedule(List<MessageId> messages, Instant at) {
        db.update("INSERT INTO delivery_looks (message_id, due_at) SELECT unnest(?), ? ON CONFLICT DO NOTHING", statement -> {
            statement.setArray(1, db.textArray(messages.stream().map(MessageId::value).toList()));
            statement.setObject(2, Db.timestamp(at));
        });
    }

    // Taken rows are deleted when the transaction commits; outside one they would be gone before the look is done.
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    @Override
    public Taken takeDue(Instant now, int limit) {
        // The limit is written into the statement: under a generic plan a bound one would be guessed at.
        return taken(db.query(TAKE.formatted("", limit), statement -> statement.setObject(1, Db.timestamp(now)), Look::of));
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    @Override
    public Taken takeDue(MessageId message, Instant now) {
        return taken(db.query(TAKE.formatted("AND l.message_id = ?", 1_000), statement -> {
            statement.setObject(1, Db.timestamp(now));
            statement.setString(2, message.value());
        }, Look::of));
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    @Override
    public int postpone(MessageId message, Instant now, Backoff backoff) {
        int failures = 1 + db.queryOne("""
                        WITH gone AS (DELETE FROM delivery_looks WHERE message_id = ? AND due_at <= ? RETURNING failures)
                        SELECT coalesce(max(failures), 0) FROM gone""",
                statement -> {
                    statement.setString(1, message.value());
                    statement.setObject(2, Db.timestamp(now));
                }, row -> row.getInt(1)).orElse(0);
        db.update("""
                INSERT INTO delivery_looks (message_id, due_at, failures) VALUES (?, ?, ?)
                ON CONFLICT (message_id, due_at) DO UPDATE SET failures = greatest(delivery_looks.failures, excluded.failures)""",
                statement -> {
                    statement.setString(1, message.value());
                    statement.setObject(2, Db.timestamp(now.plus(backoff.delay(failures))));
                    statement.setInt(3, failures);
                });
        return failures;
    }

    private static Taken taken(List<Look> looks) {
        Set<MessageId> messages = new LinkedHashSet<>();
        looks.stream().sorted(Comparator.comparing(Look::dueAt)).forEach(look -> messages.add(look.message()));
        return new Taken(List.copyOf(messages), looks.size());
    }

    private record Look(MessageId message, Instant dueAt) {

        static Look of(ResultSet row) throws SQLException {
            return new Look(new MessageId(row.getString("message_id")), Db.instant(row, "due_at"));
        }
    }
}
