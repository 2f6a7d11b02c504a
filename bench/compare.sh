#!/usr/bin/env bash
# Herald against PostgreSQL itself: each Herald figure and a pgbench baseline doing the same database work, back
# to back on the same embedded PostgreSQL (the one the jar starts), round after round; prints every figure, and
# at the end the median of the rounds with the ratio and the target of the performance issue.
# Needs: a built jar (./mvnw -q -B package -DskipTests), wrk, pgbench and psql (apt-get install wrk
# postgresql-client). Usage: bench/compare.sh [seconds-per-run] [rounds]   (default 20 s, 3 rounds; 0 rounds: only
# the acknowledgement-alone figures). PARTS=send measures only the send figures (and start-up), PARTS=events only
# the event figures; both by default.
# Stops only what it started: the Herald it started (by PID), which stops its embedded PostgreSQL.
set -euo pipefail
secs=${1:-20}
rounds=${2:-3}
parts=${PARTS:-events,send}
want() { [[ ",$parts," == *",$1,"* ]]; }
root=$(cd "$(dirname "$0")/.." && pwd)
jar=${HERALD_JAR:-$root/bootstrap/target/herald.jar}   # HERALD_JAR=... measures another build
port=18093
export HERALD_KEY=bench
work=$(mktemp -d)
. "$(dirname "$0")/lib.sh"
# PostgreSQL refuses to run as root; the embedded one runs under unshare -U then, and so does it alone here.
as_postgres=(); [ "$(id -u)" = 0 ] && as_postgres=(unshare -U)
trap 'stop_herald; rm -rf "$work"' EXIT
for tool in wrk pgbench psql; do command -v $tool >/dev/null || { echo "missing $tool (apt-get install wrk postgresql-client)"; exit 1; }; done
[ -f "$jar" ] || { echo "missing $jar: build it first" >&2; exit 1; }

results=$work/results
: >"$results"
record() { echo "$1|$2" >>"$results"; echo "  $1: $2"; }   # figure, value

boot() { # starts Herald on the work directory; sets boot_ms (to healthy) and pgport (in this shell, not a subshell)
  local t0 t1
  t0=$(date +%s%3N)
  start_herald "$work" "$port" HERALD_AUTH_API_KEYS=bench
  t1=$(date +%s%3N)
  boot_ms=$((t1 - t0))
  pgport=$(grep -o 'Embedded PostgreSQL started on port [0-9]*' "$work/herald.log" | tail -1 | grep -o '[0-9]*$')
}
sql() { psql -qtA -h localhost -p "$pgport" -U postgres -c "$1" postgres; }
pgb() { pgbench -h localhost -p "$pgport" -U postgres -n "$@" postgres 2>&1; }
tps() { awk '/^tps/ {printf "%.0f", $3}'; }
received() { sql "SELECT count(*) FROM inbound_events WHERE status = 'RECEIVED'"; }
unsent() { sql "SELECT count(*) FROM messages WHERE status IN ('ENQUEUED', 'ROUTED')"; }
wait_for() { while [ "$($1)" != "0" ]; do sleep 0.2; done; }
# RSS under load, sampled each second until stop_rss_sampler: not while Herald stops, because the first run of a jar
# writes its class archive as it exits (bin/herald), which takes a few hundred MB for a moment.
rss_sampler() { (while kill -0 "$herald_pid" 2>/dev/null; do rss_mb "$herald_pid"; sleep 1; done) >>"$work/rss" 2>/dev/null & sampler_pid=$!; }
stop_rss_sampler() { kill "$sampler_pid" 2>/dev/null || true; wait "$sampler_pid" 2>/dev/null || true; }
wrk_rate() { # threads connections script events-per-request -> events/s
  wrk -t"$1" -c"$2" -d"${secs}s" -s "$root/bench/$3" "http://localhost:$port" | awk -v n="$4" '/Requests\/sec/ {printf "%.0f", $2 * n}'
}
# p99 of pgbench's per-transaction log, measured from each transaction's scheduled start (latency + schedule lag),
# as OpenLoop measures Herald from each request's due time.
pgb_p99() { cat "$work"/pglog* | awk '{print ($3 + ($7 == "" ? 0 : $7)) / 1000}' | sort -n | awk '{a[NR] = $1} END {i = int(NR * 0.99); if (i < 1) i = 1; printf "%.1f", a[i]}'; rm -f "$work"/pglog*; }
open_loop_p99() { awk '/latency from due time/ {for (i = 1; i <= NF; i++) if ($i == "p99") print $(i + 1)}'; }

# Where the embedded PostgreSQL's own binaries are, for starting it alone on Herald's data.
pg_bin() {
  local postmaster
  postmaster=$(head -1 "$work/.herald/postgres/postmaster.pid")
  dirname "$(readlink "/proc/$postmaster/exe")"
}

setup_baselines() {
  sql "CREATE TABLE IF NOT EXISTS bench_events (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, message_id TEXT NOT NULL UNIQUE,
         user_id TEXT, payload JSONB NOT NULL, status TEXT NOT NULL DEFAULT 'RECEIVED', received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
         processed_at TIMESTAMPTZ)" >/dev/null
  sql "CREATE INDEX IF NOT EXISTS bench_events_pending ON bench_events (id) WHERE status = 'RECEIVED'" >/dev/null
  sql "CREATE TABLE IF NOT EXISTS bench_profiles (user_id TEXT PRIMARY KEY, profile JSONB NOT NULL, last_active_at TIMESTAMPTZ)" >/dev/null
  sql "CREATE TABLE IF NOT EXISTS bench_messages (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, recipient TEXT NOT NULL,
         spec JSONB NOT NULL, status TEXT NOT NULL, enqueued_at TIMESTAMPTZ NOT NULL DEFAULT now(), sent_at TIMESTAMPTZ)" >/dev/null
  local event
  # The event of bench/track.lua, as Herald stores it.
  event='{"type":"track","userId":"user-1","event":"Bench Event","properties":{"plan":"pro","amount":42,"currency":"GBP","items":["seat","sso"],"coupon":"WINTER24","trial":false},"context":{"library":{"name":"analytics.js","version":"4.1.0"},"ip":"203.0.113.42","locale":"en-GB","timezone":"Europe/London","userAgent":"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36","page":{"path":"/pricing","referrer":"https://www.example.com/blog/notifications","search":"?utm_source=newsletter","title":"Pricing - Example","url":"https://app.example.com/pricing?utm_source=newsletter"},"campaign":{"name":"winter-launch","source":"newsletter","medium":"email","content":"hero-button"},"screen":{"width":1512,"height":982,"density":2}}}'
  # One acknowledged event: the row Herald writes for it (about 1 KB of JSON).
  cat >"$work/one-row.sql" <<SQL
INSERT INTO bench_events (message_id, user_id, payload) VALUES (md5(random()::text || clock_timestamp()::text), 'user-' || (random() * 1000)::int, '$event');
SQL
  # A batch of 100 such events in one statement.
  cat >"$work/hundred-rows.sql" <<SQL
INSERT INTO bench_events (message_id, user_id, payload) SELECT md5(random()::text || clock_timestamp()::text), 'user-' || (random() * 1000)::int, '$event' FROM generate_series(1, 100);
SQL
  # Processing: 500 pending events marked and their users' profiles upserted, in one transaction.
  cat >"$work/drain.sql" <<'SQL'
BEGIN;
WITH chunk AS (SELECT id, user_id FROM bench_events WHERE status = 'RECEIVED' ORDER BY id LIMIT 500 FOR UPDATE SKIP LOCKED),
     marked AS (UPDATE bench_events e SET status = 'PROCESSED', processed_at = now() FROM chunk WHERE e.id = chunk.id RETURNING chunk.user_id)
INSERT INTO bench_profiles (user_id, profile, last_active_at) SELECT DISTINCT user_id, '{"plan": "pro"}'::jsonb, now() FROM marked
ON CONFLICT (user_id) DO UPDATE SET profile = bench_profiles.profile || excluded.profile, last_active_at = excluded.last_active_at;
COMMIT;
SQL
  # One event's whole way: acknowledged (a commit), then processed (marked, profile upserted: a second commit).
  cat >"$work/event-lifecycle.sql" <<SQL
INSERT INTO bench_events (message_id, user_id, payload) VALUES (md5(random()::text || clock_timestamp()::text), 'user-' || (random() * 1000)::int, '$event') RETURNING id, substr(user_id, 6)::int AS u \gset
BEGIN;
UPDATE bench_events SET status = 'PROCESSED', processed_at = now() WHERE id = :id;
INSERT INTO bench_profiles (user_id, profile, last_active_at) VALUES ('user-' || :u, '{"plan": "pro"}', now())
ON CONFLICT (user_id) DO UPDATE SET profile = bench_profiles.profile || excluded.profile, last_active_at = excluded.last_active_at;
COMMIT;
SQL
  # One message's whole way: enqueued (a commit), then marked SENT (a second commit).
  cat >"$work/send.sql" <<'SQL'
INSERT INTO bench_messages (recipient, spec, status) VALUES ('user-' || (random() * 1000)::int || '@example.org', '{"content": {"title": "Hello {{name}}", "body": "Your code is {{code}}"}, "data": {"name": "bench"}}', 'ENQUEUED') RETURNING id \gset
UPDATE bench_messages SET status = 'SENT', sent_at = now() WHERE id = :id;
SQL
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; $(java -version 2>&1 | head -1); jar $(du -h "$jar" | cut -f1)"
boot
echo "embedded PostgreSQL $(sql 'show server_version'): fsync=$(sql 'show fsync'), synchronous_commit=$(sql 'show synchronous_commit'), shared_buffers=$(sql 'show shared_buffers')"
setup_baselines
warm_up() { # the JIT compiles the hot paths; nothing here is counted
  if want events; then
    wrk -t2 -c64 -d20s -s "$root/bench/track.lua" "http://localhost:$port" >/dev/null
    BATCH_SIZE=100 wrk -t2 -c16 -d10s -s "$root/bench/batch.lua" "http://localhost:$port" >/dev/null
  fi
  wrk -t2 -c64 -d15s -s "$root/bench/send.lua" "http://localhost:$port" >/dev/null
  if want events; then java "$root/bench/OpenLoop.java" "http://localhost:$port" mixed bench 2000 10 0 >/dev/null; fi
  wait_for received; wait_for unsent
}
# Before each latency figure, Herald's and pgbench's alike: the dead rows and dirty pages the previous figures left
# are vacuumed and written out now, so that autovacuum and a checkpoint do not land inside the measured window.
settle() { sql "VACUUM ANALYZE" >/dev/null; sql "CHECKPOINT" >/dev/null; }
echo "JIT warm-up (not counted)"
warm_up

for round in $(seq 1 "$rounds"); do
  echo "round $round"
  rss_sampler
  if want events; then
    record "single events /v1/track, events/s" "$(wrk_rate 2 64 track.lua 1)"
    wait_for received
    best=0
    for c in 8 16; do
      t=$(pgb -f "$work/one-row.sql" -c $c -j 2 -T "$secs" | tps); [ "$t" -gt "$best" ] && best=$t
    done
    record "pgbench one-row insert (best of -c 8/16), tps" "$best"

    record "batches of 100 /v1/batch, events/s" "$(BATCH_SIZE=100 wrk_rate 2 16 batch.lua 100)"
    b0=$(received); t0=$(date +%s.%N); p0=$(sql "SELECT count(*) FROM inbound_events WHERE status <> 'RECEIVED'")
    wait_for received
    t1=$(date +%s.%N); p1=$(sql "SELECT count(*) FROM inbound_events WHERE status <> 'RECEIVED'")
    record "backlog left by the batches, events" "$b0"
    record "processing drain after the batches, events/s" "$(awk -v n=$((p1 - p0)) -v d="$(echo "$t1 - $t0" | bc)" 'BEGIN {printf "%.0f", n / d}')"
    record "pgbench 100-row insert, rows/s" "$(( $(pgb -f "$work/hundred-rows.sql" -c 8 -j 2 -T "$secs" | tps) * 100 ))"
    # Pending rows for the drain baseline: as many as the best drain could take in the run.
    sql "INSERT INTO bench_events (message_id, user_id, payload) SELECT md5(random()::text || g), 'user-' || (random() * 1000)::int, payload
         FROM generate_series(1, 300000) g, (SELECT payload FROM bench_events LIMIT 1) p" >/dev/null
    sql "VACUUM ANALYZE bench_events" >/dev/null
    record "pgbench drain: 500 rows marked + profiles upserted per transaction (-c 2), rows/s" \
      "$(( $(pgb -f "$work/drain.sql" -c 2 -j 2 -t 250 | tps) * 500 ))"
    sql "DELETE FROM bench_events WHERE status = 'RECEIVED'" >/dev/null

    # Processing lag at a sustained mixed rate: identify and track in turn, open loop; lag = processed - received.
    for rate in 2000; do
      settle
      start=$(sql "SELECT now()")
      ack=$(java "$root/bench/OpenLoop.java" "http://localhost:$port" mixed bench $rate "$secs" 5 | open_loop_p99)
      backlog=$(received)
      wait_for received
      record "mixed identify/track at $rate/s: acknowledgement p99, ms" "$ack"
      record "mixed identify/track at $rate/s: backlog at the end of the load, events" "$backlog"
      record "mixed identify/track at $rate/s: processing lag p99, ms" "$(sql "SELECT round(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM processed_at - received_at) * 1000)::numeric, 1)
        FROM inbound_events WHERE received_at > '$start'::timestamptz + interval '5 seconds'")"
      settle
      pgb -f "$work/event-lifecycle.sql" -c 16 -j 2 -R $rate -T "$secs" -l --log-prefix="$work/pglog" >/dev/null
      record "pgbench event acknowledged then processed (2 commits) at -R $rate: p99, ms" "$(pgb_p99)"
    done
    settle
    record "single events at 1000/s: acknowledgement p99, ms" "$(java "$root/bench/OpenLoop.java" "http://localhost:$port" /v1/track bench 1000 "$secs" 5 | open_loop_p99)"
    wait_for received
  fi

  if want send; then
    # Sending: POST /send until every message is SENT (console provider).
    before=$(sql "SELECT count(*) FROM messages WHERE status = 'SENT'"); t0=$(date +%s.%N)
    wrk -t2 -c64 -d"${secs}s" -s "$root/bench/send.lua" "http://localhost:$port" >/dev/null
    wait_for unsent
    t1=$(date +%s.%N); after=$(sql "SELECT count(*) FROM messages WHERE status = 'SENT'")
    record "/send until SENT (console, 64 connections), messages/s" "$(awk -v n=$((after - before)) -v d="$(echo "$t1 - $t0" | bc)" 'BEGIN {printf "%.0f", n / d}')"
    record "pgbench insert then mark SENT (2 commits, -c 16), tps" "$(pgb -f "$work/send.sql" -c 16 -j 2 -T "$secs" | tps)"
    for rate in 200 1000; do
      settle
      start=$(sql "SELECT now()")
      java "$root/bench/OpenLoop.java" "http://localhost:$port" /send bench $rate "$secs" 5 >/dev/null
      wait_for unsent
      record "enqueue to SENT at $rate msg/s: p99, ms" "$(sql "SELECT round(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM (milestones->>'SENT')::timestamptz - enqueued_at) * 1000)::numeric, 1)
        FROM messages WHERE enqueued_at > '$start'::timestamptz + interval '5 seconds'")"
      settle
      pgb -f "$work/send.sql" -c 16 -j 2 -R $rate -T "$secs" -l --log-prefix="$work/pglog" >/dev/null
      record "pgbench insert then mark SENT at -R $rate: p99, ms" "$(pgb_p99)"
    done
  fi
  stop_rss_sampler
  record "peak RSS so far, MB" "$(sort -n "$work/rss" | tail -1)"

  # Warm start: PostgreSQL alone on Herald's data, then Herald to healthy on the same data (and warmed up again).
  bin=$(pg_bin)
  stop_herald
  t0=$(date +%s%3N)
  "${as_postgres[@]}" "$bin/pg_ctl" -D "$work/.herald/postgres" -o "-p $pgport" -w -s start -l "$work/pg-alone.log" >/dev/null
  t1=$(date +%s%3N)
  "${as_postgres[@]}" "$bin/pg_ctl" -D "$work/.herald/postgres" -w -s stop -m fast >/dev/null
  record "PostgreSQL alone, start on the same data, ms" "$((t1 - t0))"
  boot
  record "warm start to healthy, ms" "$boot_ms"
  sleep 2
  record "RSS after start, MB" "$(rss_mb "$herald_pid")"
  if [ "$round" -lt "$rounds" ]; then warm_up; fi
done

# Acknowledgement alone, once: Herald with durable work off (nothing processes the events, as nothing processes
# pgbench's rows), single events and batches, each followed by its pgbench baseline.
if want events; then
stop_herald
start_herald "$work" "$port" HERALD_AUTH_API_KEYS=bench HERALD_SCHEDULER_ENABLED=false
pgport=$(grep -o 'Embedded PostgreSQL started on port [0-9]*' "$work/herald.log" | tail -1 | grep -o '[0-9]*$')
echo "acknowledgement alone (durable work off), once"
wrk -t2 -c64 -d10s -s "$root/bench/track.lua" "http://localhost:$port" >/dev/null
record "ack-only single events /v1/track, events/s" "$(wrk_rate 2 64 track.lua 1)"
best=0
for c in 8 16; do
  t=$(pgb -f "$work/one-row.sql" -c $c -j 2 -T "$secs" | tps); [ "$t" -gt "$best" ] && best=$t
done
record "ack-only pgbench one-row insert (best of -c 8/16), tps" "$best"
record "ack-only batches of 100 /v1/batch, events/s" "$(BATCH_SIZE=100 wrk_rate 2 16 batch.lua 100)"
record "ack-only pgbench 100-row insert, rows/s" "$(( $(pgb -f "$work/hundred-rows.sql" -c 8 -j 2 -T "$secs" | tps) * 100 ))"
fi

echo
echo "median of $rounds rounds (Herald | pgbench | ratio | target):"
median() { awk -F'|' -v k="$1" 'index($1, k) == 1 {print $2}' "$results" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
row() { # label herald-figure baseline-figure kind(throughput|latency) target
  local h b
  h=$(median "$2"); b=$(median "$3")
  if [ -z "$h" ] || [ -z "$b" ] || [ "$b" = 0 ]; then return 0; fi   # a figure this run did not take
  awk -v l="$1" -v h="$h" -v b="$b" -v k="$4" -v t="$5" 'BEGIN {
    r = h / b
    printf "  %-46s %10s | %10s | %6.2f%s | %s\n", l, h, b, r, (k == "throughput" ? "" : "x"), t }'
}
row "single events /v1/track" "single events /v1/track, events/s" "pgbench one-row insert (best of -c 8/16), tps" throughput ">= 0.9"
row "batches of 100 /v1/batch" "batches of 100 /v1/batch, events/s" "pgbench 100-row insert, rows/s" throughput ">= 0.7"
row "processing drain" "processing drain after the batches" "pgbench drain: 500 rows marked" throughput ">= 0.7"
row "processing lag p99 at 2,000/s (ms)" "mixed identify/track at 2000/s: processing lag p99, ms" "pgbench event acknowledged then processed (2 commits) at -R 2000: p99, ms" latency "< 100 ms"
row "/send until SENT" "/send until SENT (console, 64 connections), messages/s" "pgbench insert then mark SENT (2 commits, -c 16), tps" throughput ">= 0.8"
row "enqueue -> SENT p99 at 200 msg/s (ms)" "enqueue to SENT at 200 msg/s: p99, ms" "pgbench insert then mark SENT at -R 200: p99, ms" latency "< 8 ms"
row "enqueue -> SENT p99 at 1,000 msg/s (ms)" "enqueue to SENT at 1000 msg/s: p99, ms" "pgbench insert then mark SENT at -R 1000: p99, ms" latency "< 12 ms"
row "warm start to healthy (ms)" "warm start to healthy, ms" "PostgreSQL alone, start on the same data, ms" latency "< 2000 ms"
row "acknowledgement alone: single events" "ack-only single events" "ack-only pgbench one-row" throughput "(no target: context)"
row "acknowledgement alone: batches of 100" "ack-only batches of 100" "ack-only pgbench 100-row" throughput "(no target: context)"
echo "  backlog at the end of 2,000/s: $(median "mixed identify/track at 2000/s: backlog") events; acknowledgement p99 at 2,000/s mixed: $(median "mixed identify/track at 2000/s: acknowledgement") ms, at 1,000/s single: $(median "single events at 1000/s") ms (target < 10 ms)"
echo "  RSS after start $(median "RSS after start") MB, peak under load $(sort -n "$work/rss" | tail -1) MB (target < 400 MB)"
