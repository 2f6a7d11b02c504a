#!/usr/bin/env bash
# Measures Herald's start-up time (process start -> /health answers 200) and resident memory after start,
# for a first start (empty data directory: initdb included) and for warm restarts.
# Usage: bench/startup.sh [runs]   (build first: ./mvnw -q -B package -DskipTests)
set -euo pipefail
runs=${1:-5}
jar=${HERALD_JAR:-$(cd "$(dirname "$0")/.." && pwd)/bootstrap/target/herald.jar}   # HERALD_JAR=... measures another build
[ -f "$jar" ] || { echo "missing $jar: build it first" >&2; exit 1; }
port=18089
work=$(mktemp -d)
. "$(dirname "$0")/lib.sh"
trap 'stop_herald; rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }

start_and_measure() {
  local label=$1 t0 t1
  t0=$(now_ms)
  start_herald "$work" "$port" HERALD_AUTH_API_KEYS=bench
  t1=$(now_ms)
  sleep 2 # let start-up work settle before reading memory
  printf '%-12s start-to-healthy %5d ms   JVM RSS %4d MB   its embedded PostgreSQL PSS (all processes) %4d MB\n' \
    "$label" $((t1 - t0)) "$(rss_mb "$herald_pid")" "$(embedded_pg_rss_mb "$work")"
  stop_herald
}

echo "java: $(java -version 2>&1 | head -1); cores: $(nproc); jar: $(du -h "$jar" | cut -f1)"
start_and_measure "first start"
for i in $(seq 1 "$runs"); do
  start_and_measure "restart $i"
done
