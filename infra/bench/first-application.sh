#!/usr/bin/env bash
# The first application after a restart (issue #16: "answered in < 2 s once stack.sh up reports
# healthy"): RESTARTS times, the service (SERVICE, lib.sh) and the gateway are stopped and
# `stack.sh up` starts them again; as soon as it returns (everything healthy) one EO-1 application
# goes through the gateway with a fresh token, then a second one. Prints one line per restart and
# the medians; writes infra/bench/results/first-application-<UTC>.md.
#
#   ./infra/bench/first-application.sh
#   RESTARTS=1 ./infra/bench/first-application.sh
set -uo pipefail
# shellcheck source=infra/bench/lib.sh
source "$(dirname "$0")/lib.sh"
RESTARTS="${RESTARTS:-3}"
[[ "$SERVICE" == enterprise-opening ]] || { echo "first-application.sh applies for EO-1 (SERVICE=enterprise-opening)" >&2; exit 2; }
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
report="$RESULTS/first-application-$stamp.md"
[[ "${SMOKE:-0}" == 1 ]] && report="$WORK/first-application-smoke-$stamp.md"

"$STACK" up >"$WORK/up.log" 2>&1 || { tail -20 "$WORK/up.log" >&2; exit 1; }

firsts=() seconds=() failures=0
{
  echo "# First application after a restart $stamp"
  echo
  echo "- machine: $(machine)"
  echo "- $RESTARTS × (\`stack.sh down $SERVICE\`, \`stack.sh down gateway\`, \`stack.sh up\`), then one EO-1 application by fc-clerk through the gateway the moment \`up\` returns, then a second"
  echo "- command: \`RESTARTS=$RESTARTS ./infra/bench/first-application.sh\`"
  echo
  echo "| restart | up (s) | first: status, s | second: status, s |"
  echo "|---:|---:|---|---|"
} >"$report"
for i in $(seq 1 "$RESTARTS"); do
  "$STACK" down "$SERVICE" >/dev/null 2>&1
  "$STACK" down gateway >/dev/null 2>&1
  t0=$(date +%s.%N)
  "$STACK" up >"$WORK/up-first-$i.log" 2>&1 || { tail -20 "$WORK/up-first-$i.log" >&2; exit 1; }
  up="$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$t0" "$(date +%s.%N)")"
  t="$(clerk_token fc-clerk)"
  read -r s1 t1 <<<"$(apply_eo1 "$t" /dev/null '%{http_code} %{time_total}')"
  read -r s2 t2 <<<"$(apply_eo1 "$t" /dev/null '%{http_code} %{time_total}')"
  say "restart $i: up in $up s; first application $s1 in $t1 s, second $s2 in $t2 s"
  printf '| %s | %s | %s, %.2f | %s, %.2f |\n' "$i" "$up" "$s1" "$t1" "$s2" "$t2" >>"$report"
  [[ "$s1" == 201 ]] || failures=$((failures + 1))
  firsts+=("$t1") seconds+=("$t2")
done
out_line="Median: first application **$(DIGITS=2 median_of "${firsts[@]}") s** (runs: ${firsts[*]} s); second $(DIGITS=2 median_of "${seconds[@]}") s."
printf '\n%s\n' "$out_line" >>"$report"
cat "$report"
say "results: ${report#"$ROOT"/}"
((failures == 0)) || { say "$failures first application(s) not accepted"; exit 1; }
