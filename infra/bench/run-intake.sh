#!/usr/bin/env bash
# Intake load on the running local stack (./infra/stack.sh up), with Gatling (infra/load):
#   1. fixed arrival rates (RATES, default "50 100 200"), each RUNS times (default 3) for DURATION s;
#   2. the highest sustained rate with p99 <= P99_LIMIT ms and no failed request, searched over
#      SEARCH (default "25 50 75 100 150 200 300"), median of RUNS runs per step.
# Writes infra/bench/results/intake-<UTC>.md (machine, settings, p50/p95/p99, throughput, KO).
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
RATES="${RATES:-50 100 200}"
SEARCH="${SEARCH:-25 50 75 100 150 200 300}"
RUNS="${RUNS:-3}"
DURATION="${DURATION:-60}"
P99_LIMIT="${P99_LIMIT:-150}"
MVN_FLAGS="${MVN_FLAGS:--B -o -q}"
OUT="$ROOT/infra/bench/results"
mkdir -p "$OUT"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
report="$OUT/intake-$stamp.md"

one_run() { # rate -> "p50 p95 p99 mean_rps ok ko"
  local log
  log="$(mktemp)"
  (cd "$ROOT" && flock /tmp/onewindow-mvn.lock mvn $MVN_FLAGS gatling:test -pl infra/load \
      -Dgatling.simulationClass=org.onewindow.load.IntakeSimulation -Drate="$1" -Dduration="$DURATION") >"$log" 2>&1
  python3 - "$log" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
block = text[text.rfind("---- Global Information"):]
def num(text):  # Gatling groups thousands: 1,500
    return text.replace(",", "")
def val(label):
    m = re.search(r">\s*" + re.escape(label) + r"\s*\|\s*([0-9.,]+)", block)
    return num(m.group(1)) if m else "nan"
req = re.search(r">\s*request count\s*\|\s*([0-9,]+)\s*\|\s*([0-9,]+)\s*\|\s*(\S+)", block)
ok, ko = (num(req.group(2)), num(req.group(3)).replace("-", "0")) if req else ("0", "nan")
print(val("response time 50th percentile (ms)"), val("response time 95th percentile (ms)"),
      val("response time 99th percentile (ms)"), val("mean throughput (rps)"), ok, ko)
PY
  rm -f "$log"
}

median_of() { python3 -c "import statistics,sys; xs=[float(x) for x in sys.argv[1:]]; print(f'{statistics.median(xs):.1f}')" "$@"; }

{
  echo "# Intake load, $stamp"
  echo
  echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB; load generator on the same machine as the whole stack"
  echo "- $(java -version 2>&1 | head -1); Gatling $(grep -m1 -o '<gatling.version>[^<]*' "$ROOT/pom.xml" | cut -d'>' -f2), open model (constant arrival rate), $DURATION s per run, $RUNS runs per rate"
  echo "- each request: POST /api/v1/applications through the gateway, EO-1 bundle, clerks of FC/LC/QX at random, real Keycloak tokens; 201 expected"
  echo
  echo "## Fixed rates (median of $RUNS runs)"
  echo
  echo "| rate (/s) | p50 ms | p95 ms | p99 ms | achieved /s | OK | KO |"
  echo "|---:|---:|---:|---:|---:|---:|---:|"
} >"$report"

for rate in $RATES; do
  p50=() p95=() p99=() rps=() oks=() kos=()
  for r in $(seq 1 "$RUNS"); do
    read -r a b c d e f <<<"$(one_run "$rate")"
    echo "rate $rate run $r: p50=$a p95=$b p99=$c rps=$d ok=$e ko=$f"
    p50+=("$a") p95+=("$b") p99+=("$c") rps+=("$d") oks+=("$e") kos+=("$f")
  done
  echo "| $rate | $(median_of "${p50[@]}") | $(median_of "${p95[@]}") | $(median_of "${p99[@]}") | $(median_of "${rps[@]}") | $(median_of "${oks[@]}") | $(median_of "${kos[@]}") |" >>"$report"
done

{
  echo
  echo "## Highest sustained rate with p99 <= $P99_LIMIT ms and no KO"
  echo
  echo "| rate (/s) | p99 ms (median) | KO (median) | verdict |"
  echo "|---:|---:|---:|---|"
} >>"$report"
best=0
for rate in $SEARCH; do
  p99=() kos=()
  for r in $(seq 1 "$RUNS"); do
    read -r a b c d e f <<<"$(one_run "$rate")"
    p99+=("$c") kos+=("$f")
  done
  m99="$(median_of "${p99[@]}")"; mko="$(median_of "${kos[@]}")"
  if python3 -c "import sys; sys.exit(0 if float('$m99') <= $P99_LIMIT and float('$mko') == 0 else 1)"; then
    echo "| $rate | $m99 | $mko | sustained |" >>"$report"; best="$rate"
  else
    echo "| $rate | $m99 | $mko | not sustained |" >>"$report"; break
  fi
done
echo >>"$report"
echo "**Highest sustained: $best applications/s.**" >>"$report"
cat "$report"
