#!/usr/bin/env bash
# Drives enterprise-opening (EO-1, 企业开办) through the running local stack, as its users would:
# real Keycloak tokens, every call through the gateway, WireMock as the departments' systems.
#   1. FC's window applies for a walk-in founder; LC's and QX's windows apply the same bundle;
#   2. the clock is suspended for the applicant's supplement and resumed; LC's approver cannot touch
#      FC's review task; FC's approver claims and approves it;
#   3. the components register, FC's window delivers (统一出件), the applicant rates at the window;
#   4. every event of the case is on Kafka exactly once;
#   5. apply → receipt through the gateway, timed N times (median, p90).
# Ends with "N passed, N failed". Needs: ./infra/stack.sh up.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/infra/check-lib.sh"
TIMED_RUNS="${TIMED_RUNS:-20}"

application() { # jurisdiction
  cat <<JSON
{"jurisdiction":"$1","matterCode":"EO-1","channel":"WINDOW",
 "applicant":{"type":"PERSON","name":"示例商贸有限公司（筹）","idNumber":"370402199001011234"},
 "materials":[{"code":"application-form","form":"PAPER"},
   {"code":"articles-of-association","form":"UPLOAD","reference":"upload-001"},
   {"code":"legal-representative-id","form":"E_LICENCE","reference":"EL-ID-370402199001011234"},
   {"code":"premises-proof","form":"COMMITMENT"},{"code":"officer-appointment","form":"PAPER"}],
 "data":{"registeredCapitalCny10k":100}}
JSON
}

task_of() { # token case activity -> task id (waits up to 20 s)
  local i
  for i in $(seq 1 40); do
    call GET /api/v1/enterprise-opening/tasks "$1"
    local id
    id="$(echo "$BODY" | python3 -c "
import json,sys
for t in json.load(sys.stdin):
    if t['caseNumber']==sys.argv[1] and t['activity']==sys.argv[2]: print(t['id']); break" "$2" "$3")"
    [[ -n "$id" ]] && { echo "$id"; return; }
    sleep 0.5
  done
}

echo "== tokens from $KEYCLOAK"
FC_CLERK="$(token fc-clerk)"; FC_APPROVER="$(token fc-approver)"; LC_CLERK="$(token lc-clerk)"
LC_APPROVER="$(token lc-approver)"; QX_CLERK="$(token qx-clerk)"
[[ -n "$FC_CLERK" && -n "$FC_APPROVER" && -n "$LC_CLERK" && -n "$LC_APPROVER" && -n "$QX_CLERK" ]] \
  && ok "tokens for fc-clerk, fc-approver, lc-clerk, lc-approver, qx-clerk" || bad "a demo token is missing"

echo "== 受理 in FC, LC and QX through $GATEWAY"
start_ms=$(( $(date +%s%3N) - 2000 ))
for j in FC LC QX; do
  var="${j}_CLERK"
  call POST /api/v1/applications "${!var}" "$(application $j)"
  if [[ "$STATUS" == 201 ]]; then
    ok "$j receipt: $(echo "$BODY" | json 'd["caseNumber"], d["outcome"], "promised", d.get("promisedDueAt", "no overall limit stated")')"
    [[ $j == FC ]] && CASE="$(echo "$BODY" | json 'd["caseNumber"]')"
  else
    bad "$j apply: $STATUS $BODY"
  fi
done

echo "== 暂停计时 while the applicant supplies a document, then 恢复计时"
call POST "/api/v1/cases/$CASE/suspension" "$FC_APPROVER" '{"reason":"APPLICANT_SUPPLEMENT","note":"待补充住所证明原件"}'
[[ "$STATUS" == 204 ]] && ok "fc-approver suspends the clock (APPLICANT_SUPPLEMENT)" || bad "suspend: $STATUS $BODY"
call POST "/api/v1/cases/$CASE/suspension" "$FC_APPROVER" '{"reason":"HEARING"}'
[[ "$STATUS" == 409 ]] && ok "a reason EO-1's limit does not exclude (HEARING): 409" || bad "HEARING: $STATUS"
call POST "/api/v1/cases/$CASE/resumption" "$FC_CLERK"
[[ "$STATUS" == 204 ]] && ok "fc-clerk resumes it; due now $(curl -sS -m 10 -H "Authorization: Bearer $FC_CLERK" "$GATEWAY/api/v1/cases/$CASE" | json 'd["dueAt"]')" || bad "resume: $STATUS $BODY"

echo "== review: LC cannot, FC can"
REVIEW="$(task_of "$FC_APPROVER" "$CASE" review-business-licence)"
[[ -n "$REVIEW" ]] && ok "FC's review task $REVIEW is in fc-approver's list" || bad "no review task for $CASE"
call POST "/api/v1/enterprise-opening/tasks/$REVIEW/complete" "$LC_APPROVER" '{"decision":"APPROVED"}'
[[ "$STATUS" == 403 ]] && ok "lc-approver completing FC's task: 403" || bad "lc-approver got $STATUS"
call POST "/api/v1/enterprise-opening/tasks/$REVIEW/claim" "$FC_APPROVER"
[[ "$STATUS" == 204 ]] && ok "fc-approver claims" || bad "claim: $STATUS $BODY"
call POST "/api/v1/enterprise-opening/tasks/$REVIEW/complete" "$FC_APPROVER" '{"decision":"APPROVED","comment":"材料齐全"}'
[[ "$STATUS" == 204 ]] && ok "fc-approver approves the licence" || bad "complete: $STATUS $BODY"

echo "== registrations, 统一出件, 好差评"
for i in $(seq 1 60); do
  call GET "/api/v1/cases/$CASE" "$FC_CLERK"
  [[ "$(echo "$BODY" | json 'd["status"]')" == APPROVED ]] && break
  sleep 0.5
done
[[ "$(echo "$BODY" | json 'd["status"]')" == APPROVED ]] \
  && ok "approved; credit code $(echo "$BODY" | json 'd.get("results",{}).get("uscc")'); steps $(echo "$BODY" | json '[s["step"]+":"+s["status"] for s in d["steps"]]')" \
  || bad "not approved: $BODY"
DELIVER="$(task_of "$FC_CLERK" "$CASE" deliver)"
call POST "/api/v1/enterprise-opening/tasks/$DELIVER/complete" "$FC_CLERK" '{"channel":"WINDOW"}'
[[ "$STATUS" == 204 ]] && ok "fc-clerk delivers at the window" || bad "deliver: $STATUS $BODY"
call POST "/api/v1/cases/$CASE/rating" "$FC_CLERK" '{"score":5,"comment":"当天拿照"}'
[[ "$STATUS" == 204 ]] && ok "rated 5" || bad "rating: $STATUS $BODY"
call GET "/api/v1/cases/$CASE" "$FC_CLERK"
[[ "$(echo "$BODY" | json 'd["status"], d["rating"]')" == "('DELIVERED', 5)" ]] && ok "case $CASE delivered and rated" || bad "case: $BODY"

echo "== events of $CASE on Kafka"
if [[ -d "$KAFKA_LIBS" ]]; then
  sleep 2
  events="$(java -Xmx256m -cp "$KAFKA_LIBS/*" org.apache.kafka.tools.consumer.ConsoleConsumer \
      --bootstrap-server "$KAFKA_BOOTSTRAP" --topic onewindow.enterprise-opening.case-events \
      --from-beginning --timeout-ms 8000 --property print.key=true --property print.timestamp=true 2>/dev/null \
    | python3 -c "
import sys, json, collections
case, since = sys.argv[1], int(sys.argv[2])
seen = collections.Counter(); ids = set(); dup = 0
for line in sys.stdin:
    ts, key, value = line.rstrip('\n').split('\t', 2)
    if key != case or int(ts.split(':')[1]) < since: continue
    e = json.loads(value); seen[e['type']] += 1
    dup += e['id'] in ids; ids.add(e['id'])
print(dict(seen), 'duplicate ids:', dup)" "$CASE" "$start_ms")"
  echo "    $events"
  for t in "'case.accepted': 1" "'case.suspended': 1" "'case.resumed': 1" "'case.step-completed': 6" "'enterprise.established': 1" "'case.decided': 1" "'case.delivered': 1" "'case.rated': 1" "duplicate ids: 0"; do
    [[ "$events" == *"$t"* ]] && ok "$t" || bad "expected $t"
  done
else
  bad "no Kafka tools at $KAFKA_LIBS"
fi

echo "== apply → receipt through the gateway, $TIMED_RUNS runs"
times=()
for i in $(seq 1 "$TIMED_RUNS"); do
  t="$(curl -sS -m 30 -o /dev/null -w '%{http_code} %{time_total}' -X POST "$GATEWAY/api/v1/applications" \
    -H "Authorization: Bearer $FC_CLERK" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" --data-binary "$(application FC)")"
  [[ "${t%% *}" == 201 ]] || { bad "timed apply $i: ${t%% *}"; continue; }
  times+=("${t#* }")
done
printf '%s\n' "${times[@]}" | python3 -c "
import sys, statistics
xs = sorted(float(x) * 1000 for x in sys.stdin if x.strip())
print(f'    n={len(xs)} median={statistics.median(xs):.1f} ms p90={xs[int(0.9 * (len(xs) - 1))]:.1f} ms min={xs[0]:.1f} ms max={xs[-1]:.1f} ms')"

summary
