#!/usr/bin/env bash
# Drives property-registration (不动产登记) through the running local stack, as its users would:
# real Keycloak tokens, every call through the gateway.
#   1. FC: a 查封 registration decided in the request (即时办结): delivered, with its 证明号, no task;
#      the seized unit then refuses a transfer (409); an unknown unit refuses a mortgage (422);
#   2. FC: a transfer (PR-3a) due on the calendar's next working day, reviewed, registered (the
#      register shows the new owner), the e-certificate issued, delivered;
#   3. QX: a joint transfer-and-mortgage due in 1 working day with the tax paid beforehand (PR-3c)
#      and in 3 without (PR-3d); the tax-paid matter refuses an application whose tax is not paid;
#   4. LC: 交房即办证 — a joint completion acceptance in construction-permit (CP-9) makes the
#      project's units ready here; the developer's first registration (PR-2) is accepted without
#      the completion documents and registers every unit; a project without one is refused.
# Ends with "N passed, N failed". Needs: ./infra/stack.sh up.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/infra/check-lib.sh"
SERVICE=property-registration
USCC=91110105MA01FC010D
APPLICANT_NAME=示例置业有限公司

# due_in JURISDICTION FROM AMOUNT: the calendar's due instant for AMOUNT working days from FROM
due_in() {
  curl -sS -m 10 -G "$GATEWAY/api/v1/calendar/$1/due" --data-urlencode "from=$2" -d amount="$3" -d unit=WORKING_DAYS \
    | json 'd["dueAt"]'
}

# units of the demo register (services/property-registration/src/main/resources/db/demo)
FC_SEIZED=370404001001GB00001F00010301
FC_COMPANY_HELD=370404001001GB00001F00010202
QX_UNITS=(370686001001GB00002F00010101 370686001001GB00002F00010201)

echo "== tokens from $KEYCLOAK"
declare -A T
for u in fc-clerk fc-registrar qx-clerk lc-clerk lc-registrar lc-builder lc-planner lc-land lc-fire lc-air-defence lc-archivist; do
  T[$u]="$(token "$u")"
  [[ -n "${T[$u]}" ]] || bad "no token for $u"
done
ok "tokens for ${#T[@]} demo users"

echo "== FC: 查封登记 (PR-1a), 即时办结"
call POST /api/v1/applications "${T[fc-clerk]}" "$(guide_application FC PR-1a "{\"unitNumber\":\"$FC_SEIZED\"}")"
if [[ "$STATUS" == 201 ]]; then
  CN="$(echo "$BODY" | json 'd["caseNumber"]')"
  ok "$CN decided in the request: $(echo "$BODY" | json 'd["results"]["certificationNumber"]')"
  call GET "/api/v1/cases/$CN" "${T[fc-clerk]}"
  [[ "$(echo "$BODY" | json 'd["status"]')" == DELIVERED ]] && ok "$CN delivered at the window" || bad "seizure case: $BODY"
  call GET /api/v1/property-registration/tasks "${T[fc-registrar]}"
  [[ "$STATUS" == 200 && "$BODY" != *"$CN"* ]] && ok "no task for it in the registrar's inbox" || bad "tasks: $STATUS $BODY"
else
  bad "FC PR-1a: $STATUS $BODY"
fi
call POST /api/v1/applications "${T[fc-clerk]}" "$(guide_application FC PR-3a "{\"notarised\":true,\"unitNumber\":\"$FC_SEIZED\"}")"
[[ "$STATUS" == 409 && "$(echo "$BODY" | json 'd["code"]')" == unit.seized ]] \
  && ok "a transfer of the seized unit: 409 — $(echo "$BODY" | json 'd["detailZh"]')" || bad "transfer of a seized unit: $STATUS $BODY"
call POST /api/v1/applications "${T[fc-clerk]}" "$(guide_application FC PR-4a '{"unitNumber":"370404001001GB00001F00019999"}')"
[[ "$STATUS" == 422 && "$(echo "$BODY" | json 'd["code"]')" == unit.unknown ]] \
  && ok "a mortgage of a unit not on the register: 422 — $(echo "$BODY" | json 'd["detailZh"]')" || bad "mortgage of an unknown unit: $STATUS $BODY"

echo "== FC: 转移登记 (PR-3a), 1 working day"
call POST /api/v1/applications "${T[fc-clerk]}" "$(guide_application FC PR-3a "{\"notarised\":true,\"unitNumber\":\"$FC_COMPANY_HELD\"}")"
if [[ "$STATUS" == 201 ]]; then
  CN="$(echo "$BODY" | json 'd["caseNumber"]')"; AT="$(echo "$BODY" | json 'd["acceptedAt"]')"; DUE="$(echo "$BODY" | json 'd["promisedDueAt"]')"
  expected="$(due_in FC "$AT" 1)"
  [[ "$DUE" == "$expected" ]] && ok "$CN accepted $AT, due $DUE: the next working day (calendar: $expected)" \
    || bad "FC transfer due $DUE, the calendar says $expected"
  id="$(task_of "${T[fc-registrar]}" "$CN" review)"
  call POST "/api/v1/property-registration/tasks/$id/complete" "${T[fc-registrar]}" '{"decision":"APPROVED","comment":"核验无误，予以登簿"}'
  [[ "$STATUS" == 204 ]] && ok "fc-registrar: 审核 and 登簿" || bad "review: $STATUS $BODY"
  id="$(task_of "${T[fc-clerk]}" "$CN" deliver)"
  call POST "/api/v1/property-registration/tasks/$id/complete" "${T[fc-clerk]}" '{"channel":"WINDOW"}'
  [[ "$STATUS" == 204 ]] && ok "统一出件 of $CN" || bad "deliver: $STATUS $BODY"
  call GET "/api/v1/property-registration/units/$FC_COMPANY_HELD" "${T[fc-registrar]}"
  [[ "$STATUS" == 200 && "$(echo "$BODY" | json 'd["ownerName"]')" == "$APPLICANT_NAME" ]] \
    && ok "登簿: $FC_COMPANY_HELD now held by $APPLICANT_NAME since $(echo "$BODY" | json 'd["registeredOn"]')" || bad "unit after transfer: $STATUS $BODY"
  call GET "/api/v1/cases/$CN" "${T[fc-clerk]}"
  [[ "$(echo "$BODY" | json '[s["step"] for s in d["steps"]]')" == *e-certificate* ]] \
    && ok "缮证: the e-certificate is in the 电子证照库" || bad "no e-certificate step: $BODY"
else
  bad "FC PR-3a: $STATUS $BODY"
fi

echo "== QX: 转移、抵押联办 with the tax paid (PR-3c, 1 WD) and without (PR-3d, 3 WD)"
for case in "PR-3c true 1 0" "PR-3d false 3 1"; do
  read -r matter paid days unit <<<"$case"
  call POST /api/v1/applications "${T[qx-clerk]}" "$(guide_application QX "$matter" "{\"taxPrepaid\":$paid,\"unitNumber\":\"${QX_UNITS[$unit]}\"}")"
  if [[ "$STATUS" == 201 ]]; then
    AT="$(echo "$BODY" | json 'd["acceptedAt"]')"; DUE="$(echo "$BODY" | json 'd["promisedDueAt"]')"
    expected="$(due_in QX "$AT" "$days")"
    [[ "$DUE" == "$expected" ]] && ok "QX $matter (tax paid: $paid) due $DUE: $days working day(s)" || bad "QX $matter due $DUE, calendar $expected"
  else
    bad "QX $matter: $STATUS $BODY"
  fi
done
call POST /api/v1/applications "${T[qx-clerk]}" "$(guide_application QX PR-3c "{\"taxPrepaid\":false,\"unitNumber\":\"${QX_UNITS[0]}\"}")"
[[ "$STATUS" == 422 && "$(echo "$BODY" | json 'd["outcome"]')" == REFUSED ]] \
  && ok "PR-3c without the tax paid: 不予受理 — $(echo "$BODY" | json 'd["refusal"]["zh"]')" || bad "PR-3c unpaid: $STATUS $BODY"

echo "== LC: 交房即办证 — completion acceptance (CP-9) → units ready → first registration (PR-2)"
P="$(project_code 371502)"
SERVICE=construction-permit
call POST /api/v1/applications "${T[lc-clerk]}" "$(guide_application LC CP-9 "{\"projectCode\":\"$P\",\"projectName\":\"柳园新居\",\"projectCategory\":\"social-building\",\"floorAreaM2\":12000,\"investmentCny10k\":6000,\"landParcel\":\"LC-2026-077\",\"buildings\":[{\"building\":\"1号楼\",\"units\":24},{\"building\":\"2号楼\",\"units\":18}]}")"
if [[ "$STATUS" == 201 ]]; then
  CP_CASE="$(echo "$BODY" | json 'd["caseNumber"]')"
  lc_acceptance_checks "$CP_CASE"
  decide "${T[lc-builder]}" "$CP_CASE" acceptance-opinion "lc-builder: 验收意见, construction.completion-accepted for $P"
  deliver "${T[lc-clerk]}" "$CP_CASE"
  SERVICE=property-registration
  units_ready "$P" "${T[lc-registrar]}" 30
  ready="$READY"
  if [[ -n "$ready" ]]; then
    ok "units ready for first registration: $(echo "$ready" | json 'd["unitsReady"]') (event at $(echo "$ready" | json 'd["announcedAt"]'), ready at $(echo "$ready" | json 'd["unitsReadyAt"]'))"
  else
    bad "project $P never became ready here: $STATUS $BODY"
  fi
  no_documents="$(guide_application LC PR-2 "{\"projectCode\":\"$P\"}" | python3 -c "
import json, sys
a = json.load(sys.stdin)
a['materials'] = [m for m in a['materials'] if m['code'] != 'completion-filing-certificate']
print(json.dumps(a, ensure_ascii=False))")"
  call POST /api/v1/applications "${T[lc-clerk]}" "$no_documents"
  if [[ "$STATUS" == 201 && "$(echo "$BODY" | json 'd["outcome"]')" == ACCEPTED ]]; then
    CN="$(echo "$BODY" | json 'd["caseNumber"]')"
    ok "first registration $CN accepted without the 竣工验收备案证明 (免提交)"
    decide "${T[lc-registrar]}" "$CN" review "lc-registrar: 审核 and 登簿 of $CN"
    deliver "${T[lc-clerk]}" "$CN"
    call GET "/api/v1/property-registration/projects/$P" "${T[lc-registrar]}"
    [[ "$(echo "$BODY" | json 'd["unitsRegistered"]')" == 42 ]] && ok "all 42 units registered to $APPLICANT_NAME" || bad "units after 首次登记: $BODY"
  else
    bad "LC PR-2 without completion documents: $STATUS $BODY"
  fi
else
  bad "LC CP-9: $STATUS $BODY"
fi
call POST /api/v1/applications "${T[lc-clerk]}" "$(guide_application LC PR-2 "{\"projectCode\":\"$(project_code 371502)\"}")"
[[ "$STATUS" == 422 && "$(echo "$BODY" | json 'd["code"]')" == project.not-completed ]] \
  && ok "a project without accepted completion: 422 — $(echo "$BODY" | json 'd["detailZh"]')" || bad "PR-2 of an unaccepted project: $STATUS $BODY"

summary
