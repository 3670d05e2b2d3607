#!/usr/bin/env bash
# The fault harness (docs/reliability.md): a steady intake load on one service (SERVICE:
# enterprise-opening, the default, or construction-permit) while, one after another,
#   1. that service is killed with SIGKILL and started again,
#   2. the Kafka broker is stopped and, after KAFKA_DOWN seconds, started again,
#   3. PostgreSQL is stopped (fast shutdown) and started again;
# the load's clients retry an unanswered application with the same Idempotency-Key, as a clerk's
# client does. Then it waits for the outbox to drain, reads the topic back and reconciles
# receipts, cases, process instances, the audit trail, the outbox and Kafka (reconcile.py), and
# for construction-permit each case's project.
# Ends with one line "N passed, N failed"; exits non-zero when a check failed.
#
#   ./infra/bench/faults.sh            # 50 applications/s for 5 minutes
#   SMOKE=1 ./infra/bench/faults.sh    # the same faults, a shorter load (CI)
#   SERVICE=construction-permit SMOKE=1 ./infra/bench/faults.sh   # the construction intake
set -uo pipefail
# shellcheck source=infra/bench/lib.sh
source "$(dirname "$0")/lib.sh"

if [[ "${SMOKE:-0}" == 1 ]]; then
  : "${RATE:=10}" "${DURATION:=100}" "${FIRST_FAULT:=8}" "${GAP:=5}" "${KAFKA_DOWN:=8}" "${PG_DOWN:=3}"
fi
RATE="${RATE:-50}"
DURATION="${DURATION:-300}"
FIRST_FAULT="${FIRST_FAULT:-40}"   # s after the load starts
GAP="${GAP:-40}"                   # s of steady load between the faults
KAFKA_DOWN="${KAFKA_DOWN:-20}"
PG_DOWN="${PG_DOWN:-5}"
RETRIES="${RETRIES:-1000}"         # per application, as the answer's Retry-After asks ...
RETRY_FOR="${RETRY_FOR:-600}"      # ... for at most this many seconds after its first try
DRAIN_TIMEOUT="${DRAIN_TIMEOUT:-240}"
# SERVICE, its database DB and topic TOPIC: lib.sh

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
run="$WORK/faults-$stamp"
mkdir -p "$run"
name="faults-$stamp"; [[ "$SERVICE" == enterprise-opening ]] || name="faults-$SERVICE-$stamp"
report="$RESULTS/$name.md"
[[ "${SMOKE:-0}" == 1 ]] && report="$run/faults-smoke.md"

"$STACK" up >"$run/up.log" 2>&1 || { tail -20 "$run/up.log" >&2; echo "the local stack is not up" >&2; exit 1; }
compile_load || exit 1

events=()
note() { events+=("$(date -u +%H:%M:%S) $*"); say "$*"; }
up() { "$STACK" up >>"$run/up.log" 2>&1 || note "stack.sh up failed (see $run/up.log)"; }
since() { echo $(( $(date +%s) - t0 )); }
pg_answers() { sql postgres "SELECT 1" >/dev/null 2>&1; }
kafka_listens() { (exec 3<>"/dev/tcp/$KAFKA_HOST/$KAFKA_PORT") 2>/dev/null; }
# `stack.sh up` checks every component after the one restarted (Kafka's topics alone take 20 s
# under this load), so its end is not when the dependency came back: that moment is noted apart,
# and the recovery is measured from it (<what>-back-ms; reconcile.py reads PostgreSQL's)
up_noting_when_back() {
  local probe="$1" what="$2" starting
  up & starting=$!
  until "$probe"; do
    if ! kill -0 "$starting" 2>/dev/null; then
      "$probe" || { note "$what did not come back"; return; }
      break
    fi
    sleep 0.2
  done
  note "$what accepts connections again at +$(since) s"
  date +%s%3N >"$run/$what-back-ms"
  wait "$starting"
}

from="$(sql "$DB" "SELECT now()")"
t0=$(date +%s)
note "load on $SERVICE ($MATTERS): $RATE applications/s for $DURATION s, each retried as Retry-After asks for up to $RETRY_FOR s"
gatling IntakeSimulation "$RATE" "$DURATION" -Dretries="$RETRIES" -DretryFor="$RETRY_FOR" -Dreceipts="$run/receipts.csv" >"$run/gatling.txt" &
load=$!

sleep "$FIRST_FAULT"
pid="$(cat "$STACK_DIR/run/$SERVICE.pid" 2>/dev/null)"
note "kill -9 $SERVICE (pid $pid) at +$(since) s"
kill -9 "$pid"
sleep 2
up; note "$SERVICE healthy again at +$(since) s"

sleep "$GAP"
note "Kafka stopped at +$(since) s"
"$STACK" down kafka >>"$run/up.log" 2>&1
sleep "$KAFKA_DOWN"
up_noting_when_back kafka_listens Kafka; note "Kafka healthy again at +$(since) s"

sleep "$GAP"
note "PostgreSQL stopped at +$(since) s"
"$STACK" down postgres >>"$run/up.log" 2>&1
sleep "$PG_DOWN"
up_noting_when_back pg_answers PostgreSQL; note "PostgreSQL healthy again at +$(since) s"

(( $(since) < DURATION )) || note "the faults outlasted the load (+$(since) s > $DURATION s): raise DURATION"
wait "$load"
note "load done at +$(since) s: $(cat "$run/gatling.txt")"

# the outbox drains: stuck publications are resubmitted (OutboxHousekeeping), none is left
drained=no
for _ in $(seq 1 "$DRAIN_TIMEOUT"); do
  left="$(sql "$DB" "SELECT count(*) FROM event_publication WHERE completion_date IS NULL" 2>/dev/null || echo '?')"
  [[ "$left" == 0 ]] && { drained=yes; break; }
  sleep 1
done
note "outbox drained: $drained at +$(since) s"

# what the service stored since the load began, and what Kafka holds
export_csv() { sql "$DB" "COPY ($1) TO STDOUT WITH CSV" >"$run/$2.csv"; }
export_csv "SELECT case_number FROM case_file WHERE accepted_at >= '$from'" cases
export_csv "SELECT key, response->>'caseNumber' FROM idempotency_key WHERE created_at >= '$from'" keys
export_csv "SELECT business_key_, count(*) FROM act_hi_procinst WHERE start_time_ >= '$from' GROUP BY business_key_" instances
export_csv "SELECT subject, count(*) FROM audit_trail WHERE action = 'case.accept' AND occurred_at >= '$from' GROUP BY subject" audit
export_csv "SELECT serialized_event::json->>'id', serialized_event::json->>'type', serialized_event::json->>'subject', completion_date IS NOT NULL
             FROM event_publication WHERE publication_date >= '$from'" outbox
# a construction case joins its project in the intake's transaction: the cases' projects, and the
# projects registered since the load began with their cases
if [[ "$SERVICE" == construction-permit ]]; then
  export_csv "SELECT pc.case_number, pc.project_code FROM project_case pc JOIN case_file c USING (case_number)
               WHERE c.accepted_at >= '$from'" project_cases
  export_csv "SELECT p.project_code, count(pc.case_number) FROM project p LEFT JOIN project_case pc USING (project_code)
               WHERE p.registered_at >= '$from' GROUP BY p.project_code" projects
fi
java -Xmx256m -Dlog4j.configuration="file:$STACK_DIR/kafka/tools-log4j.properties" -cp "$STACK_DIR/kafka/libs/*" \
  org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "$KAFKA_HOST:$KAFKA_PORT" --topic "$TOPIC" \
  --from-beginning --timeout-ms 15000 >"$run/kafka.jsonl" 2>"$run/kafka.err"

{
  echo "# Fault run $stamp: $SERVICE"
  echo
  echo "- machine: $(machine)"
  echo "- service: $SERVICE (database $DB, topic $TOPIC); killed with SIGKILL first"
  echo "- load: $RATE applications/s for $DURATION s through the gateway ($MATTERS; real Keycloak tokens), each retried with its Idempotency-Key after the answer's Retry-After (+0–50 % at random) for up to $RETRY_FOR s"
  echo "- command: \`SERVICE=$SERVICE RATE=$RATE DURATION=$DURATION FIRST_FAULT=$FIRST_FAULT GAP=$GAP KAFKA_DOWN=$KAFKA_DOWN PG_DOWN=$PG_DOWN ./infra/bench/faults.sh\`"
  echo
  echo "## What happened"
  echo
  printf -- '- %s\n' "${events[@]}"
  echo
  echo "## Reconciliation"
  echo
  echo '```'
} >"$report"
say "report: ${report#"$ROOT"/}"
# the verdict line "N passed, N failed" is the last thing this script prints
python3 "$BENCH_DIR/reconcile.py" "$run" "$SERVICE" >"$run/verdict.txt"
verdict=$?
cat "$run/verdict.txt" >>"$report"
echo '```' >>"$report"
cat "$run/verdict.txt"
exit "$verdict"
