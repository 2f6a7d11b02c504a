#!/usr/bin/env bash
# GET /messages on a large table: generates the messages (with their history, rendered outputs and delivery attempts,
# in the shapes Herald writes) with SQL on a fresh embedded PostgreSQL, then times the first page newest first and
# filtered first pages over HTTP: with PostgreSQL's own choice of plans, and again with generic plans forced on every
# connection (plan_cache_mode = force_generic_plan), which is what a statement pgjdbc prepared on the server may get.
# Finally it prints EXPLAIN (ANALYZE, BUFFERS), under a generic plan, of each statement as Herald sent it (SQL and
# parameters from PostgreSQL's statement log), and the size on disk per message. Between the two timings it times the
# console's message log (GET /console/messages) and its analytics page (GET /console/analytics) on the same data.
# Needs a built jar (./mvnw -q -B package -DskipTests), psql and curl.
# Usage: bench/list-queries.sh [messages] [requests-per-shape]   (JAR=path/to/herald.jar times another build)
set -euo pipefail
messages=${1:-1000000}
requests=${2:-300}
root=$(cd "$(dirname "$0")/.." && pwd)
jar=${JAR:-$root/bootstrap/target/herald.jar}
port=18103
work=$(mktemp -d)
. "$(dirname "$0")/lib.sh"
trap 'stop_herald; rm -rf "$work"' EXIT
for tool in psql curl; do command -v $tool >/dev/null || { echo "missing $tool (apt-get install postgresql-client curl)"; exit 1; }; done

start_herald "$work" "$port" HERALD_AUTH_API_KEYS=bench
pgport() { grep -o 'Embedded PostgreSQL started on port [0-9]*' "$work/herald.log" | tail -1 | grep -o '[0-9]*$'; }
pgport=$(pgport)
sql() { psql -qtAX -v ON_ERROR_STOP=1 -h localhost -p "$pgport" -U postgres -c "$1" postgres; }
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1); $(sql 'SELECT version()' | cut -d, -f1)"
echo "jar: $jar"

# Over the last 30 days (inside the 90-day retention). Users get messages on a skewed curve (user-0000001 the most),
# one in ten sends goes to an ad-hoc address with inline content, a quarter of the messages belong to broadcasts (a few
# hundred recipients sharing a request id), templates are skewed too, and the statuses are those of a working system.
t0=$(date +%s.%N)
psql -qX -v ON_ERROR_STOP=1 -v n="$messages" -h localhost -p "$pgport" -U postgres postgres <<'SQL'
SELECT setseed(0.18) AS seeded \gset
CREATE TEMP TABLE gen AS
WITH g AS (
  SELECT n, now() - interval '30 days' + n * (interval '30 days' / :n) AS at,
         now() - interval '30 days' + n / 1000 * 1000 * (interval '30 days' / :n) AS broadcast_at,
         random() AS r_user, random() AS r_kind, random() AS r_template, random() AS r_status, random() AS r_channel
  FROM generate_series(1, :n) AS n
), named AS (
  SELECT g.*,
         '1-' || lpad(to_hex((extract(epoch FROM at) * 1000)::bigint), 12, '0') || '-' || substr(md5(n::text), 1, 16) AS id,
         r_kind < 0.10 AS adhoc,
         r_kind >= 0.75 AS broadcast,
         (ARRAY['welcome', 'order-confirmed', 'order-shipped', 'password-reset', 'weekly-digest', 'trial-ending',
                'invoice', 'comment-reply', 'mention', 'login-alert', 'cart-reminder', 'review-request', 'price-drop',
                'back-in-stock', 'subscription-renewed', 'payment-failed', 'new-follower', 'event-reminder',
                'survey', 'referral', 'account-locked', 'export-ready', 'plan-upgraded', 'team-invite',
                'data-deletion'])[1 + floor(25 * power(r_template, 2))::int] AS template,
         CASE WHEN r_status < 0.30 THEN 'SENT' WHEN r_status < 0.64 THEN 'DELIVERED' WHEN r_status < 0.82 THEN 'OPENED'
              WHEN r_status < 0.88 THEN 'CLICKED' WHEN r_status < 0.92 THEN 'UNDELIVERABLE' WHEN r_status < 0.96 THEN 'UNROUTABLE'
              WHEN r_status < 0.975 THEN 'CANCELED' WHEN r_status < 0.985 THEN 'UNMAPPED' WHEN r_status < 0.992 THEN 'DELAYED'
              WHEN r_status < 0.999 THEN 'ENQUEUED' ELSE 'ROUTED' END AS status,
         CASE WHEN r_channel < 0.7 THEN 'email' WHEN r_channel < 0.9 THEN 'sms' ELSE 'push' END AS channel
  FROM g
)
SELECT n, at, id, status, channel,
       CASE WHEN broadcast THEN '1-' || lpad(to_hex((extract(epoch FROM broadcast_at) * 1000)::bigint), 12, '0') || '-' || substr(md5('r' || n / 1000), 1, 16)
            ELSE id END AS request_id,
       CASE WHEN adhoc THEN 'guest-' || (n % 50000) || '@example.org'
            ELSE 'user-' || lpad((1 + floor(200000 * power(r_user, 2)))::int::text, 7, '0') END AS recipient,
       NOT adhoc AS to_user,
       CASE WHEN adhoc THEN NULL ELSE template END AS template,
       CASE channel WHEN 'email' THEN 'sendgrid' WHEN 'sms' THEN 'twilio' ELSE 'fcm' END AS provider,
       status IN ('SENT', 'DELIVERED', 'OPENED', 'CLICKED', 'UNDELIVERABLE') AS rendered
FROM named;

INSERT INTO messages (message_id, request_id, recipient, user_id, template_id, event, status, reason, error, channel, provider,
                      spec, spec_format, plan, enqueued_at, deliver_at, milestones, updated_at)
SELECT id, request_id, recipient, CASE WHEN to_user THEN recipient END, template, NULL, status,
       CASE status WHEN 'UNDELIVERABLE' THEN 'PROVIDER_ERROR' WHEN 'UNROUTABLE' THEN 'NO_CHANNELS' END,
       CASE status WHEN 'UNDELIVERABLE' THEN 'HTTP 400: invalid address' WHEN 'UNROUTABLE' THEN 'no channel reaches the recipient'
                   WHEN 'UNMAPPED' THEN 'no template is mapped to the event' END,
       CASE WHEN rendered THEN channel END, CASE WHEN rendered THEN provider END,
       CASE WHEN to_user THEN jsonb_build_object('to', jsonb_build_object('user_id', recipient), 'template', template,
                                                 'data', jsonb_build_object('first_name', 'Sam', 'order', n % 10000))
            ELSE jsonb_build_object('to', jsonb_build_object('email', recipient),
                                    'content', jsonb_build_object('title', 'Your code', 'body', 'Your code is ' || n % 1000000)) END,
       1,
       CASE WHEN rendered OR status = 'ROUTED' THEN jsonb_build_object('leaves', jsonb_build_object('0', CASE WHEN status = 'ROUTED'
                THEN 'PENDING' WHEN status = 'UNDELIVERABLE' THEN 'FAILED' ELSE 'SENT' END),
                'routing', jsonb_build_object('method', 'single', 'channels', jsonb_build_array(channel))) END,
       at, CASE WHEN status = 'DELAYED' THEN at + interval '1 day' END,
       jsonb_build_object('ENQUEUED', at) || CASE WHEN status NOT IN ('ENQUEUED', 'DELAYED', 'CANCELED', 'UNMAPPED')
           THEN jsonb_build_object('ROUTED', at + interval '40 ms') ELSE '{}' END
         || CASE WHEN status IN ('SENT', 'DELIVERED', 'OPENED', 'CLICKED') THEN jsonb_build_object('SENT', at + interval '90 ms') ELSE '{}' END
         || CASE WHEN status IN ('DELIVERED', 'OPENED', 'CLICKED') THEN jsonb_build_object('DELIVERED', at + interval '3 s') ELSE '{}' END
         || CASE WHEN status IN ('OPENED', 'CLICKED') THEN jsonb_build_object('OPENED', at + interval '2 h') ELSE '{}' END
         || CASE WHEN status = 'CLICKED' THEN jsonb_build_object('CLICKED', at + interval '2 h 1 min') ELSE '{}' END
         || CASE WHEN status = 'CANCELED' THEN jsonb_build_object('CANCELED', at + interval '1 s') ELSE '{}' END
         || CASE WHEN status IN ('UNDELIVERABLE', 'UNROUTABLE', 'UNMAPPED') THEN jsonb_build_object(status, at + interval '90 ms') ELSE '{}' END,
       at + interval '2 h'
FROM gen;

INSERT INTO message_history (message_id, type, at, details)
SELECT id, type, at + step * interval '15 ms',
       CASE type WHEN 'MAPPED' THEN jsonb_build_object('template', template)
                 WHEN 'ROUTED' THEN jsonb_build_object('routing', jsonb_build_object('method', 'single', 'channels', jsonb_build_array(channel)))
                 WHEN 'RENDERED' THEN jsonb_build_object('channel', channel)
                 WHEN 'SENT' THEN jsonb_build_object('channel', channel, 'provider', provider, 'provider_message_id', provider || '-' || id)
                 WHEN 'DELIVERED' THEN jsonb_build_object('channel', channel, 'provider', provider)
                 WHEN 'OPENED' THEN jsonb_build_object('channel', channel, 'provider', provider)
                 WHEN 'CLICKED' THEN jsonb_build_object('channel', channel, 'provider', provider)
                 WHEN 'PROVIDER_ERROR' THEN jsonb_build_object('channel', channel, 'provider', provider, 'error', 'HTTP 400: invalid address',
                                                               'status_code', 400, 'transient', false, 'next', 'undeliverable')
                 WHEN 'UNDELIVERABLE' THEN jsonb_build_object('reason', 'PROVIDER_ERROR', 'error', 'HTTP 400: invalid address')
                 WHEN 'UNROUTABLE' THEN jsonb_build_object('reason', 'NO_CHANNELS', 'error', 'no channel reaches the recipient')
                 WHEN 'UNMAPPED' THEN jsonb_build_object('error', 'no template is mapped to the event')
                 WHEN 'DELAYED' THEN jsonb_build_object('until', at + interval '1 day')
                 ELSE '{}' END
FROM gen, LATERAL unnest(CASE WHEN to_user THEN ARRAY['ENQUEUED', 'PROFILE_LOADED', 'MAPPED'] ELSE ARRAY['ENQUEUED'] END
    || CASE status WHEN 'DELAYED' THEN ARRAY['DELAYED'] WHEN 'ENQUEUED' THEN '{}' WHEN 'CANCELED' THEN ARRAY['CANCELED']
                   WHEN 'UNMAPPED' THEN ARRAY['UNMAPPED'] WHEN 'UNROUTABLE' THEN ARRAY['UNROUTABLE'] WHEN 'ROUTED' THEN ARRAY['ROUTED']
                   WHEN 'UNDELIVERABLE' THEN ARRAY['ROUTED', 'RENDERED', 'PROVIDER_ERROR', 'UNDELIVERABLE']
                   WHEN 'SENT' THEN ARRAY['ROUTED', 'RENDERED', 'SENT']
                   WHEN 'DELIVERED' THEN ARRAY['ROUTED', 'RENDERED', 'SENT', 'DELIVERED']
                   WHEN 'OPENED' THEN ARRAY['ROUTED', 'RENDERED', 'SENT', 'DELIVERED', 'OPENED']
                   ELSE ARRAY['ROUTED', 'RENDERED', 'SENT', 'DELIVERED', 'OPENED', 'CLICKED'] END) WITH ORDINALITY AS h(type, step);

INSERT INTO message_outputs (message_id, channel, content, rendered_at)
SELECT id, channel,
       CASE channel WHEN 'email' THEN jsonb_build_object('subject', 'Your order ' || n % 10000 || ' is on its way',
                                                         'text', 'Hi Sam, your order ' || n % 10000 || ' ships today. Track it in the app.',
                                                         'html', '<p>Hi Sam, your order ' || n % 10000 || ' ships today. Track it in the app.</p>')
                    WHEN 'sms' THEN jsonb_build_object('body', 'Your code is ' || n % 1000000)
                    ELSE jsonb_build_object('title', 'Back in stock', 'body', 'The item you saved is back.') END,
       at + interval '60 ms'
FROM gen WHERE rendered;

INSERT INTO delivery_attempts (message_id, leaf_id, provider, attempt, channel, outcome, provider_message_id, error, engagement, at)
SELECT id, '0', provider, 1, channel, CASE WHEN status = 'UNDELIVERABLE' THEN 'PERMANENT' ELSE 'SENT' END,
       CASE WHEN status <> 'UNDELIVERABLE' THEN provider || '-' || id END,
       CASE WHEN status = 'UNDELIVERABLE' THEN 'HTTP 400: invalid address' END,
       CASE WHEN status IN ('SENT', 'DELIVERED', 'OPENED', 'CLICKED') THEN status END, at + interval '90 ms'
FROM gen WHERE rendered;

VACUUM (ANALYZE) messages, message_history, message_outputs, delivery_attempts;
SQL
t1=$(date +%s.%N)
echo "generated $(sql 'SELECT count(*) FROM messages') messages, $(sql 'SELECT count(*) FROM message_history') history entries, $(sql 'SELECT count(*) FROM message_outputs') outputs, $(sql 'SELECT count(*) FROM delivery_attempts') attempts in $(echo "$t1 - $t0" | bc | cut -d. -f1) s"
sql "SELECT 'size on disk (table + indexes + TOAST) per message: ' || string_agg(t || ' ' || round(pg_total_relation_size(t::regclass)::numeric / m), ', ')
       || '; messages + message_history + message_outputs ' || round(sum(pg_total_relation_size(t::regclass)) FILTER (WHERE t <> 'delivery_attempts')::numeric / m)
       || ' bytes (' || pg_size_pretty(sum(pg_total_relation_size(t::regclass)) FILTER (WHERE t <> 'delivery_attempts')) || ' for ' || m || ' messages)'
     FROM unnest(ARRAY['messages', 'message_history', 'message_outputs', 'delivery_attempts']) AS t, (SELECT count(*) AS m FROM messages) c GROUP BY m"

# The values each shape cycles through: the busiest recipient and the largest request first (the first values are also
# the ones explained below), then recipients and requests sampled from the messages (so busy ones come up more often);
# every status (rare ones included: under a bad plan a rare value is the slow one); every template.
recipients=($(sql "(SELECT recipient FROM messages GROUP BY 1 ORDER BY count(*) DESC LIMIT 1)
                   UNION ALL (SELECT recipient FROM messages ORDER BY md5(message_id || 'recipient') LIMIT 19)"))
request_ids=($(sql "(SELECT request_id FROM messages GROUP BY 1 ORDER BY count(*) DESC LIMIT 1)
                    UNION ALL (SELECT request_id FROM messages ORDER BY md5(message_id || 'request') LIMIT 19)"))
echo "busiest recipient ${recipients[0]}: $(sql "SELECT count(*) FROM messages WHERE recipient = '${recipients[0]}'") messages; largest request: $(sql "SELECT count(*) FROM messages WHERE request_id = '${request_ids[0]}'") messages"
statuses=(UNDELIVERABLE SENT DELIVERED OPENED CLICKED UNROUTABLE CANCELED UNMAPPED DELAYED ENQUEUED ROUTED)
templates=($(sql "SELECT DISTINCT template_id FROM messages WHERE template_id IS NOT NULL ORDER BY 1"))
query_of() { # shape index -> the query string of the index-th request of that shape
  local i=$2 r=${recipients[$(($2 % ${#recipients[@]}))]}
  case $1 in
    newest) echo "" ;;
    recipient) echo "recipient=$r" ;;
    status) echo "status=${statuses[$((i % ${#statuses[@]}))]}" ;;
    template) echo "notification=${templates[$((i % ${#templates[@]}))]}" ;;
    status+recipient) echo "recipient=$r&status=${statuses[$((i / ${#recipients[@]} % ${#statuses[@]}))]}" ;;
    request) echo "request_id=${request_ids[$((i % ${#request_ids[@]}))]}" ;;
    channel) echo "channel=push" ;;                 # the console's sifted filters: a tenth of the messages are push,
    provider) echo "provider=console" ;;            # and none went through console, so each page walks all 10,000
    day) echo "from=$(date -u -d '-3 days' +%Y-%m-%dT%H:%M)&until=$(date -u -d '-2 days' +%Y-%m-%dT%H:%M)" ;;
  esac
}
shapes=(newest recipient status template status+recipient request)

run() { # shape count -> one line per request: HTTP status and time_total in seconds, over one keep-alive connection
  local cfg=$work/$1.curl
  : >"$cfg"
  for ((i = 0; i < $2; i++)); do printf 'url = "http://localhost:%s/messages?%s"\noutput = "/dev/null"\n' "$port" "$(query_of "$1" "$i")" >>"$cfg"; done
  curl -s -K "$cfg" -H "Authorization: Bearer bench" -w '%{http_code} %{time_total}\n'
}
percentiles() { # shape -> its line of p50, p99 and max from $work/times (one "status seconds" line per request)
  awk '{print $2 * 1000}' "$work/times" | sort -n | awk -v s="$1" '{t[NR] = $1}
    END {p50 = t[int(NR * 0.50 + 0.999)]; p99 = t[int(NR * 0.99 + 0.999)]; printf "  %-17s p50 %7.2f ms   p99 %7.2f ms   max %7.2f ms\n", s, p50, p99, t[NR]}'
}
measure() { # label: warms every shape up (past pgjdbc's prepareThreshold of 5 on every pooled connection), then times it
  echo "$1, $requests requests per shape after a warm-up of 100, GET /messages (limit 20), curl time_total (load $(cut -d" " -f1 /proc/loadavg)):"
  for shape in "${shapes[@]}"; do run "$shape" 100 >/dev/null; done
  for shape in "${shapes[@]}"; do
    run "$shape" "$requests" >"$work/times"
    if grep -qv '^200 ' "$work/times"; then echo "  $shape: non-200 answers:"; grep -v '^200 ' "$work/times" | sort | uniq -c; exit 1; fi
    percentiles "$shape"
  done
}

# The statement log, to read back the statements as Herald sends them, needs the logging collector: a restart.
# Herald counted the funnel's (then empty) past days at its first start; forgetting those counts has the restart count
# them again from the generated messages, as the first start after an upgrade counts a database's existing messages.
sql "TRUNCATE funnel_days, funnel_rollups"
sql "ALTER SYSTEM SET logging_collector = on" && stop_herald && start_herald "$work" "$port" HERALD_AUTH_API_KEYS=bench
pgport=$(pgport)

run newest 1000 >/dev/null   # JIT warm-up
measure "PostgreSQL's own plan choice (plan_cache_mode = $(sql 'SHOW plan_cache_mode'))"

# The operator console's message log: the same queries (50 rows a page) rendered as HTML, signed in with a session.
console_cookie=$(curl -s -D - -o /dev/null -X POST "http://localhost:$port/console/login" -H 'Content-Type: application/x-www-form-urlencoded' \
  --data 'key=bench' | grep -o 'herald_console=[^;]*')
console_run() { # shape count -> one line per request, as run does, for GET /console/messages
  local cfg=$work/console-$1.curl query
  : >"$cfg"
  for ((i = 0; i < $2; i++)); do
    query=$(query_of "$1" "$i"); query=${query/notification=/template=}
    printf 'url = "http://localhost:%s/console/messages?%s"\noutput = "/dev/null"\n' "$port" "$query" >>"$cfg"
  done
  curl -s -K "$cfg" -H "Cookie: $console_cookie" -w '%{http_code} %{time_total}\n'
}
echo "The console's message log, $requests requests per shape after a warm-up of 100, GET /console/messages (50 rows, HTML), curl time_total:"
console_shapes=(newest recipient status template status+recipient channel provider day)
for shape in "${console_shapes[@]}"; do console_run "$shape" 100 >/dev/null; done
for shape in "${console_shapes[@]}"; do
  console_run "$shape" "$requests" >"$work/times"
  if grep -qv '^200 ' "$work/times"; then echo "  $shape: non-200 answers:"; grep -v '^200 ' "$work/times" | sort | uniq -c; exit 1; fi
  percentiles "$shape"
done

# The console's analytics page (ADR 0016): the past days are summed from funnel_days, which Herald counted from the
# generated messages at its restart above (the log line says how long that took); today is counted live from messages.
for ((i = 0; i < 120; i++)); do [ "$(sql 'SELECT count(*) FROM funnel_rollups')" = 89 ] && break; sleep 1; done
echo "funnel days counted at start-up: $(grep -o 'Funnel: counted [0-9]* days in [0-9]* ms' "$work/herald.log" | tail -1); $(sql 'SELECT count(*) FROM funnel_days') rows in funnel_days, $(sql "SELECT pg_size_pretty(pg_total_relation_size('funnel_days'))")"
analytics_run() { # query count -> one line per request
  local cfg=$work/analytics.curl
  : >"$cfg"
  for ((i = 0; i < $2; i++)); do printf 'url = "http://localhost:%s/console/analytics?%s"\noutput = "/dev/null"\n' "$port" "$1" >>"$cfg"; done
  curl -s -K "$cfg" -H "Cookie: $console_cookie" -w '%{http_code} %{time_total}\n'
}
echo "The console's analytics page, $requests requests per query after a warm-up of 20, GET /console/analytics, curl time_total (today holds $(sql "SELECT count(*) FROM messages WHERE enqueued_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'") messages):"
for query in "days=7" "days=30" "days=90" "by=channel&days=30" "by=provider&days=90" "value=${templates[0]}&days=30" "by=channel&value=push&days=90"; do
  analytics_run "$query" 20 >/dev/null
  analytics_run "$query" "$requests" >"$work/times"
  if grep -qv '^200 ' "$work/times"; then echo "  $query: non-200 answers:"; grep -v '^200 ' "$work/times" | sort | uniq -c; exit 1; fi
  percentiles "$query"
done
echo "EXPLAIN (ANALYZE, BUFFERS) of a 30-day funnel per day, in the shape Herald sends (counted days, then today live):"
funnel_counts="count(*) AS enqueued, count(*) FILTER (WHERE milestones ->> 'SENT' IS NOT NULL) AS sent,
  count(*) FILTER (WHERE milestones ->> 'DELIVERED' IS NOT NULL) AS delivered, count(*) FILTER (WHERE milestones ->> 'OPENED' IS NOT NULL) AS opened,
  count(*) FILTER (WHERE milestones ->> 'CLICKED' IS NOT NULL) AS clicked, count(*) FILTER (WHERE status = 'UNDELIVERABLE') AS undeliverable"
today="date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'"
sql "EXPLAIN (ANALYZE, BUFFERS) SELECT day, sum(enqueued), sum(sent), sum(delivered), sum(opened), sum(clicked), sum(undeliverable) FROM (
       SELECT day, enqueued, sent, delivered, opened, clicked, undeliverable FROM funnel_days
        WHERE day = ANY(ARRAY(SELECT day FROM funnel_rollups WHERE day >= current_date - 29))
       UNION ALL SELECT (enqueued_at AT TIME ZONE 'UTC')::date, $funnel_counts FROM messages WHERE enqueued_at >= $today AND enqueued_at < $today + interval '1 day' GROUP BY 1
     ) AS counted GROUP BY day ORDER BY day" | grep -vE '^\s*$'
sql "ALTER SYSTEM SET plan_cache_mode = force_generic_plan" && sql "SELECT pg_reload_conf()" >/dev/null
measure "Generic plans forced on every connection (ALTER SYSTEM SET plan_cache_mode = force_generic_plan)"
sql "ALTER SYSTEM RESET plan_cache_mode" && sql "SELECT pg_reload_conf()" >/dev/null

echo
echo "EXPLAIN (ANALYZE, BUFFERS) under a generic plan of each statement as Herald sent it for the shape's first request:"
sql "ALTER SYSTEM SET log_min_duration_statement = 0" && sql "SELECT pg_reload_conf()" >/dev/null
for shape in "${shapes[@]}"; do
  run "$shape" 1 >/dev/null
  sleep 0.5
  # "LOG:  duration: … ms  execute S_1: SELECT …", then "DETAIL:  Parameters: $1 = '…', $2 = '…'" when it has any.
  awk 'after && /DETAIL:  Parameters: / {sub(/.*DETAIL:  Parameters: /, ""); parameters = $0}
       {after = 0}
       /execute [^:]*: SELECT message_id, request_id/ {sub(/.*execute [^:]*: /, ""); statement = $0; parameters = ""; after = 1}
       END {print statement; print parameters}' "$work"/.herald/postgres/log/*.log >"$work/statement"
  statement=$(sed -n 1p "$work/statement")
  values=$(sed -n 2p "$work/statement" | sed -E 's/\$[0-9]+ = //g')
  [ -n "$statement" ] || { echo "$shape: no list statement in the statement log"; exit 1; }
  echo "--- $shape ($(query_of "$shape" 0)): $(sed -E 's/^SELECT message_id, .* FROM messages/SELECT … FROM messages/' <<<"$statement")"
  psql -qtAX -v ON_ERROR_STOP=1 -h localhost -p "$pgport" -U postgres postgres <<SQL
SET plan_cache_mode = force_generic_plan;
PREPARE list AS $statement;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE list${values:+($values)};
SQL
done
sql "ALTER SYSTEM RESET log_min_duration_statement" && sql "SELECT pg_reload_conf()" >/dev/null
