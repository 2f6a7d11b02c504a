#!/usr/bin/env bash
# Load benchmark of the send pipeline: POST /send -> console provider -> SENT, on a fresh embedded PostgreSQL.
# Reports the sustained send rate (with delivery keeping up), enqueue-to-sent latency at 200 messages/s
# (open loop), and the Herald JVM's resident memory during each load.
# Needs: a built jar (./mvnw -q -B package -DskipTests), wrk and psql. Usage: bench/send.sh [seconds-per-run]
set -euo pipefail
secs=${1:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
jar=$root/bootstrap/target/herald.jar
port=18097
export HERALD_KEY=bench
work=$(mktemp -d)
. "$(dirname "$0")/lib.sh"
trap 'stop_herald; rm -rf "$work"' EXIT
for tool in wrk psql; do command -v $tool >/dev/null || { echo "missing $tool (apt-get install wrk postgresql-client)"; exit 1; }; done

start_herald "$work" "$port" HERALD_AUTH_API_KEYS=bench
pgport=$(grep -o 'Embedded PostgreSQL started on port [0-9]*' "$work/herald.log" | grep -o '[0-9]*$')
pid=$herald_pid
sql() { psql -qtA -h localhost -p "$pgport" -U postgres -c "$1" postgres; }
rss() { echo $(( $(ps -o rss= -p "$pid") / 1024 )); }
peak_rss_during() { # runs "$@" while sampling RSS every second; prints the peak after the command's output
  local peak=0 sampler
  (while true; do r=$(rss); echo "$r"; sleep 1; done) >"$work/rss" &
  sampler=$!
  "$@"
  kill "$sampler"
  peak=$(sort -n "$work/rss" | tail -1)
  echo "Herald JVM RSS during this load: peak $peak MB"
}
unsent() { sql "SELECT count(*) FROM messages WHERE status IN ('ENQUEUED', 'ROUTED')"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; $(java -version 2>&1 | head -1)"
echo "Herald JVM RSS after start: $(rss) MB"
wrk -t2 -c64 -d15s -s "$root/bench/send.lua" "http://localhost:$port" >/dev/null   # JIT warm-up
while [ "$(unsent)" != "0" ]; do sleep 1; done

before=$(sql "SELECT count(*) FROM messages WHERE status = 'SENT'")
t0=$(date +%s.%N)
peak_rss_during bash -c "wrk -t2 -c64 -d${secs}s --latency -s '$root/bench/send.lua' 'http://localhost:$port' | grep -E 'Requests/sec|50%|99%' | sed 's/^/  wrk: /'"
backlog=$(unsent)
while [ "$(unsent)" != "0" ]; do sleep 0.2; done
t1=$(date +%s.%N)
after=$(sql "SELECT count(*) FROM messages WHERE status = 'SENT'")
awk -v n=$((after - before)) -v t0="$t0" -v t1="$t1" -v b="$backlog" \
  'BEGIN { printf "sends at 64 connections: %d messages SENT in %.1f s (load plus catching up %d unsent): %.0f messages/s\n", n, t1 - t0, b, n / (t1 - t0) }'

sleep 5
start=$(sql "SELECT now()")
peak_rss_during java "$root/bench/OpenLoop.java" "http://localhost:$port" /send bench 200 "$secs" 5
while [ "$(unsent)" != "0" ]; do sleep 0.2; done
sql "SELECT 'enqueue to SENT at 200 messages/s: ' || count(*) || ' messages, p50 ' || round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1)
       || ' ms, p99 ' || round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::numeric, 1) || ' ms, max ' || round(max(ms)::numeric, 1) || ' ms'
     FROM (SELECT extract(epoch FROM (milestones->>'SENT')::timestamptz - enqueued_at) * 1000 AS ms FROM messages
           WHERE enqueued_at > '$start'::timestamptz + interval '5 seconds') latencies"
