#!/usr/bin/env bash
# Drives the supervision board (督办看板) through the running local stack, as supervisors use it: real
# Keycloak tokens, every call through the gateway, the cases made by the other services.
#   1. an EO-1 case accepted at FC's window is on FC's board within a second or so (measured);
#      LC's supervisor does not see it, a clerk is refused the board;
#   2. suspended, it shows 暂停; resumed, it is back with the due date the service announced;
#   3. a case announced with a due date 2 s away turns red on the board's own watch, with no event
#      from its service (measured from the due date);
#   4. the share decided within the promise this month answers;
#   5. that breach opens exactly one 督办 (SV-2a, or SV-2b on planning's third this month); a clerk cannot work it, a supervisor records the
#      department's response and closes it with a reason;
#   6. a 差评 (score 1) opens a 整改 (SV-3) for the rated case's department;
#   7. an LC 12345 appeal (SV-1) shows its three clocks (1/3/15 WD) and is extended once, to 30 WD,
#      with a reason; a second extension is refused.
# Ends with "N passed, N failed". Needs: ./infra/stack.sh up.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/infra/check-lib.sh"

LINE=""; WAITED=""
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
line_on_board() { # token case [query] -> the case's board line as JSON in $LINE (empty when absent)
  call GET "/api/v1/supervision/board?limit=500${3:-}" "$1"
  LINE="$(echo "$BODY" | python3 -c "
import json,sys
for l in json.load(sys.stdin).get('cases', []):
    if l['caseNumber'] == sys.argv[1]: print(json.dumps(l)); break" "$2" 2>/dev/null)"
}
await_line() { # token case predicate-on-l seconds -> ms waited in $WAITED and the line in $LINE; WAITED empty on time-out
  local start end; start=$(now_ms); end=$(( start + $4 * 1000 )); WAITED=""
  while (( $(now_ms) < end )); do
    line_on_board "$1" "$2"
    if [[ -n "$LINE" ]] && echo "$LINE" | python3 -c "import json,sys; l=json.load(sys.stdin); sys.exit(0 if ($3) else 1)"; then
      WAITED=$(( $(now_ms) - start )); return
    fi
    sleep 0.1
  done
}

case_number() { # jurisdiction service-code -> a fresh, well-formed case number
  python3 - "$1" "$2" <<'PY'
import random, sys
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*"
j, s = sys.argv[1], sys.argv[2]
seq = random.randint(1, 999999)
p = 0  # ISO/IEC 7064 MOD 37-2, as CaseNumber.check
for ch in "%s%s20261203%06d" % (j, s, seq):
    p = ((p + ALPHABET.index(ch)) * 2) % 37
print("%s-%s-20261203-%06d-%s" % (j, s, seq, ALPHABET[(38 - p) % 37]))
PY
}
produce() { # service subject jurisdiction type data-json: one event on the service's topic, as the service would send it
  local id; id="$(cat /proc/sys/kernel/random/uuid)"
  local envelope="{\"specversion\":\"1.0\",\"id\":\"$id\",\"type\":\"$4\",\"source\":\"/onewindow/$1\",\"subject\":\"$2\",\"time\":\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\",\"jurisdiction\":\"$3\",\"data\":$5}"
  printf 'ce_type:"%s",ce_id:"%s"\t%s\t%s\n' "$4" "$id" "$2" "$envelope" \
    | java -Xmx128m -Dlog4j.configuration="file:$ROOT/infra/.stack/kafka/tools-log4j.properties" -cp "$KAFKA_LIBS/*" \
      kafka.tools.ConsoleProducer --bootstrap-server "$KAFKA_BOOTSTRAP" \
      --topic "onewindow.$1.case-events" --property parse.key=true --property parse.headers=true > /dev/null 2>&1
}
ORDER=""
await_order() { # token matters(comma-separated) cause seconds -> the order's case number in $ORDER (empty on time-out)
  local end=$(( $(date +%s) + $4 )); ORDER=""
  while (( $(date +%s) < end )); do
    ORDER="$(for m in ${2//,/ }; do curl -sS -m 10 -H "Authorization: Bearer $1" "$GATEWAY/api/v1/supervision/cases?matter=$m&limit=200"; echo; done | python3 -c "
import json, sys, urllib.request
for c in [c for l in sys.stdin if l.strip() for c in json.loads(l)]:
    r = urllib.request.Request(sys.argv[1] + '/api/v1/cases/' + c['caseNumber'], headers={'Authorization': 'Bearer ' + sys.argv[2]})
    if json.load(urllib.request.urlopen(r, timeout=10)).get('causedBy') == sys.argv[3]: print(c['caseNumber'])" "$GATEWAY" "$1" "$3" 2>/dev/null)"
    [[ -n "$ORDER" ]] && return
    sleep 0.5
  done
}
task_of() { # token case activity -> the task id
  curl -sS -m 10 -H "Authorization: Bearer $1" "$GATEWAY/api/v1/supervision/tasks" | python3 -c "
import json, sys
for t in json.load(sys.stdin):
    if t['caseNumber'] == sys.argv[1] and t['activity'] == sys.argv[2]: print(t['id']); break" "$2" "$3" 2>/dev/null
}

echo "== tokens from $KEYCLOAK"
FC_CLERK="$(token fc-clerk)"; FC_APPROVER="$(token fc-approver)"; FC_SUP="$(token fc-supervisor)"; LC_SUP="$(token lc-supervisor)"
[[ -n "$FC_CLERK" && -n "$FC_APPROVER" && -n "$FC_SUP" && -n "$LC_SUP" ]] \
  && ok "tokens for fc-clerk, fc-approver, fc-supervisor, lc-supervisor" || bad "a demo token is missing"

echo "== a case accepted at FC's window appears on FC's board"
call POST /api/v1/applications "$FC_CLERK" '{"jurisdiction":"FC","matterCode":"EO-1","channel":"WINDOW",
 "applicant":{"type":"PERSON","name":"示例商贸有限公司（筹）","idNumber":"370402199001011234"},
 "materials":[{"code":"application-form","form":"PAPER"},{"code":"articles-of-association","form":"PAPER"},
   {"code":"legal-representative-id","form":"PAPER"},{"code":"premises-proof","form":"PAPER"},{"code":"officer-appointment","form":"PAPER"}],
 "data":{"registeredCapitalCny10k":100}}'
accepted=$(now_ms)
CASE=""; [[ "$STATUS" == 201 ]] && CASE="$(echo "$BODY" | json 'd["caseNumber"]')"
if [[ -n "$CASE" ]]; then
  await_line "$FC_SUP" "$CASE" "l['state'] == 'GREEN' and l['service'] == 'enterprise-opening'" 10
  [[ -n "$WAITED" ]] && ok "$CASE on FC's board $(( $(now_ms) - accepted )) ms after the 201 (enterprise-opening, 正常, due $(echo "$LINE" | json 'd["dueAt"]'))" \
    || bad "$CASE not on FC's board within 10 s"
  line_on_board "$LC_SUP" "$CASE"
  [[ "$STATUS" == 200 && -z "$LINE" ]] && ok "lc-supervisor's board does not show it" || bad "LC board: $STATUS $LINE"
  call GET /api/v1/supervision/board "$FC_CLERK"
  [[ "$STATUS" == 403 && "$BODY" == *督查* ]] && ok "fc-clerk is refused the board (403, the reason in Chinese)" || bad "clerk: $STATUS $BODY"

  echo "== 暂停计时 and 恢复计时 reach the board"
  call POST "/api/v1/cases/$CASE/suspension" "$FC_APPROVER" '{"reason":"APPLICANT_SUPPLEMENT","note":"待补充住所证明原件"}'
  await_line "$FC_SUP" "$CASE" "l['state'] == 'PAUSED'" 10
  [[ -n "$WAITED" ]] && ok "suspended: 暂停 on the board" || bad "not paused on the board: $LINE"
  sleep 1
  call POST "/api/v1/cases/$CASE/resumption" "$FC_CLERK"
  due="$(curl -sS -m 10 -H "Authorization: Bearer $FC_CLERK" "$GATEWAY/api/v1/cases/$CASE" | json 'd["dueAt"]')"
  await_line "$FC_SUP" "$CASE" "l['state'] != 'PAUSED' and l['dueAt'][:19] == '${due:0:19}'" 10
  [[ -n "$WAITED" ]] && ok "resumed: back on the board due $due, as the case says" || bad "after resumption: $LINE (case due $due)"
else
  bad "FC EO-1: $STATUS $BODY"
fi

echo "== a due date passing with no event from its service"
EVENT_ID="$(cat /proc/sys/kernel/random/uuid)"
SUBJECT="$(python3 - <<'PY'
import random
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*"
seq = random.randint(1, 999999)
p = 0  # ISO/IEC 7064 MOD 37-2, as CaseNumber.check
for ch in "FCCP20261203%06d" % seq:
    p = ((p + ALPHABET.index(ch)) * 2) % 37
print("FC-CP-20261203-%06d-%s" % (seq, ALPHABET[(38 - p) % 37]))
PY
)"
DUE="$(date -u -d '+2 seconds' +%Y-%m-%dT%H:%M:%S.%3NZ)"
envelope="{\"specversion\":\"1.0\",\"id\":\"$EVENT_ID\",\"type\":\"case.accepted\",\"source\":\"/onewindow/construction-permit\",\"subject\":\"$SUBJECT\",\"time\":\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\",\"jurisdiction\":\"FC\",\"data\":{\"service\":\"construction-permit\",\"matterCode\":\"CP-2b\",\"catalogueVersion\":\"2026.1\",\"department\":\"planning\",\"channel\":\"WINDOW\",\"outcome\":\"ACCEPTED\",\"applicant\":{\"type\":\"ENTERPRISE\",\"uscc\":\"91370402MA3C00001X\"},\"acceptedAt\":\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\",\"promisedDueAt\":\"$DUE\",\"calendarKnown\":true}}"
printf 'ce_type:"case.accepted",ce_id:"%s"\t%s\t%s\n' "$EVENT_ID" "$SUBJECT" "$envelope" \
  | java -Xmx128m -Dlog4j.configuration="file:$ROOT/infra/.stack/kafka/tools-log4j.properties" -cp "$KAFKA_LIBS/*" \
    kafka.tools.ConsoleProducer --bootstrap-server "$KAFKA_BOOTSTRAP" \
    --topic onewindow.construction-permit.case-events --property parse.key=true --property parse.headers=true > /dev/null 2>&1
await_line "$FC_SUP" "$SUBJECT" "l['state'] == 'RED' and l.get('overdueSince')" 20
if [[ -n "$WAITED" ]]; then
  late="$(python3 -c "
import datetime as dt, sys
due = dt.datetime.fromisoformat(sys.argv[1].replace('Z', '+00:00')); seen = dt.datetime.fromisoformat(sys.argv[2])
print(int((seen - due).total_seconds() * 1000))" "$DUE" "$(echo "$LINE" | json 'd["overdueSince"]')")"
  [[ "$late" =~ ^-?[0-9]+$ ]] && (( late <= 5000 )) && ok "$SUBJECT red on the board's own watch ${late} ms after its due date (≤ 5 s)" \
    || bad "$SUBJECT flagged ${late} ms after its due date"
else
  bad "$SUBJECT never turned red: $LINE"
fi

echo "== 按时办结率 this month"
today="$(TZ=Asia/Shanghai date +%F)"
call GET "/api/v1/supervision/board/within-promise?from=${today:0:8}01&to=$today" "$FC_SUP"
[[ "$STATUS" == 200 ]] && ok "within-promise answers: $(echo "$BODY" | json 'len(d["matters"])') matter/department rows" || bad "within-promise: $STATUS $BODY"
call GET "/api/v1/supervision/board/within-promise?from=$today&to=2020-01-01" "$FC_SUP"
[[ "$STATUS" == 400 && "$BODY" == *结束日期* ]] && ok "a period that ends before it starts: 400 with the reason" || bad "bad period: $STATUS $BODY"

echo "== 超时督办: the breach opens one 督办"
# SV-2b when planning already had two this month (the stack keeps its data between runs)
await_order "$FC_SUP" SV-2a,SV-2b "breach:$SUBJECT" 20
if [[ -n "$ORDER" ]]; then
  orders="$(echo "$ORDER" | wc -l)"
  ORDER="$(echo "$ORDER" | head -1)"
  call GET "/api/v1/cases/$ORDER" "$FC_SUP"
  matter="$(echo "$BODY" | json 'd["matterCode"]')"
  [[ "$orders" == 1 ]] && ok "督办 $ORDER ($matter) opened for $SUBJECT, the only one" || bad "$orders 督办 for $SUBJECT: $ORDER"
  if [[ "$matter" == SV-2b ]]; then
    task="$(task_of "$FC_SUP" "$ORDER" coordinate)"
    call POST "/api/v1/supervision/tasks/$task/complete" "$FC_SUP" '{"decision":"APPROVED","comment":"督查负责人约谈规划部门，顶格协调"}'
    [[ "$STATUS" == 204 ]] && ok "提级督办: 顶格协调 recorded first" || bad "coordinate: $STATUS $BODY"
  fi
  call GET "/api/v1/cases/$ORDER" "$FC_SUP"
  [[ "$(echo "$BODY" | json 'd["department"]')" == planning && "$(echo "$BODY" | json 'd["dueAt"] is not None')" == True ]] \
    && ok "the 督办 is planning's, with its own deadline $(echo "$BODY" | json 'd["dueAt"]')" || bad "督办 $ORDER: $BODY"
  task="$(task_of "$FC_SUP" "$ORDER" record-response)"
  call POST "/api/v1/supervision/tasks/$task/complete" "$FC_CLERK" '{"decision":"APPROVED","comment":"窗口代记"}'
  [[ "$STATUS" == 403 ]] && ok "fc-clerk cannot work the 督办 (403)" || bad "clerk on the 督办: $STATUS $BODY"
  call POST "/api/v1/supervision/tasks/$task/complete" "$FC_SUP" '{"decision":"APPROVED","comment":"规划部门反馈：图纸审查积压，已加派人手"}'
  [[ "$STATUS" == 204 ]] && ok "fc-supervisor recorded the department's response" || bad "record-response: $STATUS $BODY"
  task="$(task_of "$FC_SUP" "$ORDER" close-supervision)"
  call POST "/api/v1/supervision/tasks/$task/complete" "$FC_SUP" '{"decision":"APPROVED"}'
  [[ "$STATUS" == 400 && "$BODY" == *督办办结* ]] && ok "closing with no reason: 400 (请填写督办办结的情况或理由)" || bad "silent close: $STATUS $BODY"
  call POST "/api/v1/supervision/tasks/$task/complete" "$FC_SUP" '{"decision":"APPROVED","comment":"部门已整改，办件已办结"}'
  call GET "/api/v1/cases/$ORDER" "$FC_SUP"
  [[ "$(echo "$BODY" | json 'd["status"]')" == APPROVED ]] && ok "closed with the reason: 督办 $ORDER APPROVED" || bad "after close: $BODY"
else
  bad "no 督办 for $SUBJECT within 20 s"
fi

echo "== 差评转办: a score of 1 opens a 整改"
RATED="$(case_number FC PR)"
produce property-registration "$RATED" FC case.accepted '{"service":"property-registration","matterCode":"PR-3a","catalogueVersion":"2026.1","department":"real-estate-registration","channel":"WINDOW","outcome":"ACCEPTED","applicant":{"type":"ENTERPRISE","uscc":"91370402MA3C00001X"},"acceptedAt":"'"$(date -u +%Y-%m-%dT%H:%M:%SZ)"'","promisedDueAt":"'"$(date -u -d '+1 day' +%Y-%m-%dT%H:%M:%SZ)"'","calendarKnown":true}'
produce property-registration "$RATED" FC case.decided '{"decision":"APPROVED"}'
produce property-registration "$RATED" FC case.delivered '{"channel":"WINDOW"}'
produce property-registration "$RATED" FC case.rated '{"score":1,"comment":"排队太久"}'
await_order "$FC_SUP" SV-3 "rating:$RATED" 20
if [[ -n "$ORDER" ]]; then
  call GET "/api/v1/cases/$ORDER" "$FC_SUP"
  [[ "$(echo "$BODY" | json 'd["department"]')" == real-estate-registration ]] \
    && ok "整改 $ORDER opened for $RATED's department, due $(echo "$BODY" | json 'd["dueAt"]')" || bad "整改 $ORDER: $BODY"
else
  bad "no 整改 for the 差评 of $RATED within 20 s"
fi

echo "== 12345 接诉即办: an LC appeal on its three clocks"
LC_CLERK="$(token lc-clerk)"; LC_APPROVER="$(token lc-approver)"
call POST /api/v1/applications "$LC_CLERK" '{"jurisdiction":"LC","matterCode":"SV-1","channel":"WINDOW",
 "applicant":{"type":"ENTERPRISE","name":"聊城示例贸易有限公司","uscc":"91310115MA02LC022T"},"materials":[],
 "data":{"handlingDepartment":"market-regulation","appealSummary":"经营范围变更办理遇阻，请求协调"}}'
APPEAL=""; [[ "$STATUS" == 201 ]] && APPEAL="$(echo "$BODY" | json 'd["caseNumber"]')"
if [[ -n "$APPEAL" ]]; then
  call GET "/api/v1/cases/$APPEAL" "$LC_APPROVER"
  clocks="$(echo "$BODY" | python3 -c "
import json, sys
print('; '.join(c['clock'] + ' ' + c['limit'] + ' due ' + c['dueAt'][:16] for c in json.load(sys.stdin)['clocks']))")"
  [[ "$clocks" == *"STEP:verification-start 1 WORKING_DAYS"* && "$clocks" == *"STEP:reply 3 WORKING_DAYS"* && "$clocks" == *"APPROVAL 15 WORKING_DAYS"* ]] \
    && ok "$APPEAL with its three milestones: $clocks" || bad "appeal clocks: $clocks"
  call POST "/api/v1/cases/$APPEAL/extension" "$LC_APPROVER" '{"amount":15,"reason":"涉及多部门的制度性问题","authorisedBy":"市场监管局分管负责人"}'
  call GET "/api/v1/cases/$APPEAL" "$LC_APPROVER"
  [[ "$(echo "$BODY" | json '[c["limit"] for c in d["clocks"] if c["clock"] == "APPROVAL"][0]')" == "30 WORKING_DAYS" ]] \
    && ok "extended once with the reason: 30 WORKING_DAYS, due $(echo "$BODY" | json 'd["dueAt"]')" || bad "after extension: $BODY"
  call POST "/api/v1/cases/$APPEAL/extension" "$LC_APPROVER" '{"amount":1,"reason":"再延一天","authorisedBy":"分管负责人"}'
  [[ "$STATUS" == 4* && "$STATUS" != 404 ]] && ok "a second extension past 30 WD is refused ($STATUS)" || bad "second extension: $STATUS $BODY"
else
  bad "LC appeal: $STATUS $BODY"
fi

summary
