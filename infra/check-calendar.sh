#!/usr/bin/env bash
# Loads next year's holiday calendar on the running local stack, as an administrator would, and
# checks it takes effect everywhere without a restart:
#   1. bad files are refused with the reason on the field (a make-up day on a weekday, a date twice,
#      a date of another year, a year that would leave a gap), and a clerk may not load one;
#   2. the year (infra/calendar/2027-drill.json unless CALENDAR_FILE says otherwise; the drill lists
#      only the fixed-date holidays and says so in its notice) is loaded: 202;
#   3. the public calendar at the gateway then answers for January of that year with
#      calendarKnown: true (measured: seconds from the load);
#   4. a case accepted before the load whose dates reach into that year (QX CP-8: 20 working days
#      for the approval, 100 for the whole process) keeps its "calendar unknown" dates after the
#      load, until an administrator recomputes the open cases of every case service: then its due
#      date is on the new calendar, calendarKnown is true, and it is audited. When the year was
#      already loaded on this stack before the run (or 100 working days from today stay within this
#      year) the case is known from its acceptance, and step 4 says so instead of checking.
# A year already loaded is loaded again (replacing it). Ends with "N passed, N failed".
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/infra/check-lib.sh"
FILE="${CALENDAR_FILE:-$ROOT/infra/calendar/2027-drill.json}"
YEAR="${CALENDAR_YEAR:-2027}"

admin="$(token fc-admin)"; clerk="$(token fc-clerk)"; qx="$(token qx-clerk)"
USCC=91110105MA01FC010D
APPLICANT_NAME=日历演练建设有限公司
CASE_SERVICES=(enterprise-opening construction-permit property-registration utility-hookup supervision)
known() { # -> calendarKnown of 5 working days from 4 January of $YEAR, at the gateway's public calendar
  curl -sS -m 10 "$GATEWAY/api/v1/calendar/FC/due?from=$YEAR-01-04T10:00:00%2B08:00&amount=5&unit=WORKING_DAYS" \
    | json 'd["calendarKnown"]'
}
refused() { # description body expected-status expected-field
  call PUT "/api/v1/supervision/calendar/years/$YEAR" "$admin" "$2"
  if [[ "$STATUS" == "$3" ]] && echo "$BODY" | grep -qF "\"field\":\"$4\""; then
    ok "$1: $STATUS, reason on $4: $(echo "$BODY" | json '[v["zh"] for v in d.get("errors", [])][:1]')"
  else
    bad "$1: got $STATUS $BODY"
  fi
}

echo "== bad calendar files are refused with the reason"
refused "make-up day on a weekday" \
  "{\"notice\":\"x\",\"reason\":\"check\",\"days\":[{\"date\":\"$YEAR-01-04\",\"kind\":\"WORK\",\"name\":\"元旦\"}]}" 400 'days[0].kind'
refused "a date listed twice" \
  "{\"notice\":\"x\",\"reason\":\"check\",\"days\":[{\"date\":\"$YEAR-01-01\",\"kind\":\"OFF\",\"name\":\"元旦\"},{\"date\":\"$YEAR-01-01\",\"kind\":\"OFF\",\"name\":\"元旦\"}]}" 400 'days[1].date'
refused "a date of another year" \
  "{\"notice\":\"x\",\"reason\":\"check\",\"days\":[{\"date\":\"2030-01-01\",\"kind\":\"OFF\",\"name\":\"元旦\"}]}" 400 'days[0].date'
refused "no notice named" \
  "{\"reason\":\"check\",\"days\":[{\"date\":\"$YEAR-01-01\",\"kind\":\"OFF\",\"name\":\"元旦\"}]}" 400 'notice'
call PUT "/api/v1/supervision/calendar/years/$((YEAR + 5))" "$admin" "$(sed "s/$YEAR-/$((YEAR + 5))-/g" "$FILE")"
[[ "$STATUS" == 409 ]] && ok "a year that leaves a gap: 409 $(echo "$BODY" | json 'd["detailZh"]')" || bad "a gap year: got $STATUS $BODY"
call PUT "/api/v1/supervision/calendar/years/$YEAR" "$clerk" "$(cat "$FILE")"
[[ "$STATUS" == 403 ]] && ok "a clerk may not load a calendar: 403" || bad "a clerk loading: got $STATUS"

echo "== a case accepted before the notice, its dates reaching into $YEAR"
call POST /api/v1/applications "$qx" "$(guide_application QX CP-8 "{\"projectCode\":\"$(project_code 371402)\",\"projectName\":\"日历演练厂房\",\"projectCategory\":\"social-small-industrial-low-risk\",\"lowRisk\":true,\"floorAreaM2\":1500,\"investmentCny10k\":500,\"landParcel\":\"QX-2026-099\"}")"
CASE="$(echo "$BODY" | json 'd.get("caseNumber", "")' 2>/dev/null)"
UNKNOWN_AT_ACCEPTANCE="$(echo "$BODY" | json 'str(not d.get("calendarKnown", True))' 2>/dev/null)"
DUE_BEFORE="$(echo "$BODY" | json 'd.get("promisedDueAt", "")' 2>/dev/null)"
[[ "$STATUS" == 201 && -n "$CASE" ]] && ok "accepted $CASE: due $DUE_BEFORE, calendar unknown: $UNKNOWN_AT_ACCEPTANCE" \
  || bad "the QX CP-8 application: $STATUS $BODY"

echo "== $YEAR loaded from ${FILE#"$ROOT"/}"
before="$(known)"
start=$(date +%s%N)
call PUT "/api/v1/supervision/calendar/years/$YEAR" "$admin" "$(cat "$FILE")"
if [[ "$STATUS" == 202 ]]; then
  ok "loaded: $(echo "$BODY" | json '"%s holidays, %s make-up days, by %s" % (d["holidays"], d["makeUpDays"], d["loadedBy"])')"
else
  bad "load: got $STATUS $BODY"
fi
state=""
for _ in $(seq 1 300); do
  state="$(known)"; [[ "$state" == True ]] && break; sleep 0.1
done
ms=$(( ($(date +%s%N) - start) / 1000000 ))
[[ "$state" == True ]] && ok "the gateway's public calendar knows $YEAR (before: $before) ${ms} ms after the load" \
  || bad "the gateway still answers calendarKnown=$state 30 s after the load"
call GET "/api/v1/supervision/calendar/years" "$admin"
echo "$BODY" | grep -q "\"year\":$YEAR" && ok "supervision lists $YEAR among the published years" || bad "years: $BODY"

echo "== the open \"calendar unknown\" cases recomputed onto $YEAR by an administrator"
call POST /api/v1/construction-permit/calendar-recomputation "$clerk" '{"reason":"check"}'
[[ "$STATUS" == 403 ]] && ok "a clerk may not recompute: 403" || bad "a clerk recomputing: got $STATUS"
call POST /api/v1/construction-permit/calendar-recomputation "$admin" '{"reason":""}'
[[ "$STATUS" == 400 ]] && echo "$BODY" | grep -qF '"field":"reason"' && ok "no reason: 400 on reason" || bad "no reason: $STATUS $BODY"
if [[ "$UNKNOWN_AT_ACCEPTANCE" == True ]]; then
  call GET "/api/v1/cases/$CASE" "$qx"
  kept="$(echo "$BODY" | json '"%s %s" % (d["calendarKnown"], d["dueAt"])')"
  [[ "$kept" == "False "* ]] && ok "after the load the case keeps its dates until recomputed (calendarKnown False, due ${kept#* })" \
    || bad "the load moved the case's dates by itself: $kept"
fi
for service in "${CASE_SERVICES[@]}"; do
  call GET "/api/v1/$service/calendar-recomputation" "$admin"
  pending="$(echo "$BODY" | json 'd["pending"]' 2>/dev/null)"
  [[ "$STATUS" == 200 ]] || { bad "$service standing: $STATUS $BODY"; continue; }
  start=$(date +%s%N); done_count=0; remaining="$pending"
  for _ in $(seq 1 200); do
    call POST "/api/v1/$service/calendar-recomputation" "$admin" "{\"reason\":\"check-calendar.sh: $YEAR loaded\",\"batchSize\":200}"
    [[ "$STATUS" == 200 ]] || break
    done_count=$((done_count + $(echo "$BODY" | json 'len(d["recomputed"])')))
    remaining="$(echo "$BODY" | json 'd["remaining"]')"
    [[ "$remaining" == 0 ]] && break
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  [[ "$STATUS" == 200 && "$remaining" == 0 ]] && ok "$service: $pending pending, $done_count recomputed in ${ms} ms, 0 remaining" \
    || bad "$service recomputation stopped: $STATUS, $remaining remaining, $BODY"
done
if [[ "$UNKNOWN_AT_ACCEPTANCE" == True ]]; then
  call GET "/api/v1/cases/$CASE" "$qx"
  after="$(echo "$BODY" | json '"%s %s" % (d["calendarKnown"], d["dueAt"])')"
  [[ "$after" == "True "* ]] && ok "$CASE is on the $YEAR calendar: calendarKnown True, due ${after#* } (was $DUE_BEFORE)" \
    || bad "$CASE after the recomputation: $after"
  call GET "/api/v1/cases/$CASE/history" "$qx"
  echo "$BODY" | grep -q 'case.recompute-calendar' && ok "$CASE's history has the recomputation with its reason" \
    || bad "no case.recompute-calendar in $CASE's history: $BODY"
else
  echo "  note the case was known at acceptance ($YEAR was already loaded on this stack, or its dates stay in this year): nothing to recompute for it"
fi
summary
