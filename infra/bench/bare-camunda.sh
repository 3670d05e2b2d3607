#!/usr/bin/env bash
# Benchmark baseline: a bare Camunda 7 (infra/bare-camunda, its own REST API, no gateway, no
# OneWindow code) on the local stack's PostgreSQL, in its own database camunda_bare. The stack
# (./infra/stack.sh up) must be running; this script only starts and stops the baseline JVM.
#
#   ./infra/bench/bare-camunda.sh start    create role/database if needed, build the jar if missing or
#                                          stale, start it, wait for GET /engine-rest/engine, print the start time
#   ./infra/bench/bare-camunda.sh stop     stop the recorded pid (TERM, KILL after 30 s)
#   ./infra/bench/bare-camunda.sh status   running or stopped, RSS
#
# Environment: BARE_CAMUNDA_PORT (default 8095), BARE_CAMUNDA_TIMEOUT (health wait, default 180 s),
# BARE_CAMUNDA_HISTORY_LEVEL (default activity, as the services),
# MVN_FLAGS (extra Maven flags for the build, e.g. "-o"), and everything of infra/stack.env
# (PG_HOST, PG_PORT, PG_SUPERUSER, PG_SUPERUSER_PASSWORD, APP_JAVA_OPTS).
# Files: log infra/.stack/logs/bare-camunda.log, pid infra/.stack/run/bare-camunda.pid.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
INFRA_DIR="$(cd "$BENCH_DIR/.." && pwd)"
ROOT_DIR="$(cd "$INFRA_DIR/.." && pwd)"
# shellcheck source=infra/stack.env
source "$INFRA_DIR/stack.env"

NAME=bare-camunda
MODULE=infra/bare-camunda
PORT="${BARE_CAMUNDA_PORT:-8095}"
TIMEOUT="${BARE_CAMUNDA_TIMEOUT:-180}"
# the same as the OneWindow services (onewindow-runtime-defaults.yml), so the baseline writes the same history
HISTORY_LEVEL="${BARE_CAMUNDA_HISTORY_LEVEL:-activity}"
export BARE_CAMUNDA_HISTORY_LEVEL="$HISTORY_LEVEL"
DB=camunda_bare
OWNER=camunda_bare_owner
OWNER_PASSWORD=camunda_bare_owner
BPMN="$ROOT_DIR/workflow-models/src/main/resources/bpmn/enterprise-opening/enterprise-opening-bundle.bpmn"
MVN_LOCK="${ONEWINDOW_MVN_LOCK:-/tmp/onewindow-mvn.lock}"
RUN_DIR="$INFRA_DIR/.stack/run"
LOG_DIR="$INFRA_DIR/.stack/logs"
PID_FILE="$RUN_DIR/$NAME.pid"
LOG_FILE="$LOG_DIR/$NAME.log"
JAVA_BIN="${JAVA_HOME:+$JAVA_HOME/bin/}java"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT")

log()  { printf '==> %s\n' "$*"; }
info() { printf '    %s\n' "$*"; }
die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

now() { echo "${EPOCHREALTIME/,/.}"; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

healthy() { [[ "$(curl -s -o /dev/null -w '%{http_code}' -m 3 "http://127.0.0.1:$PORT/engine-rest/engine" 2>/dev/null)" == 200 ]]; }

# the recorded pid, if that process is alive and runs a jar of this checkout (never a recycled pid)
live_pid() {
  [[ -s "$PID_FILE" ]] || return 1
  local pid cmd
  pid="$(<"$PID_FILE")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  cmd="$( { tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null)" || return 1
  [[ "$cmd" == *"$ROOT_DIR/$MODULE/target/"* ]] || return 1
  echo "$pid"
}

# the fat jar the build left (target/bare-camunda-<version>.jar), or the name it will have
jar_path() {
  local j version
  for j in "$ROOT_DIR/$MODULE/target/$NAME"-*.jar; do
    [[ -f "$j" ]] && { echo "$j"; return; }
  done
  version="$(grep -m1 -A1 '<artifactId>onewindow-parent</artifactId>' "$ROOT_DIR/pom.xml" | sed -n 's:.*<version>\(.*\)</version>.*:\1:p')"
  echo "$ROOT_DIR/$MODULE/target/$NAME-$version.jar"
}

# stale: missing, half-written, or older than the model, the poms or the module's sources
jar_stale() {
  local jar="$1"
  [[ -f "$jar" ]] && unzip -qql "$jar" >/dev/null 2>&1 || return 0
  [[ -n "$(find "$BPMN" "$ROOT_DIR/pom.xml" "$ROOT_DIR/$MODULE/pom.xml" "$ROOT_DIR/$MODULE/src" \
    -newer "$jar" -type f -print -quit 2>/dev/null)" ]]
}

provision() {
  log "database $DB (owner $OWNER) on $PG_HOST:$PG_PORT"
  PGPASSWORD="$PG_SUPERUSER_PASSWORD" "${PSQL[@]}" -U "$PG_SUPERUSER" -d postgres \
    -v db="$DB" -v owner="$OWNER" -v owner_pw="$OWNER_PASSWORD" <<'SQL' \
    || die "could not create role/database on $PG_HOST:$PG_PORT (is ./infra/stack.sh up?)"
SELECT format('CREATE ROLE %I LOGIN', :'owner') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'owner') \gexec
ALTER ROLE :"owner" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'owner_pw';
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L LC_COLLATE %L LC_CTYPE %L TEMPLATE template0', :'db', :'owner', 'UTF8', 'C', 'C')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
ALTER DATABASE :"db" OWNER TO :"owner";
SQL
  # the engine refuses to start when its configured history level differs from the one its schema
  # recorded: a database made at another level is moved to this run's (Camunda: 2 audit, 3 full)
  local level_id
  case "$HISTORY_LEVEL" in none) level_id=0 ;; activity) level_id=1 ;; audit) level_id=2 ;; full) level_id=3 ;;
    *) die "BARE_CAMUNDA_HISTORY_LEVEL=$HISTORY_LEVEL: expected none, activity, audit or full" ;; esac
  PGPASSWORD="$PG_SUPERUSER_PASSWORD" "${PSQL[@]}" -U "$PG_SUPERUSER" -d "$DB" -v level="$level_id" <<'SQL' \
    || die "could not set the history level in $DB"
SELECT format('UPDATE act_ge_property SET value_ = %L WHERE name_ = %L', :'level', 'historyLevel')
 WHERE to_regclass('act_ge_property') IS NOT NULL \gexec
SQL
  info "history level $HISTORY_LEVEL"
}

build() {
  local jar="$1" t0
  jar_stale "$jar" || return 0
  log "building $MODULE (log: ${LOG_DIR#"$ROOT_DIR"/}/maven.log)"
  t0="$(now)"
  echo "---- $(date -Is) build $MODULE: mvn -q -B ${MVN_FLAGS:-} -DskipTests package -pl $MODULE -am" >>"$LOG_DIR/maven.log"
  # shellcheck disable=SC2086
  if ! (cd "$ROOT_DIR" && flock "$MVN_LOCK" mvn -q -B -Dstyle.color=never ${MVN_FLAGS:-} -DskipTests package \
    -pl "$MODULE" -am) >>"$LOG_DIR/maven.log" 2>&1; then
    tail -n 30 "$LOG_DIR/maven.log" >&2
    die "build of $MODULE failed"
  fi
  [[ -f "$jar" ]] || die "no $jar after the build"
  info "built in $(elapsed "$t0")s"
}

start() {
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  local pid jar t0
  if pid="$(live_pid)" && healthy; then
    log "$NAME already running and healthy (pid $pid) on http://127.0.0.1:$PORT/engine-rest"
    return
  fi
  port_open "$PG_HOST" "$PG_PORT" || die "PostgreSQL is not listening on $PG_HOST:$PG_PORT: run ./infra/stack.sh up first"
  provision
  if ! pid="$(live_pid)"; then
    port_open 127.0.0.1 "$PORT" && die "port $PORT is in use by a process this script did not start"
    jar="$(jar_path)"
    build "$jar"
    jar="$(jar_path)"
    log "starting $NAME: ${jar#"$ROOT_DIR"/} on port $PORT (log: ${LOG_FILE#"$ROOT_DIR"/})"
    rm -f "$PID_FILE"
    t0="$(now)"
    # shellcheck disable=SC2016,SC2086
    BARE_CAMUNDA_PORT="$PORT" \
      BARE_CAMUNDA_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" \
      BARE_CAMUNDA_DB_USER="$OWNER" BARE_CAMUNDA_DB_PASSWORD="$OWNER_PASSWORD" \
      setsid nohup bash -c 'echo $$ > "$0"; exec "$@"' "$PID_FILE" "$JAVA_BIN" $APP_JAVA_OPTS \
      "-Xlog:gc:file=$LOG_DIR/$NAME-gc.log:time,uptime:filecount=2,filesize=10m" -jar "$jar" \
      >>"$LOG_FILE" 2>&1 </dev/null &
    for _ in $(seq 1 50); do [[ -s "$PID_FILE" ]] && break; sleep 0.1; done
    pid="$(live_pid)" || die "$NAME did not start (see $LOG_FILE)"
  else
    log "$NAME is starting (pid $pid); waiting for it"
    t0="$(now)"
  fi
  local limit=$((SECONDS + TIMEOUT))
  until healthy; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$LOG_FILE" >&2 || true
      rm -f "$PID_FILE"
      die "$NAME exited (log: $LOG_FILE)"
    fi
    if ((SECONDS >= limit)); then
      tail -n 40 "$LOG_FILE" >&2 || true
      die "$NAME not healthy after ${TIMEOUT}s (log: $LOG_FILE)"
    fi
    sleep 0.5
  done
  info "UP on http://127.0.0.1:$PORT/engine-rest (pid $pid), started in $(elapsed "$t0") s"
}

stop() {
  local pid pgid
  if ! pid="$(live_pid)"; then
    rm -f "$PID_FILE"
    log "$NAME: not running"
    return
  fi
  log "stopping $NAME (pid $pid)"
  # setsid made it a process-group leader: signal the group
  pgid="$(ps -o pgid= -p "$pid" | tr -d ' ')"
  if [[ "$pgid" == "$pid" ]]; then kill -TERM -- "-$pid" 2>/dev/null || true; else kill -TERM "$pid" 2>/dev/null || true; fi
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    info "pid $pid ignored TERM for 30 s; killing it"
    if [[ "$pgid" == "$pid" ]]; then kill -KILL -- "-$pid" 2>/dev/null || true; else kill -KILL "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$PID_FILE"
  info "stopped"
}

status() {
  local pid rss
  if pid="$(live_pid)"; then
    rss="$(ps -o rss= -p "$pid" | awk '{ printf "%.0f", $1 / 1024 }')"
    if healthy; then
      echo "$NAME: running (pid $pid, healthy on port $PORT), RSS ${rss} MiB"
    else
      echo "$NAME: running (pid $pid, not healthy on port $PORT), RSS ${rss} MiB"
    fi
  else
    echo "$NAME: stopped"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
