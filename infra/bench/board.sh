#!/usr/bin/env bash
# The supervision board at scale (docs/performance.md, docs/supervision.md):
#   1. COUNT accepted cases announced on the five case services' topics (AcceptedCases.java) while
#      supervision is stopped and its board feeds moved past them, so only the rebuild reads them;
#   2. the admin rebuild: every topic replayed from the beginning into a fresh board and swapped in,
#      timed (the service's own durationMs) with its progress;
#   3. SOON cases due in 20 s announced to the live board: how long after its due date each turned
#      red on the board's own scan (overdue_since − due_at), with COUNT open cases in the model;
#   4. the board's main queries through the gateway, ROUNDS each: p50 / p95 / max.
# Ends with "N passed, N failed"; the report goes to infra/bench/results/board-<stamp>.md.
#
#   ./infra/bench/board.sh           # 1,000,000 cases, 100 rounds per query
#   SMOKE=1 ./infra/bench/board.sh   # 20,000 cases, 20 rounds (CI)
set -uo pipefail
SERVICE=enterprise-opening
# shellcheck source=infra/bench/lib.sh
source "$(dirname "$0")/lib.sh"
# shellcheck source=infra/check-lib.sh
source "$ROOT/infra/check-lib.sh"

if [[ "${SMOKE:-0}" == 1 ]]; then
  : "${COUNT:=20000}" "${ROUNDS:=20}"
fi
COUNT="${COUNT:-1000000}"
ROUNDS="${ROUNDS:-100}"
SOON="${SOON:-50}"
P95_LIMIT_MS="${P95_LIMIT_MS:-200}"
FLAG_LIMIT_S=5

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
run="$WORK/board-$stamp"
mkdir -p "$run"
report="$RESULTS/board-$stamp.md"
[[ "${SMOKE:-0}" == 1 ]] && report="$run/board-smoke.md"
kafka_java() { java -Xmx512m -Dlog4j.configuration="file:$STACK_DIR/kafka/tools-log4j.properties" -cp "$STACK_DIR/kafka/libs/*" "$@"; }
announce() { kafka_java "$BENCH_DIR/AcceptedCases.java" "$KAFKA_HOST:$KAFKA_PORT" "$@"; }

"$STACK" up >"$run/up.log" 2>&1 || { tail -20 "$run/up.log" >&2; echo "the local stack is not up" >&2; exit 1; }
first=$(( 100000 + RANDOM % 400000 ))

say "stopping supervision; announcing $COUNT accepted cases (serials from $first)"
"$STACK" down supervision >"$run/down.log" 2>&1
start=$(date +%s%N)
announce "$COUNT" "$first" 600 2592000 2>"$run/announce.err" || bad "announcing: $(tail -3 "$run/announce.err")"
announced_ms=$(( ($(date +%s%N) - start) / 1000000 ))
say "announced in $announced_ms ms; moving the board feeds past them"
for service in enterprise-opening construction-permit property-registration utility-hookup supervision; do
  kafka_java org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "$KAFKA_HOST:$KAFKA_PORT" \
    --group "supervision.board-$service" --topic "onewindow.$service.case-events" \
    --reset-offsets --to-latest --execute >>"$run/offsets.log" 2>&1
done
"$STACK" up >"$run/up2.log" 2>&1 || { tail -20 "$run/up2.log" >&2; bad "supervision did not come back"; summary; exit 1; }

ADMIN="$(token fc-admin)"; FC_SUP="$(token fc-supervisor)"; LC_SUP="$(token lc-supervisor)"
say "rebuilding the board from the topics"
call POST /api/v1/supervision/board/rebuild "$ADMIN"
[[ "$STATUS" == 202 ]] && ok "rebuild started (202)" || bad "rebuild: $STATUS $BODY"
progress=""
for _ in $(seq 1 1800); do
  call GET /api/v1/supervision/board/rebuild "$ADMIN"
  progress="$BODY"
  state="$(echo "$BODY" | json 'd["state"]')"
  [[ "$state" != RUNNING ]] && break
  echo "$(date -u +%T) $(echo "$BODY" | json '"%d / %d events" % (d["eventsRead"], d["eventsTotal"])')" >>"$run/progress.log"
  sleep 2
done
echo "$progress" >"$run/rebuild.json"
rebuild_ms="$(echo "$progress" | json 'd["durationMs"]')"
events="$(echo "$progress" | json 'd["eventsRead"]')"
lines="$(echo "$progress" | json 'd["lines"]')"
[[ "$(echo "$progress" | json 'd["state"]')" == DONE ]] \
  && ok "rebuilt: $events events into $lines lines in $rebuild_ms ms ($(( events * 1000 / (rebuild_ms > 0 ? rebuild_ms : 1) )) events/s)" \
  || bad "rebuild ended: $progress"
open_cases="$(sql supervision "SELECT count(*) FROM board_case WHERE status = 'IN_PROGRESS'")"
(( open_cases >= COUNT )) && ok "$open_cases open cases on the board" || bad "only $open_cases open cases on the board"

say "$SOON cases due in 20 s, to the live board"
announce "$SOON" $(( first + COUNT )) 20 21 print >"$run/soon.txt" 2>"$run/soon.err"
sleep 30
for _ in $(seq 1 30); do
  red="$(sql supervision "SELECT count(*) FROM board_case WHERE level = 'RED' AND case_number IN ($(sed "s/.*/'&'/" "$run/soon.txt" | paste -sd,))")"
  [[ "$red" == "$SOON" ]] && break
  sleep 1
done
flag="$(sql supervision "SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM overdue_since - due_at))::numeric, 3) || ' ' ||
  round(percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM overdue_since - due_at))::numeric, 3) || ' ' ||
  round(max(extract(epoch FROM overdue_since - due_at))::numeric, 3)
  FROM board_case WHERE case_number IN ($(sed "s/.*/'&'/" "$run/soon.txt" | paste -sd,))")"
read -r flag_p50 flag_p95 flag_max <<<"$flag"
[[ "$red" == "$SOON" ]] && python3 -c "import sys; sys.exit(0 if float('$flag_max') <= $FLAG_LIMIT_S else 1)" \
  && ok "$red of $SOON flagged red after their due date: p50 ${flag_p50} s, p95 ${flag_p95} s, max ${flag_max} s (≤ ${FLAG_LIMIT_S} s)" \
  || bad "flagged $red of $SOON; after their due date: p50 ${flag_p50} s, p95 ${flag_p95} s, max ${flag_max} s"

today="$(TZ=Asia/Shanghai date +%F)"
sample_case="$(head -1 "$run/soon.txt")"
queries=(
  "board FC|/api/v1/supervision/board?limit=100|$FC_SUP"
  "board LC, red only|/api/v1/supervision/board?state=RED&limit=100|$LC_SUP"
  "board FC, one department|/api/v1/supervision/board?department=planning&limit=100|$FC_SUP"
  "within the promise, this month|/api/v1/supervision/board/within-promise?from=${today:0:8}01&to=$today|$FC_SUP"
  "monthly report|/api/v1/supervision/board/monthly|$FC_SUP"
  "search by case number|/api/v1/supervision/search?caseNumber=$sample_case|$FC_SUP"
)
table="| query | rounds | p50 ms | p95 ms | max ms |"$'\n'"|---|---|---|---|---|"
for q in "${queries[@]}"; do
  IFS='|' read -r name path tok <<<"$q"
  : >"$run/q.txt"
  for _ in $(seq 1 "$ROUNDS"); do
    curl -sS -o /dev/null -m 30 -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $tok" "$GATEWAY$path" >>"$run/q.txt"
  done
  read -r p50 p95 max bad_status <<<"$(python3 - "$run/q.txt" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
ms = sorted(float(t) * 1000 for _, t in rows)
p95 = ms[min(len(ms) - 1, int(round(0.95 * len(ms))) - 1)]
print("%.0f %.0f %.0f %d" % (statistics.median(ms), p95, ms[-1], sum(1 for c, _ in rows if c != "200")))
PY
)"
  table+=$'\n'"| $name | $ROUNDS | $p50 | $p95 | $max |"
  (( bad_status == 0 )) || bad "$name: $bad_status answers were not 200"
  (( p95 <= P95_LIMIT_MS )) && ok "$name: p50 $p50 ms, p95 $p95 ms" || bad "$name: p95 $p95 ms > $P95_LIMIT_MS ms (p50 $p50)"
done

{
  echo "# Supervision board at scale, $stamp"
  echo
  echo "- machine: $(machine)"
  echo "- command: \`${SMOKE:+SMOKE=1 }COUNT=$COUNT ROUNDS=$ROUNDS ./infra/bench/board.sh\`"
  echo "- announced $COUNT case.accepted events in $announced_ms ms"
  echo "- rebuild: $events events replayed into $lines lines in $rebuild_ms ms; progress in \`$run/progress.log\`"
  echo "- open cases on the board: $open_cases"
  echo "- $SOON cases due 20 s later, red on the board's own scan after their due date: p50 $flag_p50 s, p95 $flag_p95 s, max $flag_max s"
  echo
  echo "Queries through the gateway (one client, sequential, supervisor tokens):"
  echo
  echo "$table"
} >"$report"
say "report: $report"
summary
