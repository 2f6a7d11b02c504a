#!/usr/bin/env bash
# EXPLAIN (ANALYZE, BUFFERS) of a drain turn's two statements on a fresh backlog that PostgreSQL has no statistics
# for (the case ADR 0013 is about): an instance that runs no durable work acknowledges batches of track events, then
# the lanes query and the events query of one turn of 4 lanes are explained as the drain sends them. Needs: a built
# jar, wrk and psql. Usage: bench/explain-drain.sh [seconds-of-acknowledgements]. Stops only what it started.
set -euo pipefail
secs=${1:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
jar=${HERALD_JAR:-$root/bootstrap/target/herald.jar}
port=18089
export HERALD_KEY=bench
work=$(mktemp -d)
. "$(dirname "$0")/lib.sh"
trap 'stop_herald; rm -rf "$work"' EXIT
start_herald "$work" "$port" HERALD_AUTH_API_KEYS=bench HERALD_SCHEDULER_ENABLED=false
pgport=$(grep -o 'Embedded PostgreSQL started on port [0-9]*' "$work/herald.log" | tail -1 | grep -o '[0-9]*$')
BATCH_SIZE=100 wrk -t2 -c16 -d"${secs}s" -s "$root/bench/batch.lua" "http://localhost:$port" >/dev/null
psql -qtA -h localhost -p "$pgport" -U postgres postgres -c "SELECT 'pending events: ' || count(*) FROM inbound_events WHERE status = 'RECEIVED'" \
  -c "SELECT 'analyzed: ' || coalesce(last_analyze::text, last_autoanalyze::text, 'never') FROM pg_stat_user_tables WHERE relname = 'inbound_events'"
psql -q -h localhost -p "$pgport" -U postgres postgres <<'SQL'
BEGIN;
\echo '-- the lanes a turn takes (4, from lane 0 on)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH RECURSIVE lanes(lane) AS (
    (SELECT lane FROM inbound_events WHERE status = 'RECEIVED' AND (next_attempt_at IS NULL OR next_attempt_at <= now())
     ORDER BY lane LIMIT 1)
    UNION ALL
    SELECT (SELECT e.lane FROM inbound_events e WHERE e.status = 'RECEIVED' AND e.lane > lanes.lane
            AND (e.next_attempt_at IS NULL OR e.next_attempt_at <= now()) ORDER BY e.lane LIMIT 1)
    FROM lanes WHERE lanes.lane IS NOT NULL),
due AS MATERIALIZED (SELECT lane FROM lanes WHERE lane IS NOT NULL)
SELECT lane, (SELECT count(*) FROM due) AS due
FROM (SELECT lane FROM due ORDER BY (lane - 0 + 1600) % 16 OFFSET 0) rotated
WHERE pg_try_advisory_xact_lock_shared(1) AND pg_try_advisory_xact_lock(2, lane)
LIMIT 4;
\echo '-- their oldest events: 125 from each of the 4 lanes, 500 in all'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH RECURSIVE walk(lane, id, n) AS (
    SELECT turn.lane, (SELECT e.id FROM inbound_events e WHERE e.status = 'RECEIVED' AND e.lane = turn.lane
                       AND (e.next_attempt_at IS NULL OR e.next_attempt_at <= now()) ORDER BY e.id LIMIT 1), 1
    FROM unnest('{0,1,2,3}'::smallint[]) AS turn(lane)
    UNION ALL
    SELECT walk.lane, (SELECT e.id FROM inbound_events e WHERE e.status = 'RECEIVED' AND e.lane = walk.lane
                       AND e.id > walk.id AND (e.next_attempt_at IS NULL OR e.next_attempt_at <= now())
                       ORDER BY e.id LIMIT 1), walk.n + 1
    FROM walk WHERE walk.id IS NOT NULL AND walk.n < 125),
taken AS MATERIALIZED (SELECT lane, id, n FROM walk WHERE id IS NOT NULL)
SELECT id, message_id, payload::text AS payload, (SELECT coalesce(bool_or(n >= 125), false) FROM taken) AS lane_filled
FROM inbound_events WHERE id = ANY (ARRAY(SELECT id FROM taken))
ORDER BY id LIMIT 500 FOR UPDATE;
ROLLBACK;
SQL
