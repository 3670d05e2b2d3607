#!/usr/bin/env bash
# Checks a running local stack from the outside, as a client would:
#   1. a password-grant token for a demo clerk from Keycloak is accepted by the gateway (GET /api/v1/me);
#   2. the public 办事指南 and calendar endpoints answer for every jurisdiction;
#   3. bad input gets application/problem+json 4xx, never a 5xx;
#   4. every app's management port answers a Prometheus scrape without a token, its public port none.
# Ends with "N passed, N failed"; exit code 1 when anything failed.
#   ./infra/check-stack.sh            (gateway http://localhost:8080, Keycloak http://localhost:8180)
set -uo pipefail
GATEWAY="${GATEWAY_URL:-http://localhost:${ONEWINDOW_GATEWAY_PORT:-8080}}"
KEYCLOAK="${KEYCLOAK_URL:-http://localhost:${KEYCLOAK_PORT:-8180}}"
JURISDICTIONS="${JURISDICTIONS:-FC ST LC QX}"
passed=0 failed=0

check() { # description expected-status expected-content-type-prefix curl-args...
  local what="$1" want="$2" type="$3"; shift 3
  local out status ctype
  out="$(curl -sS -m 20 -o /tmp/check-stack.body -w '%{http_code} %{content_type}' "$@" 2>&1)"
  status="${out%% *}"; ctype="${out#* }"
  if [[ "$status" == "$want" && "$ctype" == "$type"* ]]; then
    passed=$((passed + 1)); printf '  ok   %-62s %s %s\n' "$what" "$status" "$ctype"
  else
    failed=$((failed + 1)); printf '  FAIL %-62s got %s %s, want %s %s\n' "$what" "$status" "$ctype" "$want" "$type"
    head -c 400 /tmp/check-stack.body; echo
  fi
}

echo "== token from $KEYCLOAK accepted by $GATEWAY"
token="$(curl -sS -m 20 "$KEYCLOAK/realms/onewindow/protocol/openid-connect/token" \
  -d grant_type=password -d client_id=onewindow-cli -d username=fc-clerk -d password=demo \
  | python3 -c 'import json,sys; print(json.load(sys.stdin).get("access_token",""))')"
if [[ -z "$token" ]]; then
  failed=$((failed + 1)); echo "  FAIL no token for fc-clerk from Keycloak"
else
  check "GET /api/v1/me with fc-clerk's token" 200 application/json -H "Authorization: Bearer $token" "$GATEWAY/api/v1/me"
  grep -q '"jurisdiction":"FC"' /tmp/check-stack.body && grep -q '"principalRole":"CLERK"' /tmp/check-stack.body \
    || { failed=$((failed + 1)); echo "  FAIL /api/v1/me does not read fc-clerk as an FC clerk: $(cat /tmp/check-stack.body)"; }
  check "GET /api/v1/me without a token" 401 application/problem+json "$GATEWAY/api/v1/me"
  # flip one character inside the signature (the last one may carry only padding bits)
  i=$(( ${#token} - 20 )); c="${token:i:1}"; [[ "$c" == A ]] && r=B || r=A
  check "GET /api/v1/me with a tampered signature" 401 application/problem+json \
    -H "Authorization: Bearer ${token:0:i}$r${token:i+1}" "$GATEWAY/api/v1/me"
fi

echo "== public catalogue and calendar"
for j in $JURISDICTIONS; do
  check "$j matters" 200 application/json "$GATEWAY/api/v1/catalogue/$j/matters"
  check "$j matter EO-1" 200 application/json "$GATEWAY/api/v1/catalogue/$j/matters/EO-1"
  check "$j EO-1 due date, accepted 2026-09-30 10:00" 200 application/json \
    "$GATEWAY/api/v1/catalogue/$j/matters/EO-1/due-date?acceptedAt=2026-09-30T10:00:00%2B08:00"
  check "$j calendar, 5 working days from 2026-09-30" 200 application/json \
    "$GATEWAY/api/v1/calendar/$j/due?from=2026-09-30T10:00:00%2B08:00&amount=5&unit=WORKING_DAYS"
done

echo "== bad input"
P=application/problem+json
check "unknown jurisdiction" 404 $P "$GATEWAY/api/v1/catalogue/XX/matters"
check "unknown matter" 404 $P "$GATEWAY/api/v1/catalogue/FC/matters/EO-99"
check "malformed acceptedAt" 400 $P "$GATEWAY/api/v1/catalogue/FC/matters/EO-1/due-date?acceptedAt=yesterday"
check "calendar: negative amount" 400 $P "$GATEWAY/api/v1/calendar/FC/due?from=2026-09-30T10:00:00%2B08:00&amount=-1&unit=WORKING_DAYS"
check "calendar: unknown unit" 400 $P "$GATEWAY/api/v1/calendar/FC/due?from=2026-09-30T10:00:00%2B08:00&amount=1&unit=FORTNIGHTS"
check "calendar: malformed from" 400 $P "$GATEWAY/api/v1/calendar/FC/due?from=30.09.2026&amount=1&unit=WORKING_DAYS"
check "calendar: unknown jurisdiction" 404 $P "$GATEWAY/api/v1/calendar/XX/due?from=2026-09-30T10:00:00%2B08:00&amount=1&unit=WORKING_DAYS"

echo "== metrics: each app's management port answers a Prometheus scrape without a token"
OFFSET="${MANAGEMENT_PORT_OFFSET:-1000}"
for app in gateway:8080 enterprise-opening:8081 construction-permit:8082 property-registration:8083 \
  utility-hookup:8084 supervision:8085; do
  name="${app%%:*}" port="${app##*:}"
  check "$name scrape on :$((port + OFFSET))" 200 text/plain "http://127.0.0.1:$((port + OFFSET))/actuator/prometheus"
  grep -q "^jvm_memory_used_bytes{.*application=\"$name\"" /tmp/check-stack.body \
    || { failed=$((failed + 1)); echo "  FAIL $name's scrape has no jvm_memory_used_bytes tagged application=$name"; }
  check "$name: no metrics on the public port :$port" 404 application/problem+json "http://127.0.0.1:$port/actuator/prometheus"
done

echo "$passed passed, $failed failed"
((failed == 0))
