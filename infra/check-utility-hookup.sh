#!/usr/bin/env bash
# Drives utility-hookup (水电气热信报装) through the running local stack, as its users would: real
# Keycloak tokens, every call through the gateway.
#   1. 事项引导 (public): ST 160 kW / 200 m goes the exempt way (UT-E7), 161 kW does not; FC water at
#      151 m takes the joint approval (UT-W2b); a QX direct pipe of 21 m fits nothing and says why;
#   2. the same electricity request in LC and QX: both 7 WD with works, LC with its 5 WD parallel
#      approval of planning, roads and landscaping; without works LC 3 WD and QX 2 WD (calendar);
#      LC's connection worked through by the departments and the grid company, delivered;
#   3. ST UT-E7: no approval at all, the works data pushed after connection; 161 kW refused;
#   4. FC: water without external works connected at once; at 151 m the joint approval's 3 WD clock;
#   5. QX gas with works: paused for time the utility cannot control, the due date moved by exactly
#      the working time it stood still;
#   6. ST 联合报装: one form, one joint survey, then a component case per utility; LC's form whose
#      water fits no matter is refused with the reason;
#   7. 过户: a real ST transfer registered in property-registration opens four 过户 cases; a transfer
#      announced as registered before 2021-09-30 opens only electricity, and again changes nothing.
# Ends with "N passed, N failed". Needs: ./infra/stack.sh up.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/infra/check-lib.sh"
SERVICE=utility-hookup
USCC=91110105MA01FC010D
APPLICANT_NAME=示例电子科技有限公司
ST_UNIT=370406001001GB00004F00010101 # the demo register's ST unit (property-registration db/demo)

due_in() { # JURISDICTION FROM AMOUNT: the calendar's due instant for AMOUNT working days from FROM
  curl -sS -m 10 -G "$GATEWAY/api/v1/calendar/$1/due" --data-urlencode "from=$2" -d amount="$3" -d unit=WORKING_DAYS \
    | json 'd["dueAt"]'
}
select_matter() { # JURISDICTION QUERY -> the selection answer in $BODY, without a login
  STATUS="$(curl -sS -m 20 -o "$CALL_BODY_FILE" -w '%{http_code}' "$GATEWAY/api/v1/catalogue/$1/matter-selection?service=utility-hookup&$2")"
  BODY="$(cat "$CALL_BODY_FILE")"
}
apply() { # token jurisdiction matter data -> case number in $CN (empty when not 201)
  call POST /api/v1/applications "$1" "$(guide_application "$2" "$3" "$4")"
  CN=""; [[ "$STATUS" == 201 ]] && CN="$(echo "$BODY" | json 'd["caseNumber"]')"
}
clock_of() { # case token clock -> "limit running" of the case's clock, empty when it has none
  call GET "/api/v1/cases/$1" "$2"
  echo "$BODY" | python3 -c "
import json,sys
for c in json.load(sys.stdin).get('clocks', []):
    if c['clock']==sys.argv[1]: print(c['limit'], c['running'])" "$3"
}

echo "== tokens from $KEYCLOAK"
declare -A T
for u in lc-clerk lc-power lc-planner lc-roads lc-landscaping qx-clerk qx-power qx-gas st-clerk st-power st-registrar st-utility-desk fc-clerk fc-water; do
  T[$u]="$(token "$u")"
  [[ -n "${T[$u]}" ]] || bad "no token for $u"
done
ok "tokens for ${#T[@]} demo users"

echo "== 事项引导: which matter do I need (public, no login)"
ST_EXEMPT="family=UT-E&voltage=LOW&lineLengthM=200&externalWorks=true&threeZeroService=true&interestedThirdParty=false"
select_matter ST "$ST_EXEMPT&capacityKw=160"
[[ "$STATUS" == 200 && "$(echo "$BODY" | json 'd.get("recommended")')" == UT-E7 ]] \
  && ok "ST 160 kW / 200 m: $(echo "$BODY" | json 'd["answerZh"]')" || bad "ST 160 kW: $STATUS $BODY"
select_matter ST "$ST_EXEMPT&capacityKw=161"
[[ "$(echo "$BODY" | json 'd.get("recommended")')" == UT-E2 ]] \
  && ok "ST 161 kW: $(echo "$BODY" | json 'd["answerZh"]')" || bad "ST 161 kW: $BODY"
select_matter FC "family=UT-W&externalWorks=true&pipeLengthM=151"
[[ "$(echo "$BODY" | json 'd.get("recommended")')" == UT-W2b ]] \
  && ok "FC water 151 m: $(echo "$BODY" | json 'd["answerZh"]')" || bad "FC 151 m: $BODY"
select_matter QX "family=UT-W&directConnection=true&pipeLengthM=21"
[[ "$(echo "$BODY" | json 'd.get("recommended")')" == None && "$(echo "$BODY" | json 'd["answerZh"]')" == *"管线长度 ≤ 20 m"* ]] \
  && ok "QX direct 21 m, no default: $(echo "$BODY" | json 'd["answerZh"]')" || bad "QX 21 m: $BODY"
select_matter LC "capacityKw=lots"
[[ "$STATUS" == 400 && "$BODY" == *"用电容量应为数字"* ]] && ok "a non-number is refused next to its field (400)" || bad "bad input: $STATUS $BODY"

echo "== LC and QX: the same low-voltage request, 100 kW"
WORKS='{"voltage":"LOW","capacityKw":100,"externalWorks":true,"transformerUpgrade":false}'
apply "${T[lc-clerk]}" LC UT-E2 "$WORKS"; LC_CASE="$CN"
apply "${T[qx-clerk]}" QX UT-E2 "$WORKS"; QX_CASE="$CN"
if [[ -n "$LC_CASE" && -n "$QX_CASE" ]]; then
  ok "accepted: LC $LC_CASE, QX $QX_CASE"
  for u in lc-planner lc-roads lc-landscaping; do
    [[ -n "$(task_of "${T[$u]}" "$LC_CASE" works-approval)" ]] && ok "$u has the 外线工程并联审批 of $LC_CASE" || bad "$u: no works-approval"
  done
  lc_step="$(clock_of "$LC_CASE" "${T[lc-clerk]}" STEP:external-works-approval)"
  [[ "$(clock_of "$LC_CASE" "${T[lc-clerk]}" APPROVAL)" == "7 WORKING_DAYS True" && "$lc_step" == "5 WORKING_DAYS True" ]] \
    && ok "LC: 7 WD, the parallel approval on its own 5 WD clock" || bad "LC clocks: $BODY"
  [[ "$(clock_of "$QX_CASE" "${T[qx-clerk]}" APPROVAL)" == "7 WORKING_DAYS True" && -z "$(clock_of "$QX_CASE" "${T[qx-clerk]}" STEP:external-works-approval)" ]] \
    && ok "QX: 7 WD, no approval clock of its own" || bad "QX clocks: $BODY"
else
  bad "LC/QX UT-E2 not accepted: $STATUS $BODY"
fi
NO_WORKS='{"voltage":"LOW","capacityKw":100,"externalWorks":false,"directConnection":false,"transformerUpgrade":false}'
for j in LC:3 QX:2; do
  call POST /api/v1/applications "${T[$(echo "${j%%:*}" | tr A-Z a-z)-clerk]}" "$(guide_application "${j%%:*}" UT-E1 "$NO_WORKS")"
  if [[ "$STATUS" == 201 ]]; then
    at="$(echo "$BODY" | json 'd["acceptedAt"]')"; due="$(echo "$BODY" | json 'd["promisedDueAt"]')"
    [[ "$due" == "$(due_in "${j%%:*}" "$at" "${j##*:}")" ]] && ok "${j%%:*} UT-E1 without works: due $due, ${j##*:} working days" \
      || bad "${j%%:*} UT-E1 due $due, calendar says $(due_in "${j%%:*}" "$at" "${j##*:}")"
  else
    bad "${j%%:*} UT-E1: $STATUS $BODY"
  fi
done
if [[ -n "$LC_CASE" ]]; then
  for u in lc-planner lc-roads lc-landscaping; do decide "${T[$u]}" "$LC_CASE" works-approval "$u: 外线工程审批"; done
  decide "${T[lc-power]}" "$LC_CASE" external-works "lc-power: 外线工程施工"
  decide "${T[lc-power]}" "$LC_CASE" connection "lc-power: 装表接电"
  deliver "${T[lc-clerk]}" "$LC_CASE"
  call GET "/api/v1/cases/$LC_CASE" "${T[lc-clerk]}"
  [[ "$(echo "$BODY" | json 'd["status"]')" == DELIVERED ]] && ok "$LC_CASE connected and delivered" || bad "LC case: $BODY"
fi

echo "== ST: UT-E7, no administrative approval"
EXEMPT='{"voltage":"LOW","capacityKw":160,"lineLengthM":200,"externalWorks":true,"threeZeroService":true,"interestedThirdParty":false}'
apply "${T[st-clerk]}" ST UT-E7 "$EXEMPT"
if [[ -n "$CN" ]]; then
  decide "${T[st-power]}" "$CN" external-works "st-power: works with no approval step before them"
  decide "${T[st-power]}" "$CN" connection "st-power: 装表接电"
  task_of "${T[st-clerk]}" "$CN" deliver > /dev/null
  [[ "$(clock_of "$CN" "${T[st-clerk]}" STEP:supplier-information-push)" == "3 MONTHS False" ]] \
    && ok "the works data pushed to the approval departments, within its 3-month clock" || bad "information push: $BODY"
  call GET "/api/v1/cases/$CN/history" "${T[st-clerk]}"
  [[ "$BODY" != *works-approval* ]] && ok "no works-approval in $CN's history" || bad "an approval happened: $BODY"
else
  bad "ST UT-E7 160 kW: $STATUS $BODY"
fi
call POST /api/v1/applications "${T[st-clerk]}" "$(guide_application ST UT-E7 "${EXEMPT/160/161}")"
[[ "$STATUS" == 422 && "$BODY" == *"160 kW"* ]] && ok "161 kW refused for UT-E7 (422), naming the 160 kW bound" || bad "161 kW: $STATUS $BODY"

echo "== FC: water"
apply "${T[fc-clerk]}" FC UT-W1 '{"externalWorks":false}'
[[ -n "$CN" && "$(echo "$BODY" | json 'd["results"]["connectedOn"]')" != "" ]] \
  && ok "UT-W1 without works connected at once: $CN, connectedOn $(echo "$BODY" | json 'd["results"]["connectedOn"]')" || bad "FC UT-W1: $STATUS $BODY"
apply "${T[fc-clerk]}" FC UT-W2b '{"externalWorks":true,"pipeLengthM":151}'
if [[ -n "$CN" ]]; then
  decide "${T[fc-water]}" "$CN" scheme-reply "fc-water: 现场踏勘 and the scheme"
  for i in $(seq 1 40); do c="$(clock_of "$CN" "${T[fc-clerk]}" STEP:joint-approval)"; [[ -n "$c" ]] && break; sleep 0.5; done
  [[ "$c" == "3 WORKING_DAYS True" ]] && ok "151 m: the joint approval runs on its 3 WD clock (6 WD to connection)" || bad "FC joint approval: $c"
else
  bad "FC UT-W2b: $STATUS $BODY"
fi

echo "== QX: gas paused for time the utility cannot control"
apply "${T[qx-clerk]}" QX UT-G1b '{"externalWorks":true,"pipeLengthM":150}'
if [[ -n "$CN" ]]; then
  GAS="$CN"
  decide "${T[qx-gas]}" "$GAS" scheme-reply "qx-gas: 确定方案 (the works filed at once, within 200 m)"
  task_of "${T[qx-gas]}" "$GAS" external-works > /dev/null
  call GET "/api/v1/cases/$GAS" "${T[qx-gas]}"; before="$(echo "$BODY" | json 'd["dueAt"]')"
  call POST "/api/v1/cases/$GAS/suspension" "${T[qx-gas]}" '{"reason":"UNCONTROLLABLE_WORKS","note":"市政道路施工，外线无法开挖"}'
  [[ "$STATUS" == 204 ]] && ok "suspended: UNCONTROLLABLE_WORKS" || bad "suspend: $STATUS $BODY"
  sleep 3
  call POST "/api/v1/cases/$GAS/resumption" "${T[qx-gas]}"
  [[ "$STATUS" == 204 ]] && ok "resumed" || bad "resume: $STATUS $BODY"
  call GET "/api/v1/cases/$GAS" "${T[qx-gas]}"; after="$(echo "$BODY" | json 'd["dueAt"]')"
  call GET "/api/v1/cases/$GAS/history" "${T[qx-gas]}"
  # the working time the clock stood still, and the working time the due date moved by: office
  # hours (09:00-12:00, 13:30-17:30 Beijing) of the working days (the calendar says which) between
  # the two instants. A due date at 17:30 moves to the next working morning, so natural seconds
  # would not do.
  working_days=""
  for day in $(python3 -c "
import datetime as dt, sys
a, b = (dt.datetime.fromisoformat(x).astimezone(dt.timezone(dt.timedelta(hours=8))).date() for x in sys.argv[1:3])
a = min(a, dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date())
while a <= b: print(a.isoformat()); a += dt.timedelta(days=1)
" "$before" "$after"); do
    hour="$(curl -sS -G "$GATEWAY/api/v1/calendar/QX/due" --data-urlencode "from=${day}T00:00:00+08:00" -d amount=1 -d unit=WORKING_HOURS | json 'd["dueAt"]')"
    [[ "$hour" == "${day}T10:00"* ]] && working_days+="$day,"
  done
  verdict="$(echo "$BODY" | python3 -c "
import json, sys, datetime as dt
h = json.load(sys.stdin); before, after = [dt.datetime.fromisoformat(a) for a in sys.argv[1:3]]
days = [d for d in sys.argv[3].split(',') if d]
s = next(dt.datetime.fromisoformat(x['at']) for x in h if x['action'] == 'case.suspend')
r = next(dt.datetime.fromisoformat(x['at']) for x in h if x['action'] == 'case.resume')
def working(a, b):
    total = 0.0
    for day in days:
        for f, t in (('09:00', '12:00'), ('13:30', '17:30')):
            lo = max(a, dt.datetime.fromisoformat(day + 'T' + f + ':00+08:00')); hi = min(b, dt.datetime.fromisoformat(day + 'T' + t + ':00+08:00'))
            total += max(0.0, (hi - lo).total_seconds())
    return total
expected = working(s, r)
moved = working(before, after)
print(('ok' if abs(moved - expected) <= 1.0 else 'bad') + ' moved %.3f s, stood still %.3f s of working time (%s to %s)' % (moved, expected, s.time(), r.time()))
" "$before" "$after" "$working_days")"
  [[ "$verdict" == ok* ]] && ok "due $before -> $after: ${verdict#ok }" || bad "due date: $before -> $after: ${verdict#bad }"
else
  bad "QX UT-G1b: $STATUS $BODY"
fi

echo "== ST: 联合报装 (UT-J1): one form, one joint survey, a case per utility"
apply "${T[st-clerk]}" ST UT-J1 '{"voltage":"LOW","externalWorks":false,"utilities":["electricity","water"]}'
if [[ -n "$CN" ]]; then
  JOINT="$CN"
  decide "${T[st-utility-desk]}" "$JOINT" joint-survey "st-utility-desk: 联合踏勘 of $JOINT"
  parts=""
  for i in $(seq 1 40); do
    call GET "/api/v1/cases/$JOINT" "${T[st-clerk]}"
    parts="$(echo "$BODY" | json '" ".join(sorted(l["otherCase"] for l in d.get("links", []) if l["kind"] == "COMPONENT"))')"
    [[ "$(echo $parts | wc -w)" == 2 ]] && break
    sleep 0.5
  done
  seen=""
  for p in $parts; do
    call GET "/api/v1/cases/$p" "${T[st-clerk]}"
    seen+="$(echo "$BODY" | json 'd["matterCode"] + "@" + d["department"]') "
  done
  [[ "$(echo $seen | tr ' ' '\n' | sort | tr '\n' ' ')" == "UT-E1@power-supply UT-W1@water-supply " ]] \
    && ok "component cases of $JOINT: $seen(each its own matter, company and clock)" || bad "components of $JOINT: ${seen:-none}"
else
  bad "ST UT-J1: $STATUS $BODY"
fi
call POST /api/v1/applications "${T[lc-clerk]}" "$(guide_application LC UT-J1 '{"voltage":"LOW","externalWorks":false,"directConnection":false,"transformerUpgrade":false}')"
[[ "$STATUS" == 400 && "$BODY" == *"供水：没有适用的事项"* ]] && ok "LC UT-J1 whose water fits no matter refused (400): the reason on data.utilities" || bad "LC UT-J1: $STATUS $BODY"

echo "== 过户: a transfer registered in ST (property-registration → utility-hookup)"
OWNERS=("赵敏" "孙立" "周晴" "吴桐")
NEW_OWNER="${OWNERS[$(( $(date +%s) % 4 ))]}"
transfer="{\"jurisdiction\":\"ST\",\"matterCode\":\"PR-3a\",\"channel\":\"WINDOW\",\"applicant\":{\"type\":\"PERSON\",\"name\":\"$NEW_OWNER\",\"idNumber\":\"11010519491231002X\"},\"materials\":[],\"data\":{\"unitNumber\":\"$ST_UNIT\"}}"
transfer="$(curl -sS -m 20 "$GATEWAY/api/v1/catalogue/ST/matters/PR-3a" | python3 -c "
import json,sys; a=json.loads(sys.argv[1]); a['materials']=[{'code':m['code'],'form':'PAPER'} for m in json.load(sys.stdin)['materials']]; print(json.dumps(a, ensure_ascii=False))" "$transfer")"
call POST /api/v1/applications "${T[st-clerk]}" "$transfer"
if [[ "$STATUS" == 201 ]]; then
  PR_CASE="$(echo "$BODY" | json 'd["caseNumber"]')"
  SERVICE=property-registration decide "${T[st-registrar]}" "$PR_CASE" review "st-registrar: 审核 and 登簿 of $PR_CASE ($NEW_OWNER)"
  registered="$(date +%s%N)"
  found=""
  for i in $(seq 1 60); do
    call GET "/api/v1/utility-hookup/cases?status=IN_PROGRESS" "${T[st-clerk]}"
    found="$(echo "$BODY" | python3 -c "
import json,sys,urllib.request
lines=[l for l in json.load(sys.stdin) if l['matterCode'].startswith('UT-X')]
print(' '.join(sorted(l['caseNumber']+':'+l['matterCode'] for l in lines)))")"
    matched=""
    for entry in $found; do
      call GET "/api/v1/cases/${entry%%:*}" "${T[st-clerk]}"
      [[ "$(echo "$BODY" | json 'd["data"].get("registrationCase")')" == "$PR_CASE" ]] && matched+="${entry##*:} "
    done
    [[ "$(echo $matched | wc -w)" -ge 4 ]] && break
    sleep 0.5
  done
  [[ "$(echo $matched | tr ' ' '\n' | sort | tr '\n' ' ')" == "UT-Xa UT-Xb UT-Xc UT-Xd " ]] \
    && ok "registered today in ST: four 过户 cases ($matched) for $PR_CASE, found $(( ($(date +%s%N) - registered) / 1000000 )) ms after 登簿 (polling the case list)" \
    || bad "ST 过户 of $PR_CASE: ${matched:-none}"
else
  bad "ST PR-3a: $STATUS $BODY"
fi

echo "== 过户: a transfer announced as registered on 2021-07-01 (before water, gas and heat joined)"
EVENT_ID="$(cat /proc/sys/kernel/random/uuid)"
SUBJECT="ST-PR-20210701-$(printf '%06d' $(( $(date +%s) % 1000000 )))-K"
envelope="{\"specversion\":\"1.0\",\"id\":\"$EVENT_ID\",\"type\":\"property.transfer-registered\",\"source\":\"/onewindow/property-registration\",\"subject\":\"$SUBJECT\",\"time\":\"2021-07-01T02:00:00Z\",\"jurisdiction\":\"ST\",\"data\":{\"unitNumber\":\"370406001001GB00004F00019999\",\"address\":\"市中区示例路 9 号\",\"previousOwner\":{\"type\":\"PERSON\",\"name\":\"钱多\",\"idNumber\":\"370402198001010011\"},\"newOwner\":{\"type\":\"PERSON\",\"name\":\"孔亮\",\"idNumber\":\"11010519491231002X\"},\"registeredOn\":\"2021-07-01\",\"matterCode\":\"PR-3a\",\"utilities\":[{\"matterCode\":\"UT-Xa\",\"name\":\"电力过户\",\"coordinatedFrom\":\"2021-05-31\"}]}}"
for attempt in 1 2; do # the second time is a redelivery: nothing more may open
  printf 'ce_type:"property.transfer-registered",ce_id:"%s"\t%s\t%s\n' "$EVENT_ID" "$SUBJECT" "$envelope" \
    | java -Xmx128m -Dlog4j.configuration="file:$ROOT/infra/.stack/kafka/tools-log4j.properties" -cp "$KAFKA_LIBS/*" \
      kafka.tools.ConsoleProducer --bootstrap-server "$KAFKA_BOOTSTRAP" \
      --topic onewindow.property-registration.case-events --property parse.key=true --property parse.headers=true > /dev/null 2>&1
done
early_cases() { # the 过户 matters opened by the event $EVENT_ID, in $EARLY
  EARLY=""
  call GET "/api/v1/utility-hookup/cases?status=IN_PROGRESS" "${T[st-clerk]}"
  for entry in $(echo "$BODY" | python3 -c "
import json,sys
print(' '.join(l['caseNumber']+':'+l['matterCode'] for l in json.load(sys.stdin) if l['matterCode'].startswith('UT-X')))"); do
    call GET "/api/v1/cases/${entry%%:*}" "${T[st-clerk]}"
    [[ "$(echo "$BODY" | json 'd.get("causedBy")')" == "$EVENT_ID" ]] && EARLY+="${entry##*:} "
  done
}
for i in $(seq 1 60); do early_cases; [[ -n "$EARLY" ]] && break; sleep 0.5; done
sleep 3 # the redelivery has arrived by now: it must have opened nothing
early_cases; early="$EARLY"
[[ "$early" == "UT-Xa " ]] && ok "registered 2021-07-01: only electricity ($early), once though sent twice" || bad "early transfer opened: ${early:-nothing}"

summary
