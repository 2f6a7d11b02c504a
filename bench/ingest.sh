#!/usr/bin/env bash
# Load benchmark of Segment ingest: single events to /v1/track, batches of 100 to /v1/batch, open-loop
# latency at 1,000 events/s, and pgbench one-row inserts on the same embedded PostgreSQL for comparison.
# Needs: a built jar (./mvnw -q -B package -DskipTests), wrk, pgbench and psql (apt-get install wrk
# postgresql-client). Usage: bench/ingest.sh [seconds-per-run]
set -euo pipefail
secs=${1:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
jar=$root/bootstrap/target/herald.jar
port=18091
export HERALD_KEY=bench
work=$(mktemp -d)
. "$(dirname "$0")/lib.sh"
trap 'stop_herald; rm -rf "$work"' EXIT
for tool in wrk pgbench psql; do command -v $tool >/dev/null || { echo "missing $tool (apt-get install wrk postgresql-client)"; exit 1; }; done

start_herald "$work" "$port" HERALD_AUTH_API_KEYS=bench
pgport=$(grep -o 'Embedded PostgreSQL started on port [0-9]*' "$work/herald.log" | grep -o '[0-9]*$')
sql() { psql -qtA -h localhost -p "$pgport" -U postgres -c "$1" postgres; }
received() { sql "SELECT count(*) FROM inbound_events WHERE status = 'RECEIVED'"; }
processed() { sql "SELECT count(*) FROM inbound_events WHERE status <> 'RECEIVED'"; }
drain() { # prints how long processing needed to catch up, and its rate
  local t0 b0 p0 now
  t0=$(date +%s.%N); b0=$(received); p0=$(processed)
  while [ "$(received)" != "0" ]; do sleep 1; done
  now=$(date +%s.%N)
  awk -v b="$b0" -v t0="$t0" -v t1="$now" -v p0="$p0" -v p1="$(processed)" \
    'BEGIN { d = t1 - t0; printf "backlog at end of load: %d events; drained in %.1f s (%.0f events/s)\n", b, d, (d > 0 ? (p1 - p0) / d : 0) }'
}
wrk_run() { # threads connections script label events-per-request
  local out rps
  out=$(wrk -t"$1" -c"$2" -d"${secs}s" --latency -s "$root/bench/$3" "http://localhost:$port")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  echo "$4: $(echo "$rps * $5" | bc) events/s ($rps requests/s); latency p50 $(echo "$out" | awk '$1=="50%" {print $2}'), p99 $(echo "$out" | awk '$1=="99%" {print $2}'), errors: $(echo "$out" | grep -c 'Non-2xx\|Socket errors' || true)"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; $(java -version 2>&1 | head -1)"
echo "embedded PostgreSQL: fsync=$(sql 'show fsync'), synchronous_commit=$(sql 'show synchronous_commit')"
wrk -t2 -c64 -d15s -s "$root/bench/track.lua" "http://localhost:$port" >/dev/null  # JIT warm-up
drain >/dev/null

wrk_run 2 64 track.lua "single events, /v1/track, 64 connections" 1
drain
BATCH_SIZE=100 wrk_run 2 16 batch.lua "batches of 100, /v1/batch, 16 connections" 100
drain
java "$root/bench/OpenLoop.java" "http://localhost:$port" /v1/track bench 1000 "$secs" 5
drain
echo "Herald JVM RSS after the runs: $(rss_mb "$herald_pid") MB"

sql "CREATE TABLE IF NOT EXISTS pgbench_one_row (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, message_id TEXT UNIQUE, payload JSONB NOT NULL)"
cat > "$work/insert.sql" <<'SQL'
INSERT INTO pgbench_one_row (message_id, payload) VALUES (md5(random()::text || clock_timestamp()::text), '{"type":"track","userId":"user-1","event":"Bench Event","properties":{"plan":"pro","amount":42}}');
SQL
for clients in 1 8 64; do
  echo "pgbench one-row insert transactions, $clients clients: $(pgbench -h localhost -p "$pgport" -U postgres -n -f "$work/insert.sql" -c $clients -j 2 -T "$secs" postgres 2>&1 | awk '/^tps/ {printf "%.0f tps", $3} /latency average/ {printf " (average latency %s ms) ", $4}')"
done
