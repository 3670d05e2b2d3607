# Shared by the stack checks (check-*.sh): counting, JSON, real Keycloak tokens, calls through the
# gateway. Source it after setting nothing; it reads GATEWAY_URL and KEYCLOAK_URL.
GATEWAY="${GATEWAY_URL:-http://localhost:8080}"
KEYCLOAK="${KEYCLOAK_URL:-http://localhost:8180}"
KAFKA_LIBS="$ROOT/infra/.stack/kafka/libs"
KAFKA_BOOTSTRAP="${ONEWINDOW_KAFKA_BOOTSTRAP:-127.0.0.1:19092}"
passed=0 failed=0
ok() { passed=$((passed + 1)); printf '  ok   %s\n' "$*"; }
bad() { failed=$((failed + 1)); printf '  FAIL %s\n' "$*"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {'d': d}))" "$1"; }

token() { # user -> access token (password grant of the demo CLI client)
  curl -sS -m 20 "$KEYCLOAK/realms/onewindow/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=onewindow-cli -d username="$1" -d password=demo | json 'd["access_token"]'
}

# call METHOD PATH TOKEN [BODY] -> body in $BODY, status in $STATUS; a body goes with a fresh Idempotency-Key
CALL_BODY_FILE="$(mktemp)"
trap 'rm -f "$CALL_BODY_FILE"' EXIT
call() {
  local args=(-sS -m 30 -o "$CALL_BODY_FILE" -w '%{http_code}' -X "$1" "$GATEWAY$2" -H "Authorization: Bearer $3")
  [[ $# -ge 4 ]] && args+=(-H 'Content-Type: application/json' -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" --data-binary "$4")
  STATUS="$(curl "${args[@]}")"
  BODY="$(cat "$CALL_BODY_FILE")"
}

summary() { # the last line of every check, and its exit status
  echo "$passed passed, $failed failed"
  ((failed == 0))
}

# guide_application JURISDICTION MATTER DATA-JSON: an enterprise's window application with every
# material of the matter on paper, as the 办事指南 lists them; the enterprise is $APPLICANT_NAME, $USCC
guide_application() {
  curl -sS -m 20 "$GATEWAY/api/v1/catalogue/$1/matters/$2" | python3 -c "
import json, sys
guide = json.load(sys.stdin)
print(json.dumps({'jurisdiction': sys.argv[1], 'matterCode': sys.argv[2], 'channel': 'WINDOW',
  'applicant': {'type': 'ENTERPRISE', 'name': sys.argv[5], 'uscc': sys.argv[4]},
  'materials': [{'code': m['code'], 'form': 'PAPER'} for m in guide['materials']],
  'data': json.loads(sys.argv[3])}, ensure_ascii=False))" "$1" "$2" "$3" "$USCC" "$APPLICANT_NAME"
}

# task_of TOKEN CASE ACTIVITY -> the id of the case's open task of that activity in $SERVICE's
# task list, as TOKEN sees it (waits up to 30 s; prints nothing when there is none)
task_of() {
  local i id
  for i in $(seq 1 60); do
    call GET "/api/v1/$SERVICE/tasks" "$1"
    id="$(echo "$BODY" | python3 -c "
import json,sys
for t in json.load(sys.stdin):
    if t['caseNumber']==sys.argv[1] and t['activity']==sys.argv[2]: print(t['id']); break" "$2" "$3" 2>/dev/null)"
    [[ -n "$id" ]] && { echo "$id"; return; }
    sleep 0.5
  done
}

# project_code [DISTRICT]: a fresh 项目代码 (investment-project code) in the district
project_code() { printf '2026-%s-47-03-%06d' "${1:-370402}" $(( ($(date +%s%N) / 1000) % 1000000 )); }

# decide and deliver complete a case's task in $SERVICE: approving it, and 出件 at the window
decide() { # token case activity label
  local id
  id="$(task_of "$1" "$2" "$3")"
  [[ -n "$id" ]] || { bad "$4: no $3 task for $2"; return; }
  call POST "/api/v1/$SERVICE/tasks/$id/complete" "$1" '{"decision":"APPROVED","comment":"符合要求"}'
  [[ "$STATUS" == 204 ]] && ok "$4" || bad "$4: $STATUS $BODY"
}

deliver() { # clerk-token case
  local id
  id="$(task_of "$1" "$2" deliver)"
  call POST "/api/v1/$SERVICE/tasks/$id/complete" "$1" '{"channel":"WINDOW"}'
  [[ "$STATUS" == 204 ]] && ok "统一出件 of $2" || bad "deliver $2: $STATUS $BODY"
}

# LC's joint completion acceptance (CP-9): its five 专项验收, each by its department's user in T
# (lc-planner lc-land lc-fire lc-air-defence lc-archivist), in construction-permit
LC_ACCEPTANCE_CHECKERS=(lc-planner lc-land lc-fire lc-air-defence lc-archivist)
lc_acceptance_checks() { # case
  local u
  for u in "${LC_ACCEPTANCE_CHECKERS[@]}"; do
    SERVICE=construction-permit decide "${T[$u]}" "$1" acceptance-check "$u: 专项验收 of $1"
  done
}

# units_ready PROJECT TOKEN SECONDS: property-registration's view of a completed project, once its
# units are ready (交房即办证), in $READY; empty when they were not within SECONDS
units_ready() {
  local i
  READY=""
  for i in $(seq 1 $(( $3 * 2 ))); do
    call GET "/api/v1/property-registration/projects/$1" "$2"
    [[ "$STATUS" == 200 ]] && { READY="$BODY"; return; }
    sleep 0.5
  done
}
