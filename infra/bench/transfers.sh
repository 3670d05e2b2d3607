#!/usr/bin/env bash
# 过户 across two services (docs/reliability.md, docs/utility-hookup.md):
#   1. steady: COUNT property.transfer-registered announcements at RATE/s on property-registration's
#      topic (as its outbox sends them; FC transfers registered today, each calling for four 过户;
#      every 10th delivered twice); the time from each event to its four 过户 cases existing in
#      utility-hookup, p50/p95/p99;
#   2. the same again while the Kafka broker is stopped for KAFKA_DOWN s and started again;
# then reconciles: every announced transfer has exactly its four 过户 cases (UT-Xa … UT-Xd), each
# caused by its event, one inbox row per event id, nothing dead-lettered.
# Ends with "N passed, N failed"; the report goes to infra/bench/results/transfers-<stamp>.md.
#
#   ./infra/bench/transfers.sh           # 300 + 300 announcements at 10/s
#   SMOKE=1 ./infra/bench/transfers.sh   # 40 + 60 at 10/s (CI)
set -uo pipefail
SERVICE=utility-hookup
# shellcheck source=infra/bench/lib.sh
source "$(dirname "$0")/lib.sh"
# shellcheck source=infra/check-lib.sh
source "$ROOT/infra/check-lib.sh"

if [[ "${SMOKE:-0}" == 1 ]]; then
  : "${COUNT:=40}" "${FAULT_COUNT:=60}" "${RATE:=10}" "${KAFKA_DOWN:=8}"
fi
COUNT="${COUNT:-300}"
FAULT_COUNT="${FAULT_COUNT:-300}"
RATE="${RATE:-10}"
KAFKA_DOWN="${KAFKA_DOWN:-15}"
DRAIN_TIMEOUT="${DRAIN_TIMEOUT:-300}"
PR_TOPIC=onewindow.property-registration.case-events
DLT="$PR_TOPIC.utility-hookup.transfer-cases.dlt"
PER_TRANSFER=4 # FC coordinates electricity, water, gas and heat

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
run="$WORK/transfers-$stamp"
mkdir -p "$run"
report="$RESULTS/transfers-$stamp.md"
[[ "${SMOKE:-0}" == 1 ]] && report="$run/transfers-smoke.md"

"$STACK" up >"$run/up.log" 2>&1 || { tail -20 "$run/up.log" >&2; echo "the local stack is not up" >&2; exit 1; }
events=()
note() { events+=("$(date -u +%H:%M:%S) $*"); say "$*"; }
kafka_java() { java -Xmx256m -Dlog4j.configuration="file:$STACK_DIR/kafka/tools-log4j.properties" -cp "$STACK_DIR/kafka/libs/*" "$@"; }
inject() { # FIRST_SERIAL COUNT CSV
  kafka_java "$BENCH_DIR/TransferEvents.java" "$KAFKA_HOST:$KAFKA_PORT" "$PR_TOPIC" "$1" "$2" "$RATE" "$3"
}
dead_letters() {
  kafka_java org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "$KAFKA_HOST:$KAFKA_PORT" \
    --topic "$DLT" --from-beginning --timeout-ms 8000 2>/dev/null | wc -l
}
ids_of() { cut -d, -f2 "$@" | sort -u | sed "s/.*/'&'/" | paste -sd,; }

first=$(( 10000 + RANDOM % 80000 ))
letters_before="$(dead_letters)"

note "steady: $COUNT transfers at $RATE/s (units from serial $first)"
inject "$first" "$COUNT" "$run/steady.csv" 2>"$run/steady.err" || bad "injecting the steady transfers: $(tail -3 "$run/steady.err")"

note "with a broker restart: $FAULT_COUNT transfers at $RATE/s"
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

expected=$(( COUNT + FAULT_COUNT ))
ids="$(ids_of "$run/steady.csv" "$run/fault.csv")"
distinct_ids="$(cut -d, -f2 "$run/steady.csv" "$run/fault.csv" | sort -u | wc -l)"
redelivered="$(grep -c ',redelivered,' "$run/steady.csv" "$run/fault.csv" | awk -F: '{s+=$2} END {print s}')"
note "waiting for the 过户 cases (at most $DRAIN_TIMEOUT s)"
deadline=$(( $(date +%s) + DRAIN_TIMEOUT ))
while (( $(date +%s) < deadline )); do
  got="$(sql utility_hookup "SELECT count(*) FROM case_file WHERE caused_by IN ($ids)")"
  [[ "$got" -ge $(( expected * PER_TRANSFER )) ]] && break
  sleep 2
done
cases="$(sql utility_hookup "SELECT count(*) FROM case_file WHERE caused_by IN ($ids)")"
complete="$(sql utility_hookup "SELECT count(*) FROM (SELECT caused_by FROM case_file WHERE caused_by IN ($ids)
  GROUP BY caused_by HAVING count(*) = $PER_TRANSFER AND count(DISTINCT matter_code) = $PER_TRANSFER
  AND bool_and(matter_code IN ('UT-Xa','UT-Xb','UT-Xc','UT-Xd'))) t")"
inbox="$(sql utility_hookup "SELECT count(*) FROM inbox WHERE event_id IN ($ids)")"
letters_after="$(dead_letters)"
[[ "$complete" == "$expected" ]] && ok "$complete of $expected transfers have exactly their four 过户 (UT-Xa … UT-Xd)" \
  || bad "$complete of $expected transfers have exactly their four 过户"
[[ "$cases" == $(( expected * PER_TRANSFER )) ]] && ok "$cases 过户 cases, none twice" || bad "$cases 过户 cases, expected $(( expected * PER_TRANSFER ))"
[[ "$inbox" == "$distinct_ids" ]] && ok "$inbox inbox rows for $distinct_ids event ids ($redelivered delivered twice)" || bad "$inbox inbox rows for $distinct_ids event ids"
[[ "$letters_after" == "$letters_before" ]] && ok "nothing dead-lettered" || bad "$(( letters_after - letters_before )) dead letters"

latency() { # CSV -> "n p50 p95 p99 max" in ms: the event's send to its last 过户 case accepted
  local phase_ids
  phase_ids="$(ids_of "$1")"
  sql utility_hookup "SELECT caused_by || ',' || round(extract(epoch FROM max(accepted_at)) * 1000)
    FROM case_file WHERE caused_by IN ($phase_ids) GROUP BY caused_by" | python3 -c "
import sys, csv
sent = {}
for row in csv.reader(open(sys.argv[1])):
    if row[2] == 'first': sent[row[1]] = float(row[3])
xs = sorted(float(t) - sent[i] for i, t in (l.strip().split(',') for l in sys.stdin if l.strip()) if i in sent)
q = lambda p: xs[min(len(xs) - 1, int(round(p * (len(xs) - 1))))] if xs else float('nan')
print(len(xs), *(f'{q(p):.0f}' for p in (0.5, 0.95, 0.99)), f'{xs[-1]:.0f}' if xs else 'nan')" "$1"
}
read -r n1 p50a p95a p99a maxa <<<"$(latency "$run/steady.csv")"
read -r n2 p50b p95b p99b maxb <<<"$(latency "$run/fault.csv")"
note "transfer registered → its four 过户 cases: steady p50 $p50a ms p99 $p99a ms; around the restart p50 $p50b ms p99 $p99b ms"

{
  echo "# 过户 across services: $stamp"
  echo
  echo "$(machine). property.transfer-registered announcements for FC transfers registered today, at $RATE/s, into the running local stack; utility-hookup's consumer opens the four 过户 cases of each in one transaction with the inbox row (\`TransferRegisteredHandler\` → \`Intake.openFor\`). Time = the last of the four cases' \`accepted_at\` (the service's clock) − the send (the sender's clock, same machine)."
  echo
  echo "| phase | transfers | p50 ms | p95 ms | p99 ms | max ms |"
  echo "|---|---|---|---|---|---|"
  echo "| steady | $n1 | $p50a | $p95a | $p99a | $maxa |"
  echo "| Kafka stopped 3 s into the sending, healthy again $outage s later | $n2 | $p50b | $p95b | $p99b | $maxb |"
  echo
  echo "Reconciled: $complete of $expected transfers with exactly their four 过户, $cases cases, $inbox inbox rows for $distinct_ids event ids ($redelivered sent twice), $(( letters_after - letters_before )) dead letters."
  echo
  echo "Events:"
  printf -- '- %s\n' "${events[@]}"
  echo
  echo "Result: $passed passed, $failed failed."
} >"$report"
say "report: ${report#"$ROOT"/}"
summary
