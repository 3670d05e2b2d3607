#!/usr/bin/env bash
# Gets a password-grant token from the local Keycloak and prints its decoded claims.
#   ./infra/check-token.sh [username] [password]     (default fc-clerk / demo)
set -euo pipefail
USERNAME="${1:-fc-clerk}"
PASSWORD="${2:-demo}"
KEYCLOAK_URL="${KEYCLOAK_URL:-http://localhost:${KEYCLOAK_PORT:-8180}}"
REALM="${KEYCLOAK_REALM:-onewindow}"
CLIENT_ID="${CLIENT_ID:-onewindow-cli}"

response="$(curl -sS -m 20 "$KEYCLOAK_URL/realms/$REALM/protocol/openid-connect/token" \
  -d grant_type=password -d client_id="$CLIENT_ID" -d scope=openid \
  --data-urlencode username="$USERNAME" --data-urlencode password="$PASSWORD")"

python3 - "$response" <<'PY'
import base64, json, sys
body = json.loads(sys.argv[1])
if "access_token" not in body:
    print("no token:", json.dumps(body), file=sys.stderr)
    sys.exit(1)
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
