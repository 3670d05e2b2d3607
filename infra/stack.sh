#!/usr/bin/env bash
# OneWindow local stack: PostgreSQL, Kafka (KRaft), Keycloak, WireMock and the product JVMs,
# all from Maven Central artifacts, all under infra/.stack/ (downloads, data, logs, pid files).
#
#   ./infra/stack.sh up                 start everything that is not already running and healthy
#   ./infra/stack.sh down [component]   stop what `up` started (only the pids it recorded)
#   ./infra/stack.sh status             what runs, healthy or not, RSS
#   ./infra/stack.sh logs <component>   follow a component's log
#   ./infra/stack.sh users              the demo logins
#
# Components: postgres kafka keycloak wiremock and the apps of APPS (infra/stack.env).
# ONEWINDOW_SKIP_APPS=1 starts the infrastructure only.
set -Eeuo pipefail

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$INFRA_DIR/.." && pwd)"
# shellcheck source=infra/stack.env
source "$INFRA_DIR/stack.env"

STACK_DIR="$INFRA_DIR/.stack"
RUN_DIR="$STACK_DIR/run"
LOG_DIR="$STACK_DIR/logs"
DL_DIR="$STACK_DIR/downloads"
MVN_LOCK="${ONEWINDOW_MVN_LOCK:-/tmp/onewindow-mvn.lock}"

PG_HOME="$STACK_DIR/pgsql"
PG_DATA="$STACK_DIR/pgdata"
KAFKA_HOME="$STACK_DIR/kafka"
KC_HOME="$STACK_DIR/keycloak"
WM_JAR="$DL_DIR/wiremock-standalone-$WIREMOCK_VERSION.jar"
REALM_FILE="$INFRA_DIR/keycloak/$KEYCLOAK_REALM-realm.json"
INFRA_COMPONENTS=(postgres kafka keycloak wiremock)

# ------------------------------------------------------------------------------------------
# small helpers
# ------------------------------------------------------------------------------------------
if [[ -t 1 ]]; then B=$'\e[1m'; G=$'\e[32m'; Y=$'\e[33m'; R=$'\e[31m'; N=$'\e[0m'; else B='' G='' Y='' R='' N=''; fi
log()  { printf '%s\n' "${B}==>${N} $*"; }
info() { printf '    %s\n' "$*"; }
ok()   { printf '    %s\n' "${G}ok${N} $*"; }
warn() { printf '    %s\n' "${Y}warning:${N} $*" >&2; }
die()  { printf '%s\n' "${R}error:${N} $*" >&2; exit 1; }

now() { echo "${EPOCHREALTIME/,/.}"; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

JAVA_BIN="${JAVA_HOME:+$JAVA_HOME/bin/}java"

port_open() { # host port
  timeout 1 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null
}

pidfile() { echo "$RUN_DIR/$1.pid"; }

# the recorded pid of a component, if that process is alive and is ours
# (its command line mentions this checkout, so a recycled pid is never taken for ours)
live_pid() {
  local f pid
  f="$(pidfile "$1")"
  [[ -s "$f" ]] || return 1
  pid="$(<"$f")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  local cmd
  cmd="$( { tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null)" || return 1
  [[ "$cmd" == *"$ROOT_DIR"* ]] || return 1
  echo "$pid"
}

# RSS in KiB of a pid and all its descendants (PostgreSQL backends, kc.sh -> java)
rss_tree() {
  ps -e -o pid=,ppid=,rss= | awk -v root="$1" '
    { parent[$1] = $2; rss[$1] = $3 }
    END {
      total = 0
      for (p in rss) {
        q = p; n = 0
        while (q != "" && q != 0 && q != root && n < 64) { q = parent[q]; n++ }
        if (q == root) total += rss[p]
      }
      print total
    }'
}
fmt_mib() { awk -v k="$1" 'BEGIN { printf "%d MiB", k / 1024 }'; }

# start a command in its own session, in the background, recording its pid.
# The child writes its own pid before exec, so the pid file is right whatever setsid does.
spawn() { # name logfile cmd...
  local name="$1" logfile="$2"; shift 2
  local f; f="$(pidfile "$name")"
  rm -f "$f"
  # fd 9 is stack.sh's own lock: the daemon must not inherit it
  # shellcheck disable=SC2016
  setsid nohup bash -c 'echo $$ > "$0"; exec "$@"' "$f" "$@" >>"$logfile" 2>&1 </dev/null 9>&- &
  for _ in $(seq 1 50); do [[ -s "$f" ]] && break; sleep 0.1; done
  [[ -s "$f" ]] || die "$name did not start (see $logfile)"
}

wait_for() { # description timeout-seconds pid-or-empty logfile command...
  local what="$1" limit="$2" pid="$3" logfile="$4"; shift 4
  local start=$SECONDS
  until "$@" >/dev/null 2>&1; do
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$logfile" >&2 || true
      die "$what: the process exited (log: $logfile)"
    fi
    if (( SECONDS - start >= limit )); then
      tail -n 40 "$logfile" >&2 || true
      die "$what: not healthy after ${limit}s (log: $logfile)"
    fi
    sleep 1
  done
}

need_free_port() { # component host port
  if port_open "$2" "$3"; then
    die "$1: port $3 on $2 is in use by a process this script did not start; stop it or change the port in infra/stack.env"
  fi
}

as_pg_user() {
  if [[ "$(id -u)" == 0 ]]; then
    setpriv --reuid="$PG_UID" --regid="$PG_GID" --clear-groups -- "$@"
  else
    "$@"
  fi
}

# tools a fresh Debian machine might lack; installed with apt when we are root
ensure_tools() {
  local missing=() t
  for t in curl:curl unzip:unzip xz:xz-utils psql:postgresql-client python3:python3 setsid:util-linux flock:util-linux ps:procps; do
    command -v "${t%%:*}" >/dev/null 2>&1 || missing+=("${t#*:}")
  done
  command -v mvn >/dev/null 2>&1 || missing+=(maven)
  command -v "$JAVA_BIN" >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
  if ((${#missing[@]})); then
    [[ "$(id -u)" == 0 ]] || die "missing tools: ${missing[*]} (install them with apt-get)"
    log "installing missing tools with apt: ${missing[*]}"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

mvn_run() { # description args...   (quiet, serialised with the other Maven users of this machine)
  local what="$1"; shift
  local mlog="$LOG_DIR/maven.log"
  echo "---- $(date -Is) $what: mvn $*" >>"$mlog"
  if ! flock -n "$MVN_LOCK" true 2>/dev/null; then info "waiting for the Maven lock $MVN_LOCK ..." >&2; fi
  if ! flock "$MVN_LOCK" mvn -q -B -Dstyle.color=never "$@" >>"$mlog" 2>&1; then
    tail -n 30 "$mlog" >&2
    die "$what failed (log: $mlog)"
  fi
}

fetch_artifact() { # groupId:artifactId:version:type  -> file in $DL_DIR
  local coords="$1" a v t file
  IFS=: read -r _ a v t <<<"$coords"
  file="$DL_DIR/$a-$v.$t"
  if [[ ! -s "$file" ]]; then
    info "fetching $coords with Maven (local repository or Maven Central)" >&2
    mvn_run "download $coords" -f "$INFRA_DIR/stack/fetch.xml" dependency:copy \
      -Dartifact="$coords" -DoutputDirectory="$DL_DIR" -Dmdep.useBaseVersion=true
    [[ -s "$file" ]] || die "download of $coords gave no $file"
  fi
  echo "$file"
}

unzip_to() { # zipfile destdir [member]
  if command -v unzip >/dev/null 2>&1; then
    unzip -q -o "$1" ${3:+"$3"} -d "$2"
  else
    python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); z.extractall(sys.argv[2], [m for m in z.namelist() if len(sys.argv) < 4 or m == sys.argv[3]])' "$@"
  fi
}

# ------------------------------------------------------------------------------------------
# 1. PostgreSQL
# ------------------------------------------------------------------------------------------
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT")

pg_healthy() {
  local out
  out="$(PGPASSWORD="$PG_SUPERUSER_PASSWORD" PGCONNECT_TIMEOUT=2 "${PSQL[@]}" -U "$PG_SUPERUSER" -d postgres -tAc 'select 1' 2>/dev/null)" || return 1
  [[ "$out" == 1 ]]
}

pg_install() {
  if [[ -x "$PG_HOME/bin/postgres" && "$(cat "$PG_HOME/.version" 2>/dev/null)" == "$PG_VERSION" ]]; then return; fi
  local jar tmp
  jar="$(fetch_artifact "$PG_ARTIFACT:$PG_VERSION:jar")"
  tmp="$(mktemp -d "$STACK_DIR/pgsql.XXXX")"
  unzip_to "$jar" "$tmp" postgres-linux-x86_64.txz
  tar -xJf "$tmp/postgres-linux-x86_64.txz" -C "$tmp"
  rm -f "$tmp/postgres-linux-x86_64.txz" "$jar"   # the jar stays in ~/.m2
  echo "$PG_VERSION" >"$tmp/.version"
  chmod -R a+rX "$tmp"
  rm -rf "$PG_HOME"
  mv "$tmp" "$PG_HOME"
  info "PostgreSQL $PG_VERSION unpacked to ${PG_HOME#"$ROOT_DIR"/}"
}

pg_init() {
  [[ -s "$PG_DATA/PG_VERSION" ]] && return
  if [[ "$(id -u)" == 0 ]] && ! as_pg_user test -x "$PG_HOME/bin/postgres"; then
    die "uid $PG_UID cannot reach $PG_HOME (a parent directory is not world-executable); move the checkout or set PG_UID"
  fi
  rm -rf "$PG_DATA"
  mkdir -p "$PG_DATA"
  chmod 700 "$PG_DATA"
  local pw="$STACK_DIR/.pg-pw"
  (umask 077; printf '%s\n' "$PG_SUPERUSER_PASSWORD" >"$pw")
  if [[ "$(id -u)" == 0 ]]; then chown "$PG_UID:$PG_GID" "$PG_DATA" "$pw"; fi
  info "initdb (UTF8, locale C, scram-sha-256)"
  (cd "$STACK_DIR" && as_pg_user env LC_ALL=C "$PG_HOME/bin/initdb" -D "$PG_DATA" -U "$PG_SUPERUSER" \
     --pwfile="$pw" -A scram-sha-256 -E UTF8 --locale=C --no-instructions) >>"$LOG_DIR/postgres-initdb.log" 2>&1 \
    || { rm -f "$pw"; tail -n 20 "$LOG_DIR/postgres-initdb.log" >&2; die "initdb failed"; }
  rm -f "$pw"
  cat >>"$PG_DATA/postgresql.conf" <<EOF

# --- OneWindow local stack ---
listen_addresses = '$PG_HOST'
port = $PG_PORT
unix_socket_directories = ''
password_encryption = scram-sha-256
max_connections = 200
shared_buffers = 128MB
timezone = 'UTC'
log_timezone = 'UTC'
EOF
  # only loopback TCP with a password (initdb -A already wrote scram lines; be explicit)
  cat >"$PG_DATA/pg_hba.conf" <<EOF
# TYPE  DATABASE  USER  ADDRESS        METHOD
host    all       all   127.0.0.1/32   scram-sha-256
EOF
  if [[ "$(id -u)" == 0 ]]; then chown "$PG_UID:$PG_GID" "$PG_DATA/postgresql.conf" "$PG_DATA/pg_hba.conf"; fi
}

pg_start() {
  local pid
  if pid="$(live_pid postgres)" && pg_healthy; then ok "already running (pid $pid)"; return; fi
  need_free_port postgres "$PG_HOST" "$PG_PORT"
  pg_install
  pg_init
  local logfile="$LOG_DIR/postgres.log"
  touch "$logfile"
  if [[ "$(id -u)" == 0 ]]; then chown "$PG_UID:$PG_GID" "$logfile"; fi
  # given on the command line so that a cluster made before a setting gets it too:
  # - commit timestamps let the benchmark harness measure commit -> event on Kafka (infra/bench);
  # - WAL room for the intake's write rate: with the default 1 GB, at ~100 intakes/s a checkpoint
  #   started every 1.5-2 min for WAL volume, and each start writes every page's first change as a
  #   full page image again (docs/performance.md, run 12)
  (cd "$STACK_DIR" && as_pg_user env LC_ALL=C "$PG_HOME/bin/pg_ctl" -D "$PG_DATA" -l "$logfile" \
     -o "-c track_commit_timestamp=on -c max_wal_size=$PG_MAX_WAL_SIZE -c checkpoint_timeout=$PG_CHECKPOINT_TIMEOUT" \
     -w -t "$PG_START_TIMEOUT" start) >/dev/null 2>&1 9>&- \
    || { tail -n 30 "$logfile" >&2; die "PostgreSQL did not start (log: $logfile)"; }
  head -n 1 "$PG_DATA/postmaster.pid" >"$(pidfile postgres)"
  wait_for PostgreSQL "$PG_START_TIMEOUT" "$(<"$(pidfile postgres)")" "$logfile" pg_healthy
}

pg_password() { # role -> password from env <ROLE>_PASSWORD, default the role name
  local var; var="$(tr '[:lower:]-' '[:upper:]_' <<<"$1")_PASSWORD"
  echo "${!var:-$1}"
}

pg_provision() {
  local db owner app
  for db in $SERVICES keycloak; do
    [[ "$db" =~ ^[a-z_][a-z0-9_]*$ ]] || die "SERVICES: '$db' is not a valid database name"
    owner="${db}_owner"; app="${db}_app"
    PGPASSWORD="$PG_SUPERUSER_PASSWORD" "${PSQL[@]}" -U "$PG_SUPERUSER" -d postgres \
      -v db="$db" -v owner="$owner" -v app="$app" \
      -v owner_pw="$(pg_password "$owner")" -v app_pw="$(pg_password "$app")" <<'SQL' >>"$LOG_DIR/postgres-provision.log" 2>&1 \
      || { tail -n 20 "$LOG_DIR/postgres-provision.log" >&2; die "provisioning database $db failed"; }
SELECT format('CREATE ROLE %I LOGIN', :'owner') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'owner') \gexec
ALTER ROLE :"owner" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'owner_pw';
SELECT format('CREATE ROLE %I LOGIN', :'app') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app') \gexec
ALTER ROLE :"app" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_pw';
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L LC_COLLATE %L LC_CTYPE %L TEMPLATE template0', :'db', :'owner', 'UTF8', 'C', 'C')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
ALTER DATABASE :"db" OWNER TO :"owner";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"app";
\connect :"db"
-- the owner owns schema public (pg_database_owner) and runs the migrations;
-- the app role reads and writes what the owner creates, and creates nothing itself
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" GRANT USAGE ON SCHEMAS TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" GRANT EXECUTE ON FUNCTIONS TO :"app";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app";
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO :"app";
SQL
  done
  ok "databases: $SERVICES keycloak (roles <db>_owner, <db>_app)"
}

pg_stop() {
  local pid
  if pid="$(live_pid postgres)"; then
    (cd "$STACK_DIR" && as_pg_user "$PG_HOME/bin/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop) >/dev/null 2>&1 || true
    kill_recorded postgres
  else
    rm -f "$(pidfile postgres)"
  fi
}

# ------------------------------------------------------------------------------------------
# 2. Kafka
# ------------------------------------------------------------------------------------------
kafka_java() { # main-class args...   (tools: quiet logging)
  "$JAVA_BIN" -Xmx256m -XX:TieredStopAtLevel=1 -Dlog4j.configuration="file:$KAFKA_HOME/tools-log4j.properties" \
    -cp "$KAFKA_HOME/libs/*" "$@"
}

kafka_healthy() {
  port_open "$KAFKA_HOST" "$KAFKA_PORT" || return 1
  local out
  out="$(kafka_java org.apache.kafka.tools.ClusterTool cluster-id --bootstrap-server "$KAFKA_HOST:$KAFKA_PORT" 2>/dev/null)" || return 1
  [[ "$out" == *"$KAFKA_CLUSTER_ID"* ]]
}

kafka_install() {
  if [[ -s "$KAFKA_HOME/libs/kafka_2.13-$KAFKA_VERSION.jar" ]]; then return; fi
  info "resolving Kafka $KAFKA_VERSION and its runtime dependencies"
  rm -rf "$KAFKA_HOME/libs"
  mkdir -p "$KAFKA_HOME/libs"
  mvn_run "Kafka classpath" -f "$INFRA_DIR/stack/kafka.xml" dependency:copy-dependencies \
    -Dkafka.version="$KAFKA_VERSION" -DoutputDirectory="$KAFKA_HOME/libs"
  [[ -s "$KAFKA_HOME/libs/kafka_2.13-$KAFKA_VERSION.jar" ]] || die "Kafka jars missing after download"
  info "$(find "$KAFKA_HOME/libs" -name '*.jar' | wc -l) jars in ${KAFKA_HOME#"$ROOT_DIR"/}/libs"
}

kafka_configure() {
  mkdir -p "$KAFKA_HOME/data"
  cat >"$KAFKA_HOME/server.properties" <<EOF
# generated by infra/stack.sh from infra/stack.env
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,CONTROLLER://$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_HOME/data
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=2
log.retention.hours=168
EOF
  cat >"$KAFKA_HOME/log4j.properties" <<'EOF'
log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka=INFO
log4j.logger.org.apache.kafka=INFO
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
EOF
  cat >"$KAFKA_HOME/tools-log4j.properties" <<'EOF'
log4j.rootLogger=WARN, stderr
log4j.appender.stderr=org.apache.log4j.ConsoleAppender
log4j.appender.stderr.layout=org.apache.log4j.PatternLayout
log4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.appender.stderr.Target=System.err
EOF
  if [[ ! -s "$KAFKA_HOME/data/meta.properties" ]]; then
    info "formatting KRaft storage (cluster id $KAFKA_CLUSTER_ID)"
    kafka_java kafka.tools.StorageTool format -t "$KAFKA_CLUSTER_ID" -c "$KAFKA_HOME/server.properties" \
      --ignore-formatted >>"$LOG_DIR/kafka-format.log" 2>&1 \
      || { tail -n 20 "$LOG_DIR/kafka-format.log" >&2; die "Kafka storage format failed"; }
  fi
}

kafka_topics() {
  local t name parts
  for t in $KAFKA_TOPICS; do
    name="${t%%:*}"; parts="${t##*:}"
    kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_HOST:$KAFKA_PORT" \
      --create --if-not-exists --topic "$name" --partitions "$parts" --replication-factor 1 \
      >>"$LOG_DIR/kafka-topics.log" 2>&1 || { tail -n 20 "$LOG_DIR/kafka-topics.log" >&2; die "creating topic $name failed"; }
  done
  ok "topics: $(kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_HOST:$KAFKA_PORT" --list 2>/dev/null | grep -v '^__' | paste -sd' ')"
}

kafka_start() {
  local pid logfile="$LOG_DIR/kafka.log"
  if pid="$(live_pid kafka)" && kafka_healthy; then ok "already running (pid $pid)"; kafka_topics; return; fi
  if ! pid="$(live_pid kafka)"; then
    need_free_port kafka "$KAFKA_HOST" "$KAFKA_PORT"
    need_free_port kafka "$KAFKA_HOST" "$KAFKA_CONTROLLER_PORT"
    kafka_install
    kafka_configure
    # shellcheck disable=SC2086
    spawn kafka "$logfile" "$JAVA_BIN" $KAFKA_HEAP -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
      -Dlog4j.configuration="file:$KAFKA_HOME/log4j.properties" -Dkafka.logs.dir="$LOG_DIR" \
      -cp "$KAFKA_HOME/libs/*" kafka.Kafka "$KAFKA_HOME/server.properties"
  fi
  wait_for Kafka "$KAFKA_START_TIMEOUT" "$(live_pid kafka || true)" "$logfile" kafka_healthy
  kafka_topics
}

# ------------------------------------------------------------------------------------------
# 3. Keycloak
# ------------------------------------------------------------------------------------------
kc_url() { echo "http://localhost:$KEYCLOAK_PORT"; }

kc_healthy() {
  curl -fsS -m 3 -o /dev/null "$(kc_url)/realms/$KEYCLOAK_REALM/.well-known/openid-configuration"
}

java_major() { # java binary -> major version
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ { print $2; exit }'
}

kc_java_home() {
  local h v
  for h in "$KEYCLOAK_JAVA_HOME" $(printf '%s\n' /usr/lib/jvm/*/ | sort -rV); do
    h="${h%/}"
    [[ -x "$h/bin/java" ]] || continue
    v="$(java_major "$h/bin/java")"
    if [[ "$v" =~ ^[0-9]+$ ]] && (( v >= 21 )); then echo "$h"; return; fi
  done
  return 1
}

kc_install() {
  if [[ -x "$KC_HOME/bin/kc.sh" ]] && grep -qF "$KEYCLOAK_VERSION" "$KC_HOME/version.txt" 2>/dev/null; then return; fi
  local zip tmp
  zip="$(fetch_artifact "org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip")"
  tmp="$(mktemp -d "$STACK_DIR/keycloak.XXXX")"
  unzip_to "$zip" "$tmp"
  rm -rf "$KC_HOME"
  mv "$tmp/keycloak-$KEYCLOAK_VERSION" "$KC_HOME"
  rm -rf "$tmp" "$zip"   # the zip stays in ~/.m2
  info "Keycloak $KEYCLOAK_VERSION unpacked to ${KC_HOME#"$ROOT_DIR"/}"
}

# import the realm file; when it changed since the last import, start from an empty database
# so that `--import-realm` (which skips an existing realm) picks the change up
kc_realm() {
  [[ -s "$REALM_FILE" ]] || die "realm file $REALM_FILE missing"
  local sum old
  sum="$(sha256sum "$REALM_FILE" | cut -d' ' -f1)"
  old="$(cat "$KC_HOME/data/.realm.sha256" 2>/dev/null || true)"
  mkdir -p "$KC_HOME/data/import"
  cp "$REALM_FILE" "$KC_HOME/data/import/"
  if [[ -n "$old" && "$old" != "$sum" ]]; then
    info "realm file changed: resetting the Keycloak database to re-import it"
    if [[ "$KEYCLOAK_DB" == postgres ]]; then
      PGPASSWORD="$PG_SUPERUSER_PASSWORD" "${PSQL[@]}" -U "$PG_SUPERUSER" -d keycloak -c 'DROP OWNED BY keycloak_owner CASCADE' >/dev/null
    else
      rm -rf "$KC_HOME/data/h2"
    fi
  fi
  echo "$sum" >"$KC_HOME/data/.realm.sha256"
}

kc_start() {
  local pid logfile="$LOG_DIR/keycloak.log"
  if pid="$(live_pid keycloak)" && kc_healthy; then
    ok "already running (pid $pid)"
    if [[ "$(sha256sum "$REALM_FILE" | cut -d' ' -f1)" != "$(cat "$KC_HOME/data/.realm.sha256" 2>/dev/null)" ]]; then
      warn "${REALM_FILE#"$ROOT_DIR"/} changed since the import: ./infra/stack.sh down keycloak && ./infra/stack.sh up"
    fi
    return
  fi
  if ! pid="$(live_pid keycloak)"; then
    need_free_port keycloak 127.0.0.1 "$KEYCLOAK_PORT"
    local jh; jh="$(kc_java_home)" || die "Keycloak $KEYCLOAK_VERSION needs a JDK >= 21 (looked at $KEYCLOAK_JAVA_HOME and /usr/lib/jvm/*)"
    kc_install
    kc_realm
    local db_env=(KC_DB=dev-file)
    if [[ "$KEYCLOAK_DB" == postgres ]]; then
      db_env=(KC_DB=postgres "KC_DB_URL=jdbc:postgresql://$PG_HOST:$PG_PORT/keycloak"
              KC_DB_USERNAME=keycloak_owner "KC_DB_PASSWORD=$(pg_password keycloak_owner)")
    fi
    info "JDK: $jh"
    spawn keycloak "$logfile" env JAVA_HOME="$jh" JAVA_OPTS_KC_HEAP="$KEYCLOAK_HEAP" \
      KC_BOOTSTRAP_ADMIN_USERNAME="$KEYCLOAK_ADMIN_USER" KC_BOOTSTRAP_ADMIN_PASSWORD="$KEYCLOAK_ADMIN_PASSWORD" \
      "${db_env[@]}" \
      "$KC_HOME/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" \
      --hostname="$(kc_url)" --import-realm --health-enabled=true
  fi
  wait_for Keycloak "$KEYCLOAK_START_TIMEOUT" "$(live_pid keycloak || true)" "$logfile" kc_healthy
}

# ------------------------------------------------------------------------------------------
# 4. WireMock
# ------------------------------------------------------------------------------------------
wm_url() { echo "http://127.0.0.1:$WIREMOCK_PORT"; }
wm_healthy() { local out; out="$(curl -fsS -m 3 "$(wm_url)/__admin/health" 2>/dev/null)" && [[ "$out" == *healthy* ]]; }

wm_start() {
  local pid logfile="$LOG_DIR/wiremock.log"
  if pid="$(live_pid wiremock)" && wm_healthy; then ok "already running (pid $pid)"; return; fi
  if ! pid="$(live_pid wiremock)"; then
    need_free_port wiremock 127.0.0.1 "$WIREMOCK_PORT"
    [[ -s "$WM_JAR" ]] || fetch_artifact "org.wiremock:wiremock-standalone:$WIREMOCK_VERSION:jar" >/dev/null
    mkdir -p "$INFRA_DIR/wiremock/mappings" "$INFRA_DIR/wiremock/__files"
    # shellcheck disable=SC2086
    spawn wiremock "$logfile" "$JAVA_BIN" $WIREMOCK_HEAP -XX:+UseSerialGC -jar "$WM_JAR" \
      --port "$WIREMOCK_PORT" --bind-address 127.0.0.1 --root-dir "$INFRA_DIR/wiremock" \
      --disable-banner --global-response-templating
  fi
  wait_for WireMock "$WIREMOCK_START_TIMEOUT" "$(live_pid wiremock || true)" "$logfile" wm_healthy
  ok "$(curl -fsS "$(wm_url)/__admin/mappings" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["mappings"]))') stub mappings from infra/wiremock/mappings"
}

# ------------------------------------------------------------------------------------------
# 5. product JVMs
# ------------------------------------------------------------------------------------------
app_field() { # entry index
  local IFS='|'; local -a f; read -r -a f <<<"$1"; echo "${f[$2]}"
}
app_names() { local e; for e in $APPS; do app_field "$e" 0; done; }
# apps of APPS plus any other app that has a pid file (started with another APPS)
known_apps() {
  local f n
  {
    app_names
    for f in "$RUN_DIR"/*.pid; do
      [[ -e "$f" ]] || continue
      n="$(basename "$f" .pid)"
      [[ " ${INFRA_COMPONENTS[*]} " == *" $n "* ]] || echo "$n"
    done
  } | awk '!seen[$0]++'
}
app_entry() { local e; for e in $APPS; do [[ "$(app_field "$e" 0)" == "$1" ]] && { echo "$e"; return; }; done; return 1; }

app_jar() { # name module
  local j
  for j in "$ROOT_DIR/$2/target/$1"-*.jar; do
    [[ -f "$j" ]] || continue
    case "$j" in *-plain.jar|*-sources.jar|*-javadoc.jar|*-tests.jar) continue ;; esac
    # a jar left half-written by a failed build is not a jar
    unzip -qql "$j" >/dev/null 2>&1 || continue
    echo "$j"; return
  done
  return 1
}

# a jar is stale when a source, resource or pom of the product is newer (a user's git pull)
stale_jar() { # jar
  local newer
  newer="$(cd "$ROOT_DIR" && find pom.xml services gateway workflow-models -newer "$1" \
    \( -name '*.java' -o -name '*.yaml' -o -name '*.yml' -o -name '*.bpmn' -o -name '*.sql' -o -name '*.json' -o -name 'pom.xml' \) \
    \( -path '*/src/main/*' -o -name pom.xml \) -not -path '*/target/*' -print -quit 2>/dev/null)"
  # the gateway's web console (gateway/console, built into the gateway's jar)
  [[ -n "$newer" || "$1" != "$ROOT_DIR/gateway/"* ]] || newer="$(cd "$ROOT_DIR" && find gateway/console -path gateway/console/node_modules -prune -o -type f -newer "$1" \
    \( -path 'gateway/console/src/*' -o -path 'gateway/console/public/*' -o -name package-lock.json -o -name index.html -o -name 'vite.config.ts' \) \
    -print -quit 2>/dev/null)"
  [[ -n "$newer" ]]
}

# every app serves actuator (health, the Prometheus scrape) on a management port of its own, its
# port + MANAGEMENT_PORT_OFFSET: the scrape needs no token there (docs/operations.md)
mgmt_port() { echo $(($1 + MANAGEMENT_PORT_OFFSET)); }
app_healthy() { # port
  local out
  out="$(curl -fsS -m 3 "http://127.0.0.1:$(mgmt_port "$1")/actuator/health" 2>/dev/null)" || return 1
  [[ "$out" =~ \"status\"[[:space:]]*:[[:space:]]*\"UP\" ]]
}

apps_build_missing() {
  local e name module missing=()
  for e in $APPS; do
    name="$(app_field "$e" 0)"; module="$(app_field "$e" 1)"
    [[ -f "$ROOT_DIR/$module/pom.xml" ]] || continue
    live_pid "$name" >/dev/null && continue
    local jar
    if ! jar="$(app_jar "$name" "$module")"; then
      missing+=("$module")
    elif stale_jar "$jar"; then
      info "$name: sources changed since $(basename "$jar") was built; rebuilding"
      missing+=("$module")
    fi
  done
  ((${#missing[@]})) || return 0
  log "building ${missing[*]} (mvn -DskipTests package; log: ${LOG_DIR#"$ROOT_DIR"/}/maven.log)"
  local t0; t0="$(now)"
  # forceCreation: the jar plugin skips a jar whose own classes did not change, and Spring Boot then
  # keeps the fat jar it finds, with the old kernel inside; a rebuilt jar must hold the new one
  (cd "$ROOT_DIR" && mvn_run "build ${missing[*]}" -DskipTests -Dmaven.jar.forceCreation=true package \
    -pl "$(IFS=,; echo "${missing[*]}")" -am)
  info "built in $(elapsed "$t0")s"
}

app_start() { # entry
  local name module port db jar pid logfile
  name="$(app_field "$1" 0)"; module="$(app_field "$1" 1)"; port="$(app_field "$1" 2)"; db="$(app_field "$1" 3)"
  logfile="$LOG_DIR/$name.log"
  if [[ ! -f "$ROOT_DIR/$module/pom.xml" ]]; then info "$name: module $module not written yet, skipped"; return; fi
  if pid="$(live_pid "$name")" && app_healthy "$port"; then ok "$name already running (pid $pid)"; return; fi
  if ! pid="$(live_pid "$name")"; then
    need_free_port "$name" 127.0.0.1 "$port"
    jar="$(app_jar "$name" "$module")" || die "$name: no jar in $module/target after the build"
    need_free_port "$name (management)" 127.0.0.1 "$(mgmt_port "$port")"
    local env=(SPRING_PROFILES_ACTIVE=local SERVER_PORT="$port" MANAGEMENT_SERVER_PORT="$(mgmt_port "$port")"
      ONEWINDOW_ISSUER_URI="$(kc_url)/realms/$KEYCLOAK_REALM"
      ONEWINDOW_KAFKA_BOOTSTRAP="$KAFKA_HOST:$KAFKA_PORT"
      ONEWINDOW_WIREMOCK_URL="$(wm_url)")
    if [[ "$db" != "-" && -n "$db" ]]; then
      env+=(ONEWINDOW_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$db"
        ONEWINDOW_DB_APP_USER="${db}_app" ONEWINDOW_DB_APP_PASSWORD="$(pg_password "${db}_app")"
        ONEWINDOW_DB_OWNER_USER="${db}_owner" ONEWINDOW_DB_OWNER_PASSWORD="$(pg_password "${db}_owner")")
    fi
    info "$name: ${jar#"$ROOT_DIR"/} on port $port"
    # every collection with its pause, wall clock first: a stall seen by a client is matched
    # against the JVMs' pauses (two files of 10 MB at most per app)
    local gc_log="-Xlog:gc:file=$LOG_DIR/$name-gc.log:time,uptime:filecount=2,filesize=10m"
    # shellcheck disable=SC2086
    spawn "$name" "$logfile" env "${env[@]}" "$JAVA_BIN" $APP_JAVA_OPTS "$gc_log" -jar "$jar"
  fi
  wait_for "$name" "$APP_HEALTH_TIMEOUT" "$(live_pid "$name" || true)" "$logfile" app_healthy "$port"
  ok "$name UP on http://localhost:$port"
}

# ------------------------------------------------------------------------------------------
# stop
# ------------------------------------------------------------------------------------------
kill_recorded() { # component: TERM its recorded pid (and its process group, which setsid made it lead), then KILL
  local name="$1" pid pgid
  if ! pid="$(live_pid "$name")"; then rm -f "$(pidfile "$name")"; return; fi
  pgid="$(ps -o pgid= -p "$pid" | tr -d ' ')"
  if [[ "$pgid" == "$pid" ]]; then kill -TERM -- "-$pid" 2>/dev/null || true; else kill -TERM "$pid" 2>/dev/null || true; fi
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    warn "$name (pid $pid) ignored TERM for 30s; killing it"
    if [[ "$pgid" == "$pid" ]]; then kill -KILL -- "-$pid" 2>/dev/null || true; else kill -KILL "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$(pidfile "$name")"
}

stop_component() {
  local name="$1" pid
  if pid="$(live_pid "$name")"; then
    log "stopping $name (pid $pid)"
    if [[ "$name" == postgres ]]; then pg_stop; else kill_recorded "$name"; fi
  else
    rm -f "$(pidfile "$name")"
    info "$name: not running"
  fi
}

# ------------------------------------------------------------------------------------------
# reports
# ------------------------------------------------------------------------------------------
healthy() { # component
  case "$1" in
    postgres) pg_healthy ;;
    kafka) kafka_healthy ;;
    keycloak) kc_healthy ;;
    wiremock) wm_healthy ;;
    *) local e; e="$(app_entry "$1")" && app_healthy "$(app_field "$e" 2)" ;;
  esac
}

endpoint() {
  case "$1" in
    postgres) echo "postgresql://$PG_HOST:$PG_PORT (databases: $SERVICES keycloak)" ;;
    kafka) echo "$KAFKA_HOST:$KAFKA_PORT (controller $KAFKA_CONTROLLER_PORT)" ;;
    keycloak) echo "$(kc_url)/admin  (realm $KEYCLOAK_REALM; admin $KEYCLOAK_ADMIN_USER/$KEYCLOAK_ADMIN_PASSWORD)" ;;
    wiremock) echo "$(wm_url)/__admin/mappings" ;;
    *) local e; if e="$(app_entry "$1")"; then echo "http://localhost:$(app_field "$e" 2)"; else echo "(not in APPS)"; fi ;;
  esac
}

print_users() {
  python3 - "$REALM_FILE" <<'PY'
import json, sys
realm = json.load(open(sys.argv[1]))
rows = [("user", "password", "role", "jurisdiction", "department", "uscc")]
for u in realm["users"]:
    a = u.get("attributes", {})
    role = ",".join(r for r in u.get("realmRoles", []) if not r.startswith("default-roles"))
    rows.append((u["username"], "demo", role, a.get("jurisdiction", [""])[0],
                 a.get("department", ["-"])[0], a.get("uscc", ["-"])[0]))
w = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
for n, r in enumerate(rows):
    print("    " + "  ".join(c.ljust(w[i]) for i, c in enumerate(r)).rstrip())
    if n == 0:
        print("    " + "  ".join("-" * x for x in w))
PY
}

status() {
  local name pid rss total=0 state
  printf '    %-20s %-8s %-9s %-9s %s\n' component pid state rss endpoint
  for name in "${INFRA_COMPONENTS[@]}" $(known_apps); do
    if pid="$(live_pid "$name")"; then
      rss="$(rss_tree "$pid")"; total=$((total + rss))
      if [[ " ${INFRA_COMPONENTS[*]} " != *" $name "* ]] && ! app_entry "$name" >/dev/null; then state=running
      elif healthy "$name"; then state="${G}healthy${N}"; else state="${Y}starting${N}"; fi
      printf '    %-20s %-8s %-9s %-9s %s\n' "$name" "$pid" "$state" "$(fmt_mib "$rss")" "$(endpoint "$name")"
    else
      printf '    %-20s %-8s %-9s %-9s %s\n' "$name" - stopped - "$(endpoint "$name")"
    fi
  done
  printf '    %-20s %-8s %-9s %s\n' "total RSS" "" "" "$(fmt_mib "$total")"
}

# ------------------------------------------------------------------------------------------
# commands
# ------------------------------------------------------------------------------------------
with_lock() {
  mkdir -p "$RUN_DIR" "$LOG_DIR" "$DL_DIR"
  exec 9>"$RUN_DIR/stack.lock"
  flock -n 9 || { info "another stack.sh is running; waiting for it"; flock 9; }
}

step() { # label function args...
  local label="$1" t0; t0="$(now)"; shift
  log "$label"
  "$@"
  TIMES+=("$label: $(elapsed "$t0")s")
  info "(${TIMES[-1]})"
}

cmd_up() {
  with_lock
  ensure_tools
  local t0; t0="$(now)"
  TIMES=()
  step "PostgreSQL $PG_VERSION" pg_up
  step "Kafka $KAFKA_VERSION" kafka_start
  step "Keycloak $KEYCLOAK_VERSION" kc_start
  step "WireMock $WIREMOCK_VERSION" wm_start
  if [[ "${ONEWINDOW_SKIP_APPS:-0}" == 1 ]]; then
    log "product JVMs skipped (ONEWINDOW_SKIP_APPS=1): $(app_names | paste -sd' ')"
  else
    apps_build_missing
    local e
    for e in $APPS; do step "app $(app_field "$e" 0)" app_start "$e"; done
  fi
  log "OneWindow local stack is up in $(elapsed "$t0")s"
  printf '    %s\n' "${TIMES[@]}"
  status
  log "demo logins (realm $KEYCLOAK_REALM, client onewindow-cli, password grant):"
  print_users
  info "a token: ./infra/check-token.sh [user] [password]; its claims: ./infra/check-token.sh --claims [user] [password]"
  info "logs: ${LOG_DIR#"$ROOT_DIR"/}/   stop: ./infra/stack.sh down"
  if [[ "${ONEWINDOW_SKIP_APPS:-0}" != 1 ]] && app_entry gateway >/dev/null; then
    log "web console (一窗通办): http://localhost:$(app_field "$(app_entry gateway)" 2)/ (e.g. fc-clerk / demo)"
  fi
}

pg_up() { pg_start; pg_provision; }

cmd_down() {
  with_lock
  local targets=("$@") name
  if ((${#targets[@]} == 0)); then
    mapfile -t targets < <(known_apps | tac; printf '%s\n' wiremock keycloak kafka postgres)
  fi
  for name in "${targets[@]}"; do stop_component "$name"; done
  log "stopped"
}

usage() { sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

main() {
  local cmd="${1:-}"; shift || true
  case "$cmd" in
    up) cmd_up ;;
    down) cmd_down "$@" ;;
    status) mkdir -p "$RUN_DIR"; status ;;
    logs) [[ -n "${1:-}" ]] || die "usage: stack.sh logs <component>"; tail -n 100 -F "$LOG_DIR/$1.log" ;;
    users) print_users ;;
    -h|--help|help|"") usage ;;
    *) usage; exit 2 ;;
  esac
}

main "$@"
