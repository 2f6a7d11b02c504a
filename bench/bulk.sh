#!/usr/bin/env bash
# A bulk job of many users, with the heap bounded: the job is sent a page of 500 users at a time as durable work, so
# memory stays flat in the job's size. The users are stored with SQL (as POST /bulk/{id} stores them, 1,000 a call),
# then the job is run through the API. Reports the time until the job is COMPLETED and until every message is SENT,
# and the peak RSS. Needs a built jar (./mvnw -q -B package -DskipTests) and psql. Usage: bench/bulk.sh [users] [heap]
set -euo pipefail
users=${1:-100000}
heap=${2:-256m}
root=$(cd "$(dirname "$0")/.." && pwd)
jar=$root/bootstrap/target/herald.jar
port=18098
work=$(mktemp -d)
. "$(dirname "$0")/lib.sh"
trap 'stop_herald; rm -rf "$work"' EXIT
command -v psql >/dev/null || { echo "missing psql (apt-get install postgresql-client)"; exit 1; }

start_herald "$work" "$port" HERALD_AUTH_API_KEYS=bench JAVA_TOOL_OPTIONS="-Xmx$heap"
pgport=$(grep -o 'Embedded PostgreSQL started on port [0-9]*' "$work/herald.log" | grep -o '[0-9]*$')
sql() { psql -qtA -h localhost -p "$pgport" -U postgres -c "$1" postgres; }
auth=(-H "Authorization: Bearer bench" -H "Content-Type: application/json")
api="http://localhost:$port"

curl -sf "${auth[@]}" -X PUT "$api/templates/news" \
  -d '{"name": "News", "channels": {"inbox": {"title": "News", "body": "Hello {{name}}"}}}' >/dev/null
job=$(curl -sf "${auth[@]}" "$api/bulk" -d '{"message": {"event": "news", "data": {"name": "there"}}}' | sed 's/.*"jobId":"\([^"]*\)".*/\1/')
curl -sf "${auth[@]}" "$api/bulk/$job" -d '{"users": [{"recipient": "user-0000000"}]}' >/dev/null
sql "INSERT INTO bulk_users (job_id, \"user\", status)
     SELECT '$job', jsonb_build_object('recipient', 'user-' || lpad(n::text, 7, '0')), 'PENDING' FROM generate_series(1, $users - 1) AS n;
     UPDATE bulk_jobs SET received = $users WHERE job_id = '$job'"
echo "machine: $(nproc) cores; heap -Xmx$heap; $users users; JVM RSS before: $(rss_mb "$herald_pid") MB"

(peak=0; while kill -0 "$herald_pid" 2>/dev/null; do r=$(rss_mb "$herald_pid"); [ "$r" -gt "$peak" ] && peak=$r && echo "$peak" >"$work/peak"; sleep 1; done) &
sampler=$!
t0=$(date +%s.%N)
curl -sf "${auth[@]}" -X POST "$api/bulk/$job/run" >/dev/null
until curl -sf "${auth[@]}" "$api/bulk/$job" | grep -q '"status":"COMPLETED"'; do sleep 0.5; done
t1=$(date +%s.%N)
while [ "$(sql "SELECT count(*) FROM messages WHERE request_id = '$job' AND status = 'SENT'")" -lt "$users" ]; do sleep 1; done
t2=$(date +%s.%N)
kill "$sampler" 2>/dev/null || true
enqueued=$(curl -sf "${auth[@]}" "$api/bulk/$job" | grep -o '"enqueued":[0-9]*' | grep -o '[0-9]*$')
distinct=$(sql "SELECT count(DISTINCT user_id) FROM messages WHERE request_id = '$job'")
awk -v a="$t0" -v b="$t1" -v c="$t2" -v n="$enqueued" -v d="$distinct" -v p="$(cat "$work/peak")" \
  'BEGIN { printf "job COMPLETED in %.1f s (%d users enqueued, %.0f users/s); %d distinct recipients, all SENT in %.1f s; peak JVM RSS %d MB\n", b-a, n, n/(b-a), d, c-a, p }'
