#!/usr/bin/env bash
# Processing of a backlog by drain threads and by instances (ADR 0013): an instance that runs no durable work
# acknowledges batches for a while, then Herald is started with N drain threads (or two instances on the same
# PostgreSQL, the second pointed at the first one's embedded database) and the processing rate is sampled while the
# backlog lasts. Needs: a built jar, wrk and psql. Usage: bench/drain-scaling.sh [seconds-of-acknowledgements]
# Stops only what it started, by PID.
set -euo pipefail
secs=${1:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
jar=${HERALD_JAR:-$root/bootstrap/target/herald.jar}
port=18095
second_port=18096
export HERALD_KEY=bench
work=$(mktemp -d)
. "$(dirname "$0")/lib.sh"
second_pid=
stop_second() { if [ -n "$second_pid" ] && kill -0 "$second_pid" 2>/dev/null; then kill "$second_pid"; wait "$second_pid" 2>/dev/null || true; fi; second_pid=; }
trap 'stop_second; stop_herald; rm -rf "$work"' EXIT
for tool in wrk psql; do command -v $tool >/dev/null || { echo "missing $tool (apt-get install wrk postgresql-client)"; exit 1; }; done

sql() { psql -qtA -h localhost -p "$pgport" -U postgres -c "$1" postgres; }
pending() { sql "SELECT count(*) FROM inbound_events WHERE status = 'RECEIVED'"; }
processed() { sql "SELECT count(*) FROM inbound_events WHERE status <> 'RECEIVED'"; }

backlog() { # an instance that only acknowledges: a backlog of batches of 100 track events
  start_herald "$work" "$port" HERALD_AUTH_API_KEYS=bench HERALD_SCHEDULER_ENABLED=false
  pgport=$(grep -o 'Embedded PostgreSQL started on port [0-9]*' "$work/herald.log" | tail -1 | grep -o '[0-9]*$')
  BATCH_SIZE=100 wrk -t2 -c16 -d"${secs}s" -s "$root/bench/batch.lua" "http://localhost:$port" >/dev/null
  stop_herald
}

rate() { # processed events/s over 10 s, starting once processing is under way
  local p0 p1 t0 t1
  until [ "$(processed)" -gt "$1" ]; do sleep 0.1; done
  p0=$(processed); t0=$(date +%s.%N)
  sleep 10
  p1=$(processed); t1=$(date +%s.%N)
  [ "$(pending)" -gt 0 ] || echo "  (the backlog ran out within the window: acknowledge for longer)"
  awk -v n=$((p1 - p0)) -v d="$(echo "$t1 - $t0" | bc)" 'BEGIN {printf "%.0f", n / d}'
}

echo "machine: $(nproc) cores; $(java -version 2>&1 | head -1)"
# Warm-up of the data directory and the JIT's view of the work does not carry over between starts: each
# configuration starts cold, alike.
for threads in 1 2 4; do
  backlog
  start_herald "$work" "$port" HERALD_AUTH_API_KEYS=bench HERALD_SCHEDULER_INBOUND_THREADS=$threads
  pgport=$(grep -o 'Embedded PostgreSQL started on port [0-9]*' "$work/herald.log" | tail -1 | grep -o '[0-9]*$')
  echo "one instance, $threads drain thread(s): $(rate 0) events/s ($(pending) still pending)"
  sql "TRUNCATE inbound_events" >/dev/null
  stop_herald
done

backlog
start_herald "$work" "$port" HERALD_AUTH_API_KEYS=bench HERALD_SCHEDULER_INBOUND_THREADS=2
pgport=$(grep -o 'Embedded PostgreSQL started on port [0-9]*' "$work/herald.log" | tail -1 | grep -o '[0-9]*$')
mkdir -p "$work/second"
(cd "$work/second" && exec env MICRONAUT_SERVER_PORT=$second_port HERALD_AUTH_API_KEYS=bench HERALD_SCHEDULER_INBOUND_THREADS=2 \
  DATASOURCES_DEFAULT_URL="jdbc:postgresql://localhost:$pgport/postgres" DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD= \
  java -jar "$jar" >>"$work/second/herald.log" 2>&1) &
second_pid=$!
until curl -sf "http://localhost:$second_port/health" >/dev/null 2>&1; do kill -0 "$second_pid" || { tail -20 "$work/second/herald.log"; exit 1; }; sleep 0.05; done
counted() { curl -s -H "Authorization: Bearer bench" "http://localhost:$1/prometheus" | awk '/^herald_inbound_events_total/ {s += $2} END {printf "%.0f", s}'; }
a0=$(counted $port); b0=$(counted $second_port)
echo "two instances on one PostgreSQL, 2 drain threads each: $(rate "$(processed)") events/s ($(pending) still pending)"
echo "  processed while both ran (10 s window and the moments around it): first instance $(( $(counted $port) - a0 )), second $(( $(counted $second_port) - b0 ))"
