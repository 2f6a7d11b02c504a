# Shared by the bench scripts: start Herald from the packaged jar in a work directory, and stop only what was
# started here, by PID (never by name, so another Herald or PostgreSQL on the machine is left alone).

# start_herald WORKDIR PORT [ENV=VALUE...]: starts the jar through bin/herald, as the README runs it (its default heap
# and class archive), waits for /health, sets herald_pid (the JVM: the launcher execs it).
herald_launcher=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/bin/herald
start_herald() {
  local dir=$1 port=$2; shift 2
  (cd "$dir" && exec env MICRONAUT_SERVER_PORT="$port" HERALD_JAR="$jar" "$@" "$herald_launcher" >>"$dir/herald.log" 2>&1) &
  herald_pid=$!
  until curl -sf "http://localhost:$port/health" >/dev/null 2>&1; do
    kill -0 "$herald_pid" 2>/dev/null || { echo "Herald exited; its log:" >&2; tail -20 "$dir/herald.log" >&2; return 1; }
    sleep 0.02
  done
}

# stop_herald: SIGTERM to the Herald started here, then waits for it (it stops its embedded PostgreSQL itself).
stop_herald() {
  if [ -n "${herald_pid:-}" ] && kill -0 "$herald_pid" 2>/dev/null; then
    kill "$herald_pid"
    wait "$herald_pid" 2>/dev/null || true
  fi
  herald_pid=
}

# embedded_pg_rss_mb WORKDIR: memory of that Herald's embedded PostgreSQL (the postmaster and its children), as
# proportional set size, so that the shared buffers every backend maps are counted once, not once per process.
embedded_pg_rss_mb() {
  local pidfile=$1/.herald/postgres/postmaster.pid postmaster
  [ -f "$pidfile" ] || { echo 0; return; }
  postmaster=$(head -1 "$pidfile")
  for p in $(ps -o pid= -p "$postmaster" --ppid "$postmaster"); do
    awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null
  done | awk '{s+=$1} END {print int(s/1024)}'
}

rss_mb() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }
