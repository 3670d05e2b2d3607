#!/usr/bin/env bash
# 交房即办证 across two services (docs/reliability.md, docs/property-registration.md):
#   1. steady: COUNT construction.completion-accepted announcements at RATE/s on
#      construction-permit's topic (as its outbox sends them; every 10th delivered twice, every
#      25th project announced again under a new id); the time from each event to its units being
#      ready in property-registration, p50/p95/p99;
#   2. the same again while the Kafka broker is stopped for KAFKA_DOWN s and started again;
#   3. a real joint completion acceptance (LC CP-9) through the gateway whose last decision is taken
#      while the broker is down: construction-permit's outbox holds the event until the broker is
#      back, then property-registration makes the units ready, once;
# then reconciles: every project ready exactly once with all its units, one inbox row per event
# id, each re-announcement audited and without effect, nothing dead-lettered.
# Ends with "N passed, N failed"; the report goes to infra/bench/results/handover-<stamp>.md.
#
#   ./infra/bench/handover.sh           # 600 + 600 announcements at 20/s
#   SMOKE=1 ./infra/bench/handover.sh   # 60 + 100 at 10/s (CI)
set -uo pipefail
SERVICE=property-registration
# shellcheck source=infra/bench/lib.sh
source "$(dirname "$0")/lib.sh"
# shellcheck source=infra/check-lib.sh
source "$ROOT/infra/check-lib.sh"

if [[ "${SMOKE:-0}" == 1 ]]; then
  : "${COUNT:=60}" "${FAULT_COUNT:=100}" "${RATE:=10}" "${KAFKA_DOWN:=8}"
fi
COUNT="${COUNT:-600}"
FAULT_COUNT="${FAULT_COUNT:-600}"
RATE="${RATE:-20}"
KAFKA_DOWN="${KAFKA_DOWN:-15}"
DRAIN_TIMEOUT="${DRAIN_TIMEOUT:-240}"
CP_TOPIC=onewindow.construction-permit.case-events
DLT="$CP_TOPIC.property-registration.completion-accepted.dlt"
UNITS_PER_PROJECT=40 # CompletionEvents: two buildings of 20

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
run="$WORK/handover-$stamp"
mkdir -p "$run"
report="$RESULTS/handover-$stamp.md"
[[ "${SMOKE:-0}" == 1 ]] && report="$run/handover-smoke.md"

"$STACK" up >"$run/up.log" 2>&1 || { tail -20 "$run/up.log" >&2; echo "the local stack is not up" >&2; exit 1; }
events=()
note() { events+=("$(date -u +%H:%M:%S) $*"); say "$*"; }
kafka_java() { java -Xmx256m -Dlog4j.configuration="file:$STACK_DIR/kafka/tools-log4j.properties" -cp "$STACK_DIR/kafka/libs/*" "$@"; }
inject() { # FIRST_SERIAL COUNT CSV
  kafka_java "$BENCH_DIR/CompletionEvents.java" "$KAFKA_HOST:$KAFKA_PORT" "$CP_TOPIC" LC 371502 "$1" "$2" "$RATE" "$3"
}
dead_letters() {
  kafka_java org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "$KAFKA_HOST:$KAFKA_PORT" \
    --topic "$DLT" --from-beginning --timeout-ms 8000 2>/dev/null | wc -l
}
in_range() { echo "project_code BETWEEN '2026-371502-47-99-$(printf %06d "$1")' AND '2026-371502-47-99-$(printf %06d "$2")'"; }

first=$(( 100000 + RANDOM * 20 ))
last=$(( first + COUNT + FAULT_COUNT - 1 ))
letters_before="$(dead_letters)"

note "steady: $COUNT announcements at $RATE/s (projects from serial $first)"
inject "$first" "$COUNT" "$run/steady.csv" 2>"$run/steady.err" || bad "injecting the steady announcements: $(tail -3 "$run/steady.err")"

note "with a broker restart: $FAULT_COUNT announcements at $RATE/s"
inject $(( first + COUNT )) "$FAULT_COUNT" "$run/fault.csv" 2>"$run/fault.err" &
injector=$!
sleep 3
note "Kafka stopped"
down_at=$(date +%s)
"$STACK" down kafka >>"$run/up.log" 2>&1
sleep "$KAFKA_DOWN"
"$STACK" up >>"$run/up.log" 2>&1 || note "stack.sh up failed (see $run/up.log)"
outage=$(( $(date +%s) - down_at ))
note "Kafka healthy again, $outage s after it was stopped"
wait "$injector" || bad "injecting during the restart: $(tail -3 "$run/fault.err")"

note "a real acceptance (LC CP-9) whose announcement waits in construction-permit's outbox"
USCC=91110105MA01FC010D APPLICANT_NAME=示例置业有限公司
declare -A T
for u in lc-clerk lc-registrar lc-builder lc-planner lc-land lc-fire lc-air-defence lc-archivist; do T[$u]="$(token "$u")"; done
P="$(project_code 371502)"
SERVICE=construction-permit
call POST /api/v1/applications "${T[lc-clerk]}" "$(guide_application LC CP-9 "{\"projectCode\":\"$P\",\"projectName\":\"柳园新居三期\",\"projectCategory\":\"social-building\",\"floorAreaM2\":9000,\"investmentCny10k\":4000,\"landParcel\":\"LC-2026-078\",\"buildings\":[{\"building\":\"1号楼\",\"units\":30}]}")"
CP_CASE="$(echo "$BODY" | json 'd.get("caseNumber", "")' 2>/dev/null)"
[[ -n "$CP_CASE" ]] || bad "CP-9 not accepted: $STATUS $BODY"
lc_acceptance_checks "$CP_CASE"
opinion="$(task_of "${T[lc-builder]}" "$CP_CASE" acceptance-opinion)"
"$STACK" down kafka >>"$run/up.log" 2>&1
note "Kafka stopped; the acceptance opinion of $CP_CASE is given"
call POST "/api/v1/construction-permit/tasks/$opinion/complete" "${T[lc-builder]}" '{"decision":"APPROVED","comment":"符合要求"}'
[[ "$STATUS" == 204 ]] && ok "the acceptance decided while the broker is down" || bad "opinion: $STATUS $BODY"
sleep "$KAFKA_DOWN"
"$STACK" up >>"$run/up.log" 2>&1
note "Kafka healthy again"
SERVICE=property-registration
units_ready "$P" "${T[lc-registrar]}" 240
ready="$READY"
if [[ -n "$ready" ]]; then
  ok "$P ready here $(echo "$ready" | json 'd["unitsReady"]') units, $(python3 -c "
from datetime import datetime; import sys
a, b = (datetime.fromisoformat(x) for x in sys.argv[1:])
print(f'{(b - a).total_seconds():.1f} s')" "$(echo "$ready" | json 'd["announcedAt"]')" "$(echo "$ready" | json 'd["unitsReadyAt"]')") after the acceptance (the broker was down for $KAFKA_DOWN s)"
else
  bad "$P never became ready after the broker restart"
fi
[[ "$(sql property_registration "SELECT count(*) FROM completed_project WHERE project_code = '$P'")" == 1 \
   && "$(sql property_registration "SELECT count(*) FROM property_unit WHERE project_code = '$P'")" == 30 ]] \
  && ok "$P recorded once, with its 30 units" || bad "$P recorded $(sql property_registration "SELECT count(*) FROM completed_project WHERE project_code = '$P'") times"
[[ "$(sql construction_permit "SELECT count(*) FROM event_publication WHERE completion_date IS NULL")" == 0 ]] \
  && ok "construction-permit's outbox drained" || bad "construction-permit's outbox still holds events"

note "waiting for the announcements to be handled (at most $DRAIN_TIMEOUT s)"
expected=$(( COUNT + FAULT_COUNT ))
deadline=$(( $(date +%s) + DRAIN_TIMEOUT ))
while (( $(date +%s) < deadline )); do
  got="$(sql property_registration "SELECT count(*) FROM completed_project WHERE $(in_range "$first" "$last")")"
  [[ "$got" == "$expected" ]] && break
  sleep 2
done
ids="$(cut -d, -f2 "$run/steady.csv" "$run/fault.csv" | sort -u | sed "s/.*/'&'/" | paste -sd,)"
distinct_ids="$(cut -d, -f2 "$run/steady.csv" "$run/fault.csv" | sort -u | wc -l)"
reannounced="$(grep -c ',reannounced,' "$run/steady.csv" "$run/fault.csv" | awk -F: '{s+=$2} END {print s}')"
redelivered="$(grep -c ',redelivered,' "$run/steady.csv" "$run/fault.csv" | awk -F: '{s+=$2} END {print s}')"
projects="$(sql property_registration "SELECT count(*) FROM completed_project WHERE $(in_range "$first" "$last")")"
units="$(sql property_registration "SELECT count(*) FROM property_unit WHERE $(in_range "$first" "$last")")"
inbox="$(sql property_registration "SELECT count(*) FROM inbox WHERE event_id IN ($ids)")"
ready_audits="$(sql property_registration "SELECT count(*) FROM audit_trail WHERE action = 'register.units-ready' AND subject BETWEEN '2026-371502-47-99-$(printf %06d "$first")' AND '2026-371502-47-99-$(printf %06d "$last")'")"
repeat_audits="$(sql property_registration "SELECT count(*) FROM audit_trail WHERE action = 'register.completion-repeated' AND subject BETWEEN '2026-371502-47-99-$(printf %06d "$first")' AND '2026-371502-47-99-$(printf %06d "$last")'")"
letters_after="$(dead_letters)"
[[ "$projects" == "$expected" ]] && ok "$projects of $expected projects ready, each once" || bad "$projects projects ready, $expected announced"
[[ "$units" == $(( expected * UNITS_PER_PROJECT )) ]] && ok "$units units ($UNITS_PER_PROJECT each)" || bad "$units units, expected $(( expected * UNITS_PER_PROJECT ))"
[[ "$inbox" == "$distinct_ids" ]] && ok "$inbox inbox rows for $distinct_ids event ids ($redelivered delivered twice)" || bad "$inbox inbox rows for $distinct_ids event ids"
[[ "$ready_audits" == "$expected" && "$repeat_audits" == "$reannounced" ]] \
  && ok "audit: $ready_audits units-ready, $repeat_audits re-announcements recorded without effect" \
  || bad "audit: $ready_audits units-ready (want $expected), $repeat_audits repeated (want $reannounced)"
[[ "$letters_after" == "$letters_before" ]] && ok "nothing dead-lettered" || bad "$(( letters_after - letters_before )) dead letters"

latency() { # PHASE-FIRST PHASE-LAST -> "n p50 p95 p99 max" in ms, event time to units ready
  sql property_registration "SELECT round(extract(epoch FROM units_ready_at - announced_at) * 1000)
    FROM completed_project WHERE $(in_range "$1" "$2")" | python3 -c "
import sys
xs = sorted(float(x) for x in sys.stdin if x.strip())
q = lambda p: xs[min(len(xs) - 1, int(round(p * (len(xs) - 1))))] if xs else float('nan')
print(len(xs), *(f'{q(p):.0f}' for p in (0.5, 0.95, 0.99)), f'{xs[-1]:.0f}' if xs else 'nan')"
}
read -r n1 p50a p95a p99a maxa <<<"$(latency "$first" $(( first + COUNT - 1 )))"
read -r n2 p50b p95b p99b maxb <<<"$(latency $(( first + COUNT )) "$last")"
note "event → units ready: steady p50 $p50a ms p99 $p99a ms; around the restart p50 $p50b ms p99 $p99b ms"

{
  echo "# 交房即办证 across services: $stamp"
  echo
  echo "$(machine). construction.completion-accepted announcements for LC projects of 40 units, at $RATE/s, into the running local stack; property-registration's consumer makes the units ready (\`CompletionAcceptedHandler\`, one transaction with the inbox row). Time = \`units_ready_at\` (the handler's clock) − the event's \`time\` (the sender's clock, same machine)."
  echo
  echo "| phase | announcements | p50 ms | p95 ms | p99 ms | max ms |"
  echo "|---|---|---|---|---|---|"
  echo "| steady | $n1 | $p50a | $p95a | $p99a | $maxa |"
  echo "| Kafka stopped 3 s into the sending, healthy again $outage s later | $n2 | $p50b | $p95b | $p99b | $maxb |"
  echo
  echo "Reconciled: $projects projects ready of $expected announced, $units units, $inbox inbox rows for $distinct_ids event ids ($redelivered sent twice), $repeat_audits of $reannounced re-announcements audited without effect, $(( letters_after - letters_before )) dead letters; a real LC CP-9 decided with the broker down: project $P recorded $(sql property_registration "SELECT count(*) FROM completed_project WHERE project_code = '$P'") time(s)."
  echo
  echo "Events:"
  printf -- '- %s\n' "${events[@]}"
  echo
  echo "Result: $passed passed, $failed failed."
} >"$report"
say "report: ${report#"$ROOT"/}"
summary
