#!/usr/bin/env bash
# Loads next year's holiday calendar on the running local stack, as an administrator would, and
# checks it takes effect everywhere without a restart:
#   1. bad files are refused with the reason on the field (a make-up day on a weekday, a date twice,
#      a date of another year, a year that would leave a gap), and a clerk may not load one;
#   2. the year (infra/calendar/2027-drill.json unless CALENDAR_FILE says otherwise; the drill lists
#      only the fixed-date holidays and says so in its notice) is loaded: 202;
#   3. the public calendar at the gateway, and a case service's receipt, then answer for January of
#      that year with calendarKnown: true (measured: seconds from the load).
# A year already loaded is loaded again (replacing it). Ends with "N passed, N failed".
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/infra/check-lib.sh"
FILE="${CALENDAR_FILE:-$ROOT/infra/calendar/2027-drill.json}"
YEAR="${CALENDAR_YEAR:-2027}"

admin="$(token fc-admin)"; clerk="$(token fc-clerk)"
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
summary
