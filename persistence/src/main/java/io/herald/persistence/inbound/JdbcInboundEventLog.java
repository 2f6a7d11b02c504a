package io.herald.persistence.inbound;

import io.herald.application.port.Page;
import io.herald.application.port.in.RedriveUseCase;
import io.herald.application.port.out.InboundEventLog;
import io.herald.domain.inbound.InboundEventStatus;
import io.herald.persistence.support.Conditions;
import io.herald.persistence.support.Db;
import io.herald.persistence.support.KeysetPage;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Singleton
@Transactional
class JdbcInboundEventLog implements InboundEventLog {

    private static final String COLUMNS = "id, message_id, source, type, name, user_id, payload::text AS payload, status, "
            + "received_at, processed_at, message_ids, automation_run_ids, error, attempts";
    /**
     * The key of the advisory lock with which Herald versions before lanes gave one transaction at a time the turn
     * to process inbound events. Lane turns take it shared, so during a rolling upgrade an older instance's
     * turn (exclusive) and newer instances' lane turns exclude each other, and each user's events stay in order.
     */
    private static final long SINGLE_TURN_LOCK = 0x4865_7261_6c64_0001L;
    /** The first key of the advisory locks of lane turns (the second is the lane). */
    private static final int LANE_LOCK_CLASS = 0x4865_726c;

    private final Db db;

    JdbcInboundEventLog(Db db) {
        this.db = db;
    }

    /**
     * One statement for the whole batch: rows travel as parallel arrays, and {@code ON CONFLICT DO NOTHING}
     * drops the messageIds already stored (or repeated within the batch).
     */
    @Override
    public List<Long> appendNew(List<NewInboundEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<String> messageIds = new ArrayList<>(events.size());
        List<String> sources = new ArrayList<>(events.size());
        List<String> types = new ArrayList<>(events.size());
        List<String> names = new ArrayList<>(events.size());
        List<String> userIds = new ArrayList<>(events.size());
        List<String> payloads = new ArrayList<>(events.size());
        List<String> receivedAt = new ArrayList<>(events.size());
        for (NewInboundEvent event : events) {
            messageIds.add(event.messageId());
            sources.add(event.source());
            types.add(event.type());
            names.add(event.name());
            userIds.add(event.userId());
            payloads.add(db.toJson(event.payload()));
            receivedAt.add(event.receivedAt().toString());
        }
        Map<String, Long> idByMessageId = new HashMap<>();
        db.query("""
                INSERT INTO inbound_events (message_id, source, type, name, user_id, payload, received_at)
                SELECT m, s, t, n, u, p::jsonb, r::timestamptz
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    WITH ORDINALITY AS e(m, s, t, n, u, p, r, position)
                ORDER BY position
                ON CONFLICT (message_id) DO NOTHING
                RETURNING id, message_id""", statement -> {
            statement.setArray(1, db.textArray(messageIds));
            statement.setArray(2, db.textArray(sources));
            statement.setArray(3, db.textArray(types));
            statement.setArray(4, db.textArray(names));
            statement.setArray(5, db.textArray(userIds));
            statement.setArray(6, db.textArray(payloads));
            statement.setArray(7, db.textArray(receivedAt));
        }, row -> idByMessageId.put(row.getString("message_id"), row.getLong("id")));
        List<Long> appended = new ArrayList<>(idByMessageId.size());
        for (String messageId : messageIds) {
            Long id = idByMessageId.remove(messageId);
            if (id != null) {
                appended.add(id);
            }
        }
        return appended;
    }

    // A lock outside a transaction would be released as soon as it is taken: fail instead.
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    @Override
    public LaneTurn takeDueLanes(int max, int startingAt, Instant now) {
        // One round trip. The lanes with due events come from a loose index scan (one probe per lane, however long
        // the backlog); they are tried in rotation order, the lock being a filter that PostgreSQL evaluates row by
        // row as LIMIT pulls, so at most {@code max} lanes are locked. OFFSET 0 keeps the planner from pushing
        // that filter below the ordering, where it would lock every lane with work.
        List<int[]> rows = db.query("""
                WITH RECURSIVE lanes(lane) AS (
                    (SELECT lane FROM inbound_events WHERE status = 'RECEIVED' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
                     ORDER BY lane LIMIT 1)
                    UNION ALL
                    SELECT (SELECT e.lane FROM inbound_events e WHERE e.status = 'RECEIVED' AND e.lane > lanes.lane
                            AND (e.next_attempt_at IS NULL OR e.next_attempt_at <= ?) ORDER BY e.lane LIMIT 1)
                    FROM lanes WHERE lanes.lane IS NOT NULL),
                due AS MATERIALIZED (SELECT lane FROM lanes WHERE lane IS NOT NULL)
                SELECT lane, (SELECT count(*) FROM due) AS due
                FROM (SELECT lane FROM due ORDER BY (lane - ? + 1600) % 16 OFFSET 0) rotated
                WHERE pg_try_advisory_xact_lock_shared(?) AND pg_try_advisory_xact_lock(?, lane)
                LIMIT ?""", statement -> {
            statement.setObject(1, Db.timestamp(now));
            statement.setObject(2, Db.timestamp(now));
            statement.setInt(3, Math.floorMod(startingAt, LANES));
            statement.setLong(4, SINGLE_TURN_LOCK);
            statement.setInt(5, LANE_LOCK_CLASS);
            statement.setInt(6, max);
        }, row -> new int[] {row.getInt(1), row.getInt(2)});
        return new LaneTurn(rows.stream().map(row -> row[0]).toList(), rows.isEmpty() ? 0 : rows.get(0)[1]);
    }

    // A lock outside a transaction would be released as soon as it is taken: fail instead.
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    @Override
    public boolean tryTakeLanesOf(List<Long> ids) {
        List<Integer> lanes = db.query("SELECT DISTINCT lane FROM inbound_events WHERE id = ANY (?) ORDER BY lane",
                statement -> statement.setArray(1, db.connection().createArrayOf("bigint", ids.toArray())), row -> row.getInt(1));
        if (!trySharedTurnOfOlderVersions()) {
            return false;
        }
        for (int lane : lanes) {
            if (!tryLock(lane)) {
                return false;
            }
        }
        return true;
    }

    private boolean trySharedTurnOfOlderVersions() {
        return db.queryOne("SELECT pg_try_advisory_xact_lock_shared(?)", statement -> statement.setLong(1, SINGLE_TURN_LOCK),
                row -> row.getBoolean(1)).orElse(false);
    }

    // A lock outside a transaction would be released as soon as it is taken: fail instead.
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    @Override
    public boolean tryTakeLaneOf(String userId) {
        return db.queryOne("SELECT pg_try_advisory_xact_lock(?, herald_inbound_lane(?))", statement -> {
            statement.setInt(1, LANE_LOCK_CLASS);
            statement.setString(2, userId);
        }, row -> row.getBoolean(1)).orElse(false);
    }

    private boolean tryLock(int lane) {
        return db.queryOne("SELECT pg_try_advisory_xact_lock(?, ?)", statement -> {
            statement.setInt(1, LANE_LOCK_CLASS);
            statement.setInt(2, lane);
        }, row -> row.getBoolean(1)).orElse(false);
    }

    // A lock outside a transaction would be released as soon as it is taken: fail instead.
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    @Override
    public Pending lockPending(List<Integer> lanes, int limit, Instant now) {
        if (lanes.isEmpty()) {
            return new Pending(List.of(), false);
        }
        // Each lane's oldest events, found by stepping through inbound_events_pending_by_lane one row at a time (a
        // probe with LIMIT 1 is planned as an index scan whatever the statistics say), then locked by id. Statistics
        // are at their worst for a queue: taken while it was empty, or before a backlog arrived, they promise a few
        // rows per lane, and a plain "lane = ? ORDER BY id LIMIT n" was then read by a bitmap of the whole lane and a
        // sort, or by another index filtering out other lanes: the drain fell to 1-7k events/s. The events are then read
        // by primary key (with "status = 'RECEIVED'" there, the lane index was scanned whole for the ids); the lanes'
        // turns keep them pending meanwhile. Lanes share the limit; one that fills its share may have more.
        int share = Math.max(1, (limit + lanes.size() - 1) / lanes.size());
        boolean[] moreDue = {false};
        List<InboundEventRecord> events = db.query("""
                WITH RECURSIVE walk(lane, id, n) AS (
                    SELECT turn.lane, (SELECT e.id FROM inbound_events e WHERE e.status = 'RECEIVED' AND e.lane = turn.lane
                                       AND (e.next_attempt_at IS NULL OR e.next_attempt_at <= ?) ORDER BY e.id LIMIT 1), 1
                    FROM unnest(?::smallint[]) AS turn(lane)
                    UNION ALL
                    SELECT walk.lane, (SELECT e.id FROM inbound_events e WHERE e.status = 'RECEIVED' AND e.lane = walk.lane
                                       AND e.id > walk.id AND (e.next_attempt_at IS NULL OR e.next_attempt_at <= ?)
                                       ORDER BY e.id LIMIT 1), walk.n + 1
                    FROM walk WHERE walk.id IS NOT NULL AND walk.n < ?),
                taken AS MATERIALIZED (SELECT lane, id, n FROM walk WHERE id IS NOT NULL)
                SELECT %s, (SELECT coalesce(bool_or(n >= ?), false) FROM taken) AS lane_filled
                FROM inbound_events WHERE id = ANY (ARRAY(SELECT id FROM taken))
                ORDER BY id LIMIT ? FOR UPDATE""".formatted(COLUMNS),
                statement -> {
                    statement.setObject(1, Db.timestamp(now));
                    statement.setArray(2, db.connection().createArrayOf("smallint", lanes.toArray()));
                    statement.setObject(3, Db.timestamp(now));
                    statement.setInt(4, share);
                    statement.setInt(5, share);
                    statement.setInt(6, limit);
                }, row -> {
                    moreDue[0] |= row.getBoolean("lane_filled");
                    return record(row);
                });
        return new Pending(events, moreDue[0]);
    }

    // A lock outside a transaction would be released as soon as it is taken: fail instead.
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    @Override
    public List<InboundEventRecord> lockPendingOf(String userId, long beforeId, Instant now) {
        return db.query("SELECT " + COLUMNS + " FROM inbound_events WHERE status = 'RECEIVED' AND lane = herald_inbound_lane(?) "
                        + "AND user_id = ? AND id < ? AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id FOR UPDATE",
                statement -> {
                    statement.setString(1, userId);
                    statement.setString(2, userId);
                    statement.setLong(3, beforeId);
                    statement.setObject(4, Db.timestamp(now));
                }, this::record);
    }

    @Override
    public List<Long> pendingIds(List<Integer> lanes, int limit, Instant now) {
        // Two statements rather than an "any lane" guard, so that each keeps its index under any plan.
        String lane = lanes.isEmpty() ? "" : "AND lane = ANY (?) ";
        return db.query("SELECT id FROM inbound_events WHERE status = 'RECEIVED' " + lane
                        + "AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id LIMIT ?",
                statement -> {
                    int index = 1;
                    if (!lanes.isEmpty()) {
                        statement.setArray(index++, db.connection().createArrayOf("smallint", lanes.toArray()));
                    }
                    statement.setObject(index++, Db.timestamp(now));
                    statement.setInt(index, limit);
                }, row -> row.getLong(1));
    }

    @Override
    public void recordFailedAttempt(long id, String error, Instant nextAttemptAt) {
        db.update("UPDATE inbound_events SET attempts = attempts + 1, error = ?, next_attempt_at = ? WHERE id = ?", statement -> {
            statement.setString(1, error);
            statement.setObject(2, Db.timestamp(nextAttemptAt));
            statement.setLong(3, id);
        });
    }

    @Override
    public int redriveFailed(RedriveUseCase.Window received, Optional<String> type, Instant now, int limit) {
        Conditions failed = new Conditions().and("status = 'FAILED'").and("type = ?", type).within("received_at", received);
        return db.update("""
                UPDATE inbound_events SET status = 'RECEIVED', attempts = 0, error = NULL, processed_at = NULL, next_attempt_at = ?
                WHERE id IN (SELECT id FROM inbound_events%s ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)""".formatted(failed.sql()),
                statement -> {
                    statement.setObject(1, Db.timestamp(now));
                    statement.setInt(failed.bind(statement, 2), limit);
                });
    }

    // A lock outside a transaction would be released as soon as it is taken: fail instead.
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    @Override
    public List<InboundEventRecord> lockUnprocessed(List<Long> ids) {
        return db.query("SELECT " + COLUMNS + " FROM inbound_events WHERE id = ANY (?) AND status = 'RECEIVED' ORDER BY id FOR UPDATE",
                statement -> statement.setArray(1, db.connection().createArrayOf("bigint", ids.toArray())), this::record);
    }

    @Override
    public void recordOutcomes(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>(outcomes.size());
        List<String> statuses = new ArrayList<>(outcomes.size());
        List<String> messageIds = new ArrayList<>(outcomes.size());
        List<String> runIds = new ArrayList<>(outcomes.size());
        List<String> errors = new ArrayList<>(outcomes.size());
        List<String> processedAt = new ArrayList<>(outcomes.size());
        for (Outcome outcome : outcomes) {
            ids.add(outcome.id());
            statuses.add(outcome.status().name());
            messageIds.add(db.toJson(outcome.messageIds()));
            runIds.add(db.toJson(outcome.automationRunIds()));
            errors.add(outcome.error());
            processedAt.add(outcome.processedAt().toString());
        }
        // One statement for the batch; the id arrays travel as JSON because SQL arrays cannot be ragged.
        db.update("""
                UPDATE inbound_events e SET status = o.status, error = o.error, processed_at = o.processed_at::timestamptz,
                    message_ids = ARRAY(SELECT jsonb_array_elements_text(o.message_ids::jsonb)),
                    automation_run_ids = ARRAY(SELECT jsonb_array_elements_text(o.run_ids::jsonb))
                FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    AS o(id, status, message_ids, run_ids, error, processed_at)
                WHERE e.id = o.id""", statement -> {
            statement.setArray(1, db.connection().createArrayOf("bigint", ids.toArray()));
            statement.setArray(2, db.textArray(statuses));
            statement.setArray(3, db.textArray(messageIds));
            statement.setArray(4, db.textArray(runIds));
            statement.setArray(5, db.textArray(errors));
            statement.setArray(6, db.textArray(processedAt));
        });
    }

    @Override
    public Page<InboundEventRecord> list(Optional<InboundEventStatus> status, Optional<String> cursor, int limit) {
        KeysetPage page = KeysetPage.newestFirst("id", cursor.map(Db::longPosition)).filterNamed("status", status);
        List<InboundEventRecord> rows = db.query("SELECT " + COLUMNS + " FROM inbound_events" + page.sql(limit + 1), page::bind, this::record);
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<InboundEventRecord> items = rows.subList(0, limit);
        return new Page<>(items, Db.cursor(Long.toString(items.get(limit - 1).id())));
    }

    /** The walk is the primary key's newest {@code among} rows; the user filter sifts them (ListQueryPlansTest checks the plan). */
    @Override
    public List<InboundEventRecord> recentOf(String userId, int among, int limit) {
        return db.query("SELECT " + COLUMNS + " FROM (SELECT * FROM inbound_events ORDER BY id DESC LIMIT ?) AS walked"
                + " WHERE user_id = ? ORDER BY id DESC LIMIT ?", statement -> {
                    statement.setInt(1, among);
                    statement.setString(2, userId);
                    statement.setInt(3, limit);
                }, this::record);
    }

    @Override
    public Optional<InboundEventRecord> find(long id) {
        return db.queryOne("SELECT " + COLUMNS + " FROM inbound_events WHERE id = ?", statement -> statement.setLong(1, id), this::record);
    }

    private InboundEventRecord record(ResultSet row) throws SQLException {
        return new InboundEventRecord(row.getLong("id"), row.getString("message_id"), row.getString("source"),
                row.getString("type"), row.getString("name"), row.getString("user_id"), db.jsonObject(row.getString("payload")),
                InboundEventStatus.valueOf(row.getString("status")), Db.instant(row, "received_at"),
                Db.instant(row, "processed_at"), Db.texts(row, "message_ids"), Db.texts(row, "automation_run_ids"),
                row.getString("error"), row.getInt("attempts"));
    }
}
