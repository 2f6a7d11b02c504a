#!/usr/bin/env bash
# Inbox streams at scale (DESIGN §13): STREAMS users each with an open event stream on one instance, then SENDS inbox
# messages at RATE per second to random ones of them; reports the JVM's RSS before the streams, with them all open, and
# at its peak, and the time from a send (POST /send) to the message event on the user's stream (p50, p99, max).
# Needs a built jar (./mvnw -q -B package -DskipTests). Usage: bench/streams.sh [streams] [sends] [rate] [heap]
set -euo pipefail
streams=${1:-2000}
sends=${2:-1000}
rate=${3:-50}
heap=${4:-256m}
root=$(cd "$(dirname "$0")/.." && pwd)
jar=$root/bootstrap/target/herald.jar
port=18097
work=$(mktemp -d)
. "$(dirname "$0")/lib.sh"
trap 'stop_herald; [ -n "${client:-}" ] && kill "$client" 2>/dev/null; rm -rf "$work"' EXIT

start_herald "$work" "$port" HERALD_AUTH_API_KEYS=bench JAVA_TOOL_OPTIONS="-Xmx$heap"
before=$(rss_mb "$herald_pid")
echo "machine: $(nproc) cores; heap -Xmx$heap; JVM RSS before the streams: $before MB"
(peak=0; while kill -0 "$herald_pid" 2>/dev/null; do r=$(rss_mb "$herald_pid"); [ "$r" -gt "$peak" ] && peak=$r && echo "$peak" >"$work/peak"; sleep 0.5; done) &
sampler=$!
java "$root/bench/InboxStreams.java" "http://localhost:$port" bench "$streams" "$sends" "$rate" >"$work/client.log" 2>&1 &
client=$!
until grep -q READY "$work/client.log" 2>/dev/null; do kill -0 "$client" 2>/dev/null || { cat "$work/client.log"; exit 1; }; sleep 0.2; done
sleep 1
echo "JVM RSS with $streams streams open: $(rss_mb "$herald_pid") MB; threads: $(ls /proc/$herald_pid/task | wc -l)"
wait "$client"; client=
kill "$sampler" 2>/dev/null || true
grep -v READY "$work/client.log"
echo "peak JVM RSS: $(cat "$work/peak") MB"
