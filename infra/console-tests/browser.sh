#!/usr/bin/env bash
# The console's browser tests in Debian's Chromium, against the running local stack
# (./infra/stack.sh up): installs what they need when it is missing (chromium, its driver and a
# CJK font, so Chinese renders in the screenshots; root or sudo), then runs them.
#   ./infra/console-tests/browser.sh [screenshot-dir]      (default infra/console-tests/target/screenshots)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SHOTS="${1:-$ROOT/infra/console-tests/target/screenshots}"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
if ((${#missing[@]})); then
  echo "== installing ${missing[*]} (Debian packages)"
  sudo_cmd=()
  [[ $(id -u) == 0 ]] || sudo_cmd=(sudo -n)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" fontconfig
fi
fc-list :lang=zh | grep -q . || { echo "no CJK font: Chinese would render as empty boxes" >&2; exit 1; }
echo "== $(chromium --version 2>/dev/null | head -1); $(chromedriver --version | head -1); CJK font: $(fc-list :lang=zh family | head -1)"

cd "$ROOT"
start=$(date +%s)
mvn -B -pl infra/console-tests verify -Dconsole.browser=true -Dconsole.screenshots="$SHOTS"
echo "== browser tests passed in $(( $(date +%s) - start )) s; screenshots in ${SHOTS#"$ROOT"/}"
