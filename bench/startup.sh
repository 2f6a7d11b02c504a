#!/usr/bin/env bash
# Measures Herald's start-up time (process start -> /health answers 200) and resident memory after start,
# for a first start (empty data directory: initdb included) and for warm restarts.
# Usage: bench/startup.sh [runs]   (build first: ./mvnw -q -B package -DskipTests)
set -euo pipefail
runs=${1:-5}
jar=$(cd "$(dirname "$0")/.." && pwd)/bootstrap/target/herald.jar
[ -f "$jar" ] || { echo "missing $jar: build it first" >&2; exit 1; }
port=18089
work=$(mktemp -d)
trap 'pkill -f "herald.jar" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }

start_and_measure() {
  local label=$1 t0 t1 pid java_rss pg_rss
  t0=$(now_ms)
  (cd "$work" && MICRONAUT_SERVER_PORT=$port HERALD_AUTH_API_KEYS=bench exec java -jar "$jar" >>"$work/herald.log" 2>&1) &
  pid=$!
  until curl -sf "http://localhost:$port/health" >/dev/null 2>&1; do sleep 0.02; done
  t1=$(now_ms)
  sleep 2 # let start-up work settle before reading memory
  java_pid=$(pgrep -f "java -jar $jar" | head -1)
  java_rss=$(ps -o rss= -p "$java_pid" | tr -d ' ')
  pg_rss=$(ps -eo rss=,args= | awk '/\/bin\/postgres/ {s+=$1} END {print s+0}')
  printf '%-12s start-to-healthy %5d ms   JVM RSS %4d MB   embedded PostgreSQL RSS (all processes) %4d MB\n' \
    "$label" $((t1 - t0)) $((java_rss / 1024)) $((pg_rss / 1024))
  kill "$java_pid"
  wait "$pid" 2>/dev/null || true
}

echo "java: $(java -version 2>&1 | head -1); cores: $(nproc); jar: $(du -h "$jar" | cut -f1)"
start_and_measure "first start"
for i in $(seq 1 "$runs"); do
  start_and_measure "restart $i"
done
