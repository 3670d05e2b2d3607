#!/usr/bin/env bash
# The approver's inbox (待办) at the size of the database the stack holds: GET
# /api/v1/<service>/tasks as one approver, straight to the service (the gateway would give up after
# its time limit), REPEATS times; the median time, the tasks and the bytes of the answer, and the
# open cases behind them. Writes results/inbox-<UTC time>.md.
#   INBOX_USER=fc-approver SERVICE=enterprise-opening REPEATS=3 ./infra/bench/inbox.sh
set -euo pipefail
# shellcheck source=infra/bench/lib.sh
source "$(dirname "$0")/lib.sh"
USER_NAME="${INBOX_USER:-fc-approver}"
REPEATS="${REPEATS:-3}"
PORT="$(tr ' ' '\n' <<<"$APPS" | awk -F'|' -v s="$SERVICE" '$1 == s {print $3}')"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$RESULTS/inbox-$STAMP.md"
BODY="$WORK/inbox-$STAMP.json"

open_cases="$(sql "$DB" "SELECT count(*) FROM case_file WHERE status IN ('IN_PROGRESS', 'APPROVED')")"
say "inbox of $USER_NAME at $SERVICE (port $PORT): $open_cases open cases"
times=()
for i in $(seq 1 "$REPEATS"); do
  token="$(clerk_token "$USER_NAME")"
  read -r status seconds bytes < <(curl -sS -m 900 -o "$BODY" -w '%{http_code} %{time_total} %{size_download}\n' \
    "http://localhost:$PORT/api/v1/$SERVICE/tasks" -H "Authorization: Bearer $token")
  [[ "$status" == 200 ]] || { echo "inbox answered $status: $(head -c 300 "$BODY")" >&2; exit 1; }
  tasks="$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$BODY")"
  say "call $i: $seconds s, $tasks tasks, $bytes bytes"
  times+=("$seconds")
done

{
  echo "# Approver inbox $STAMP: $SERVICE"
  echo
  echo "- machine: $(machine)"
  echo "- GET /api/v1/$SERVICE/tasks as $USER_NAME, straight to the service, $REPEATS calls (a fresh token each)"
  echo "- database: $open_cases open cases in $DB"
  echo "- command: \`INBOX_USER=$USER_NAME SERVICE=$SERVICE REPEATS=$REPEATS ./infra/bench/inbox.sh\`"
  echo
  echo "| figure | value |"
  echo "|---|---:|"
  echo "| tasks in the inbox | $tasks |"
  echo "| answer size | $bytes bytes |"
  echo "| median time | **$(DIGITS=2 median_of "${times[@]}") s** |"
  echo "| every call | ${times[*]} s |"
} > "$OUT"
say "wrote ${OUT#"$ROOT"/}"
cat "$OUT"
