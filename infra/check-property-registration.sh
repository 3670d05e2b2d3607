#!/usr/bin/env bash
# Drives property-registration (不动产登记) through the running local stack, as its users would:
# real Keycloak tokens, every call through the gateway.
#   1. FC: a 查封 registration decided in the request (即时办结): delivered, with its 证明号, no task;
#   2. FC: a transfer (PR-3a) due on the calendar's next working day, reviewed, registered, delivered;
#   3. QX: a joint transfer-and-mortgage due in 1 working day with the tax paid beforehand (PR-3c)
#      and in 3 without (PR-3d); the tax-paid matter refuses an application whose tax is not paid.
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

echo "== tokens from $KEYCLOAK"
declare -A T
for u in fc-clerk fc-registrar qx-clerk; do
  T[$u]="$(token "$u")"
  [[ -n "${T[$u]}" ]] || bad "no token for $u"
done
ok "tokens for ${#T[@]} demo users"

echo "== FC: 查封登记 (PR-1a), 即时办结"
call POST /api/v1/applications "${T[fc-clerk]}" "$(guide_application FC PR-1a '{}')"
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

echo "== FC: 转移登记 (PR-3a), 1 working day"
call POST /api/v1/applications "${T[fc-clerk]}" "$(guide_application FC PR-3a '{"notarised":true}')"
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
else
  bad "FC PR-3a: $STATUS $BODY"
fi

echo "== QX: 转移、抵押联办 with the tax paid (PR-3c, 1 WD) and without (PR-3d, 3 WD)"
for case in "PR-3c true 1" "PR-3d false 3"; do
  read -r matter paid days <<<"$case"
  call POST /api/v1/applications "${T[qx-clerk]}" "$(guide_application QX "$matter" "{\"taxPrepaid\":$paid}")"
  if [[ "$STATUS" == 201 ]]; then
    AT="$(echo "$BODY" | json 'd["acceptedAt"]')"; DUE="$(echo "$BODY" | json 'd["promisedDueAt"]')"
    expected="$(due_in QX "$AT" "$days")"
    [[ "$DUE" == "$expected" ]] && ok "QX $matter (tax paid: $paid) due $DUE: $days working day(s)" || bad "QX $matter due $DUE, calendar $expected"
  else
    bad "QX $matter: $STATUS $BODY"
  fi
done
call POST /api/v1/applications "${T[qx-clerk]}" "$(guide_application QX PR-3c '{"taxPrepaid":false}')"
[[ "$STATUS" == 422 && "$(echo "$BODY" | json 'd["outcome"]')" == REFUSED ]] \
  && ok "PR-3c without the tax paid: 不予受理 — $(echo "$BODY" | json 'd["refusal"]["zh"]')" || bad "PR-3c unpaid: $STATUS $BODY"

summary
