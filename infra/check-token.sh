#!/usr/bin/env bash
# Gets a password-grant token for a demo user from the local Keycloak (client onewindow-cli).
#   ./infra/check-token.sh [--claims] [username] [password]     (default fc-clerk / demo)
# Prints the raw access token and nothing else, for
#   curl -H "Authorization: Bearer $(./infra/check-token.sh fc-clerk demo)" localhost:8080/api/v1/me
# With --claims it prints the token's decoded claims and a summary instead.
set -euo pipefail
CLAIMS=false
if [[ "${1:-}" == --claims ]]; then
  CLAIMS=true
  shift
fi
if [[ "${1:-}" == -* ]]; then
  echo "usage: $0 [--claims] [username] [password]" >&2
  exit 2
fi
USERNAME="${1:-fc-clerk}"
PASSWORD="${2:-demo}"
KEYCLOAK_URL="${KEYCLOAK_URL:-http://localhost:${KEYCLOAK_PORT:-8180}}"
REALM="${KEYCLOAK_REALM:-onewindow}"
CLIENT_ID="${CLIENT_ID:-onewindow-cli}"

response="$(curl -sS -m 20 "$KEYCLOAK_URL/realms/$REALM/protocol/openid-connect/token" \
  -d grant_type=password -d client_id="$CLIENT_ID" -d scope=openid \
  --data-urlencode username="$USERNAME" --data-urlencode password="$PASSWORD")"

python3 - "$response" "$CLAIMS" <<'PY'
import base64, json, sys
try:
    body = json.loads(sys.argv[1])
except ValueError:
    body = {"error": sys.argv[1]}
if "access_token" not in body:
    print("no token:", json.dumps(body, ensure_ascii=False), file=sys.stderr)
    sys.exit(1)
if sys.argv[2] != "true":
    print(body["access_token"])
    sys.exit()
def claims(jwt):
    part = jwt.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
access = claims(body["access_token"])
print(json.dumps(access, indent=2, ensure_ascii=False))
print()
print("summary:")
for key in ("iss", "aud", "azp", "preferred_username", "jurisdiction", "department", "uscc"):
    print(f"  {key:<19} {access.get(key, '-')}")
print(f"  {'realm roles':<19} {', '.join(access.get('realm_access', {}).get('roles', []))}")
id_claims = claims(body["id_token"]) if "id_token" in body else {}
if id_claims:
    print(f"  {'id token':<19} jurisdiction={id_claims.get('jurisdiction', '-')} department={id_claims.get('department', '-')} uscc={id_claims.get('uscc', '-')}")
PY
