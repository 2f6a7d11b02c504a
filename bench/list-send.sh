#!/usr/bin/env bash
# A send to one list of many subscribers, with the heap bounded: the list is expanded a page at a time, so every
# subscriber gets one message and memory stays flat. Reports the time until every message is SENT and the peak RSS.
# Needs a built jar (./mvnw -q -B package -DskipTests) and psql. Usage: bench/list-send.sh [subscribers] [heap]
set -euo pipefail
subscribers=${1:-100000}
heap=${2:-256m}
root=$(cd "$(dirname "$0")/.." && pwd)
jar=$root/bootstrap/target/herald.jar
port=18099
work=$(mktemp -d)
. "$(dirname "$0")/lib.sh"
trap 'stop_herald; rm -rf "$work"' EXIT
command -v psql >/dev/null || { echo "missing psql (apt-get install postgresql-client)"; exit 1; }

start_herald "$work" "$port" HERALD_AUTH_API_KEYS=bench JAVA_TOOL_OPTIONS="-Xmx$heap"
pgport=$(grep -o 'Embedded PostgreSQL started on port [0-9]*' "$work/herald.log" | grep -o '[0-9]*$')
sql() { psql -qtA -h localhost -p "$pgport" -U postgres -c "$1" postgres; }
auth=(-H "Authorization: Bearer bench" -H "Content-Type: application/json")

curl -sf "${auth[@]}" -X PUT "http://localhost:$port/lists/everyone" -d '{"name": "Everyone"}' >/dev/null
sql "INSERT INTO list_subscriptions (list_id, user_id, created_at)
     SELECT 'everyone', 'user-' || lpad(n::text, 7, '0'), now() FROM generate_series(1, $subscribers) AS n"
echo "machine: $(nproc) cores; heap -Xmx$heap; $subscribers subscribers; JVM RSS before: $(rss_mb "$herald_pid") MB"

(peak=0; while kill -0 "$herald_pid" 2>/dev/null; do r=$(rss_mb "$herald_pid"); [ "$r" -gt "$peak" ] && peak=$r && echo "$peak" >"$work/peak"; sleep 1; done) &
sampler=$!
t0=$(date +%s.%N)
request=$(curl -sf "${auth[@]}" "http://localhost:$port/send" \
  -d '{"message": {"to": {"list_id": "everyone"}, "content": {"title": "News", "body": "Hello {{profile.name}}"}, "routing": {"method": "single", "channels": ["inbox"]}}}' \
  | sed 's/.*"requestId":"\([^"]*\)".*/\1/')
t1=$(date +%s.%N)
while [ "$(sql "SELECT count(*) FROM messages WHERE request_id = '$request' AND status = 'SENT'")" -lt "$subscribers" ]; do sleep 1; done
t2=$(date +%s.%N)
kill "$sampler" 2>/dev/null || true
sent=$(sql "SELECT count(*) FROM messages WHERE request_id = '$request'")
distinct=$(sql "SELECT count(DISTINCT user_id) FROM messages WHERE request_id = '$request'")
awk -v a="$t0" -v b="$t1" -v c="$t2" -v n="$sent" -v d="$distinct" -v p="$(cat "$work/peak")" \
  'BEGIN { printf "send answered in %.0f ms; %d messages (%d distinct subscribers) SENT in %.1f s (%.0f msg/s); peak JVM RSS %d MB\n", (b-a)*1000, n, d, c-a, n/(c-a), p }'
