#!/usr/bin/env bash
# Drives construction-permit (工程建设项目审批) through the running local stack, as its users would:
# real Keycloak tokens, every call through the gateway.
#   1. ST: a low-risk project's merged flow (CP-8a), due on the 11th working day after acceptance
#      (the public calendar says which day that is); joint inspection, decision, 统一出件;
#   2. FC: a planning permit (CP-2b) suspended for 公示 and 缴费 and resumed (a hearing is refused:
#      FC's limit does not exclude it); the exact shift of the due date is the service test's
#      (ConstructionProjectTest, on a clock it moves); here: it never moves earlier, and by no
#      more than the pauses lasted; the project's stages refuse a permit two stages ahead;
#   3. LC: joint completion acceptance (CP-9), five checks by five departments, one opinion;
#      construction.completion-accepted on Kafka exactly once, with the project and its buildings;
#   4. FC: 联合申报 of the engineering stage (CP-3 + CP-4) through the front door: one 统一补正 list
#      naming both permits for the shared design scheme and no case, then both cases at once;
#   5. ST: 分段施工许可 (CP-7), one permit per 施工段; the same section again is a 409.
# Ends with "N passed, N failed". Needs: ./infra/stack.sh up.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/infra/check-lib.sh"
SERVICE=construction-permit
USCC=91110105MA01FC010D
APPLICANT_NAME=示例建设有限公司

echo "== tokens from $KEYCLOAK"
declare -A T
for u in st-clerk st-builder fc-clerk fc-planner lc-clerk lc-builder lc-planner lc-land lc-fire lc-air-defence lc-archivist fc-applicant; do
  T[$u]="$(token "$u")"
  [[ -n "${T[$u]}" ]] || bad "no token for $u"
done
ok "tokens for ${#T[@]} demo users"

echo "== ST: a low-risk project (CP-8a), one merged flow, due on the 11th working day"
P1="$(project_code)"
call POST /api/v1/applications "${T[st-clerk]}" "$(guide_application ST CP-8a "{\"projectCode\":\"$P1\",\"projectName\":\"低风险厂房\",\"projectCategory\":\"social-small-industrial-low-risk\",\"lowRisk\":true,\"floorAreaM2\":1800,\"investmentCny10k\":600}")"
if [[ "$STATUS" == 201 ]]; then
  ST_CASE="$(echo "$BODY" | json 'd["caseNumber"]')"; ST_AT="$(echo "$BODY" | json 'd["acceptedAt"]')"; ST_DUE="$(echo "$BODY" | json 'd["promisedDueAt"]')"
  expected="$(curl -sS -m 10 -G "$GATEWAY/api/v1/calendar/ST/due" --data-urlencode "from=$ST_AT" -d amount=11 -d unit=WORKING_DAYS | json 'd["dueAt"]')"
  [[ "$ST_DUE" == "$expected" ]] && ok "ST $ST_CASE accepted $ST_AT, due $ST_DUE: the 11th working day (calendar: $expected)" \
    || bad "ST due $ST_DUE, the calendar's 11th working day is $expected"
  decide "${T[st-builder]}" "$ST_CASE" joint-inspection "st-builder: the one joint inspection (联合监督检查)"
  decide "${T[st-builder]}" "$ST_CASE" review "st-builder: the merged decision"
  deliver "${T[st-clerk]}" "$ST_CASE"
  call GET "/api/v1/cases/$ST_CASE" "${T[st-clerk]}"
  [[ "$(echo "$BODY" | json 'd["status"]')" == DELIVERED ]] && ok "$ST_CASE delivered" || bad "ST case: $BODY"
else
  bad "ST apply: $STATUS $BODY"
fi

echo "== FC: a planning permit (CP-2b) paused for 公示 and 缴费"
P2="$(project_code)"
call POST /api/v1/applications "${T[fc-clerk]}" "$(guide_application FC CP-2b "{\"projectCode\":\"$P2\",\"projectName\":\"峰城区第一小学\",\"projectCategory\":\"gov-building\",\"floorAreaM2\":12000,\"investmentCny10k\":8500}")"
if [[ "$STATUS" == 201 ]]; then
  FC_CASE="$(echo "$BODY" | json 'd["caseNumber"]')"; FC_DUE="$(echo "$BODY" | json 'd["promisedDueAt"]')"
  ok "FC $FC_CASE accepted, due $FC_DUE (3 working days)"
  started=$(date +%s)
  for reason in PUBLIC_NOTICE FEE_PAYMENT; do
    call POST "/api/v1/cases/$FC_CASE/suspension" "${T[fc-planner]}" "{\"reason\":\"$reason\",\"note\":\"检查脚本\"}"
    [[ "$STATUS" == 204 ]] && ok "fc-planner suspends for $reason" || bad "suspend $reason: $STATUS $BODY"
    sleep 2
    call POST "/api/v1/cases/$FC_CASE/resumption" "${T[fc-planner]}"
    [[ "$STATUS" == 204 ]] && ok "and resumes" || bad "resume: $STATUS $BODY"
  done
  paused=$(( $(date +%s) - started + 1 ))
  call POST "/api/v1/cases/$FC_CASE/suspension" "${T[fc-planner]}" '{"reason":"HEARING"}'
  [[ "$STATUS" == 409 ]] && ok "a hearing is not excluded from FC's planning limit: 409 $(echo "$BODY" | json 'd["detailZh"]')" || bad "HEARING: $STATUS"
  call GET "/api/v1/cases/$FC_CASE" "${T[fc-planner]}"
  # the due date moves by the office time the pauses took (FC: 09:00-12:00, 13:30-17:30 on
  # working days); count that time between the two due dates, not the wall-clock difference
  moved="$(echo "$BODY" | python3 -c "
import json, sys
from datetime import datetime, timedelta, time
d = json.load(sys.stdin)
a, b = datetime.fromisoformat(sys.argv[1]), datetime.fromisoformat(d['dueAt'])
office = [(time(9), time(12)), (time(13, 30), time(17, 30))]
seconds, day = 0.0, a.date()
while day <= b.date():
    if day.weekday() < 5:
        for start, end in office:
            lo = max(a, datetime.combine(day, start, a.tzinfo)); hi = min(b, datetime.combine(day, end, a.tzinfo))
            seconds += max(0.0, (hi - lo).total_seconds())
    day += timedelta(days=1)
print(round(seconds, 3) if b >= a else -1)" "$FC_DUE")"
  python3 -c "import sys; m=float(sys.argv[1]); sys.exit(0 if 0 <= m <= int(sys.argv[2]) else 1)" "$moved" "$paused" \
    && ok "the approval due date moved by ${moved} s of office time (the pauses took at most ${paused} s)" \
    || bad "the due date moved by $moved s of office time for pauses of at most $paused s"
  call POST /api/v1/applications "${T[fc-clerk]}" "$(guide_application FC CP-7 "{\"projectCode\":\"$P2\"}")"
  [[ "$STATUS" == 409 ]] && ok "a construction permit two stages ahead: 409 $(echo "$BODY" | json 'd["detailZh"]')" || bad "stage order: $STATUS $BODY"
  call GET "/api/v1/construction-permit/projects/$P2" "${T[fc-planner]}"
  [[ "$STATUS" == 200 && "$(echo "$BODY" | json 'd["stage"]')" == land-use-planning ]] \
    && ok "project $P2 on one page: stage $(echo "$BODY" | json 'd["stage"]'), cases $(echo "$BODY" | json '[c["caseNumber"] for s in d["stages"] for c in s["cases"]]')" \
    || bad "project view: $STATUS $BODY"
else
  bad "FC apply: $STATUS $BODY"
fi

echo "== LC: joint completion acceptance (CP-9) and construction.completion-accepted"
start_ms=$(( $(date +%s%3N) - 2000 ))
P3="$(project_code)"
call POST /api/v1/applications "${T[lc-clerk]}" "$(guide_application LC CP-9 "{\"projectCode\":\"$P3\",\"projectName\":\"临川花园二期\",\"projectCategory\":\"social-building\",\"floorAreaM2\":36000,\"investmentCny10k\":21000,\"landParcel\":\"LC-2026-031\",\"buildings\":[{\"building\":\"1号楼\",\"units\":96},{\"building\":\"2号楼\",\"units\":88}]}")"
if [[ "$STATUS" == 201 ]]; then
  LC_CASE="$(echo "$BODY" | json 'd["caseNumber"]')"
  ok "LC $LC_CASE accepted, due $(echo "$BODY" | json 'd["promisedDueAt"]') (15 working days)"
  lc_acceptance_checks "$LC_CASE"
  decide "${T[lc-builder]}" "$LC_CASE" acceptance-opinion "lc-builder: one acceptance opinion (统一出具验收意见)"
  deliver "${T[lc-clerk]}" "$LC_CASE"
  if [[ -d "$KAFKA_LIBS" ]]; then
    sleep 2
    events="$(java -Xmx256m -cp "$KAFKA_LIBS/*" org.apache.kafka.tools.consumer.ConsoleConsumer \
        --bootstrap-server "$KAFKA_BOOTSTRAP" --topic onewindow.construction-permit.case-events \
        --from-beginning --timeout-ms 8000 --property print.key=true --property print.timestamp=true 2>/dev/null \
      | python3 -c "
import sys, json
case, since, project = sys.argv[1], int(sys.argv[2]), sys.argv[3]
found = []
for line in sys.stdin:
    ts, key, value = line.rstrip('\n').split('\t', 2)
    if key != case or int(ts.split(':')[1]) < since: continue
    e = json.loads(value)
    if e['type'] == 'construction.completion-accepted': found.append(e['data'])
right = len(found) == 1 and found[0].get('projectCode') == project \\
    and [b.get('building') for b in found[0].get('buildings', [])] == ['1号楼', '2号楼']
print('ok' if right else 'wrong', len(found), json.dumps(found, ensure_ascii=False))" "$LC_CASE" "$start_ms" "$P3")"
    [[ "$events" == "ok 1 "* ]] && ok "construction.completion-accepted once, for $P3 and its buildings: ${events#ok 1 }" || bad "completion events: $events"
  else
    bad "no Kafka tools at $KAFKA_LIBS"
  fi
else
  bad "LC apply: $STATUS $BODY"
fi

echo "== FC: 联合申报 of the engineering stage (CP-3 + CP-4), 统一补正"
P4="$(project_code)"
joint_body() { # materials-json -> a joint application for CP-3 and CP-4
  python3 -c "
import json, sys
print(json.dumps({'jurisdiction': 'FC', 'matterCodes': ['CP-3', 'CP-4'], 'channel': 'WINDOW',
  'applicant': {'type': 'ENTERPRISE', 'name': '示例建设有限公司', 'uscc': sys.argv[2]},
  'materials': [{'code': c, 'form': 'PAPER'} for c in json.loads(sys.argv[1])],
  'data': {'projectCode': sys.argv[3], 'projectName': '峰城区科创中心', 'projectCategory': 'social-building',
           'floorAreaM2': 24000, 'investmentCny10k': 15000}}, ensure_ascii=False))" "$1" "$USCC" "$P4"
}
call POST /api/v1/construction-permit/joint-applications "${T[fc-clerk]}" \
  "$(joint_body '["application-form","land-title","business-licence","planning-conditions","agent-authorisation"]')"
listed="$(echo "$BODY" | json '[(m["code"], m["matterCodes"]) for m in d.get("missingMaterials", [])]' 2>/dev/null)"
[[ "$STATUS" == 422 && "$listed" == "[('design-scheme', ['CP-3', 'CP-4'])]" && "$(echo "$BODY" | json 'len(d["receipts"])')" == 0 ]] \
  && ok "422 统一补正: one list for both permits, the shared design scheme once: $listed" \
  || bad "joint correction: $STATUS $BODY"
call GET "/api/v1/construction-permit/projects/$P4" "${T[fc-planner]}"
[[ "$STATUS" == 404 ]] && ok "nothing stored: no project $P4" || bad "after the correction the project exists: $STATUS"
call POST /api/v1/construction-permit/joint-applications "${T[fc-clerk]}" \
  "$(joint_body '["application-form","land-title","design-scheme","business-licence","planning-conditions","agent-authorisation"]')"
if [[ "$STATUS" == 201 ]]; then
  ok "201: one case per permit $(echo "$BODY" | json '[(r["matterCode"], r["caseNumber"]) for r in d["receipts"]]')"
  call GET "/api/v1/construction-permit/projects/$P4" "${T[fc-planner]}"
  [[ "$(echo "$BODY" | json '[c["matterCode"] for s in d["stages"] for c in s["cases"]]')" == "['CP-3', 'CP-4']" ]] \
    && ok "project $P4 holds both, stage $(echo "$BODY" | json 'd["stage"]')" || bad "joint project: $BODY"
else
  bad "joint application: $STATUS $BODY"
fi

echo "== ST: 分段施工许可 (CP-7), one permit per 施工段"
P5="$(project_code)"
section() { guide_application ST CP-7 "{\"projectCode\":\"$P5\",\"projectName\":\"汕头商务楼\",\"projectCategory\":\"social-building\",\"floorAreaM2\":18000,\"investmentCny10k\":9000,\"constructionSection\":\"$1\"}"; }
call POST /api/v1/applications "${T[st-clerk]}" "$(section foundation)"
[[ "$STATUS" == 201 ]] && ok "基础工程 permit $(echo "$BODY" | json 'd["caseNumber"]')" || bad "foundation permit: $STATUS $BODY"
call POST /api/v1/applications "${T[st-clerk]}" "$(section superstructure)"
[[ "$STATUS" == 201 ]] && ok "主体结构 permit $(echo "$BODY" | json 'd["caseNumber"]')" || bad "superstructure permit: $STATUS $BODY"
call POST /api/v1/applications "${T[st-clerk]}" "$(section foundation)"
[[ "$STATUS" == 409 && "$(echo "$BODY" | json 'd["code"]')" == project.section-held ]] \
  && ok "the same section again: 409 $(echo "$BODY" | json 'd["detailZh"]')" || bad "duplicate section: $STATUS $BODY"

summary
