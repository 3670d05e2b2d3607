#!/usr/bin/env bash
# The performance harness: one command, one run, one results file (docs/performance.md).
# On the local stack (started if it is not up), in this order:
#   1. cold start: COLD_STARTS times `stack.sh down` + `stack.sh up` (data kept), time to all healthy
#   2. PostgreSQL's limit: pgbench, single-row INSERT + COMMIT transactions/s (PGBENCH_CLIENTS)
#   3. baseline: the EO-1 BPMN started through Camunda's own REST API (infra/bare-camunda) on the
#      same PostgreSQL: fixed rate 100/s and the highest sustained rate
#   4. OneWindow intake through the gateway with real Keycloak tokens at fixed RATES (SERVICE:
#      enterprise-opening's EO-1, the default, or construction-permit's matters), with a Kafka
#      consumer beside it: commit (PostgreSQL's commit timestamp) -> case.accepted seen, p50/p99
#   5. OneWindow's highest sustained rate: p99 <= P99_LIMIT ms and no failed request
#   6. the kernel clock's JMH figures
#   7. footprint: RSS of every process of the stack after the load
# Every figure is the median of RUNS runs. Writes infra/bench/results/perf-<UTC>.md.
#
#   ./infra/bench/perf.sh            # the full run (about 45 minutes on 2 cores)
#   SMOKE=1 ./infra/bench/perf.sh    # seconds per step: proves the harness works (CI)
#   SERVICE=construction-permit STEPS="intake search" ./infra/bench/perf.sh   # the construction intake
set -uo pipefail
# shellcheck source=infra/bench/lib.sh
source "$(dirname "$0")/lib.sh"

if [[ "${SMOKE:-0}" == 1 ]]; then
  : "${RUNS:=1}" "${DURATION:=5}" "${RATES:=10}" "${SEARCH:=10}" "${BARE_SEARCH:=10}" "${COLD_STARTS:=0}"
  : "${PGBENCH_SECONDS:=3}" "${JMH:=smoke}" "${WARMUP:=30}" "${WARMUP_RATE:=20}" "${LATENCY_RATE:=10}"
fi
RUNS="${RUNS:-3}"
DURATION="${DURATION:-30}"
RATES="${RATES:-50 100 200}"
LATENCY_RATE="${LATENCY_RATE:-100}"
SEARCH="${SEARCH:-25 50 75 100 125 150 200}"
BARE_SEARCH="${BARE_SEARCH:-25 50 75 100 150 200 300 400}"
P99_LIMIT="${P99_LIMIT:-150}"
COLD_STARTS="${COLD_STARTS:-3}"
PGBENCH_CLIENTS="${PGBENCH_CLIENTS:-1 20}"
PGBENCH_SECONDS="${PGBENCH_SECONDS:-15}"
JMH="${JMH:-full}"
# before a target is measured: a ramp from 1/s up to WARMUP_RATE over WARMUP s (JIT, pools,
# caches), not reported. Spring + Camunda on 2 shared cores is still compiling after minutes, and
# a cold JVM hit at once answers after the gateway's time limit.
WARMUP="${WARMUP:-240}"
WARMUP_RATE="${WARMUP_RATE:-30}"
warm() { say "warm-up of $1 (${WARMUP} s up to $WARMUP_RATE/s, not reported)"; gatling "$1" "$WARMUP_RATE" "$WARMUP" -Dramp=true >/dev/null; }
# which steps run (all by default); the summary marks the others "not measured in this run"
STEPS="${STEPS:-cold pgbench baseline intake search jmh}"
step() { [[ " $STEPS " == *" $1 "* ]]; }

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
name="perf-$stamp"; [[ "$SERVICE" == enterprise-opening ]] || name="perf-$SERVICE-$stamp"
report="$RESULTS/$name.md"
[[ "${SMOKE:-0}" == 1 ]] && report="$WORK/${name/perf-/perf-smoke-}.md"
failures=0
fail() { say "FAILED: $*"; failures=$((failures + 1)); }
out() { printf '%s\n' "$@" >>"$report"; }

# ---------------------------------------------------------------------------------------------
# 1. cold start and the stack
# ---------------------------------------------------------------------------------------------
colds=()
step cold || COLD_STARTS=0
for i in $(seq 1 "$COLD_STARTS"); do
  say "cold start $i/$COLD_STARTS"
  "$STACK" down >/dev/null 2>&1
  t0=$(date +%s.%N)
  "$STACK" up >"$WORK/up-$i.log" 2>&1 || { tail -20 "$WORK/up-$i.log" >&2; fail "stack did not come up"; break; }
  colds+=("$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$t0" "$(date +%s.%N)")")
  say "all healthy in ${colds[-1]} s"
done
"$STACK" up >"$WORK/up.log" 2>&1 || { tail -20 "$WORK/up.log" >&2; echo "the local stack is not up" >&2; exit 1; }
[[ "$(sql postgres 'show track_commit_timestamp')" == on ]] \
  || { echo "PostgreSQL runs without track_commit_timestamp: ./infra/stack.sh down postgres && ./infra/stack.sh up" >&2; exit 1; }
compile_load || exit 1

{
  echo "# Performance run $stamp: $SERVICE"
  echo
  echo "- machine: $(machine)"
  echo "- Gatling $(grep -m1 -o '<gatling.version>[^<]*' "$ROOT/pom.xml" | cut -d'>' -f2), open model (constant arrival rate), $DURATION s per run; every figure the median of $RUNS runs"
  echo "- intake: POST /api/v1/applications through the gateway to $SERVICE, $MATTERS, real Keycloak tokens, 201 expected"
  [[ "$SERVICE" == enterprise-opening ]] || echo "- the bare Camunda baseline is enterprise-opening's EO-1 BPMN whatever SERVICE is"
  echo "- command: \`SERVICE=$SERVICE RUNS=$RUNS DURATION=$DURATION RATES=\"$RATES\" SEARCH=\"$SEARCH\" BARE_SEARCH=\"$BARE_SEARCH\" WARMUP=$WARMUP STEPS=\"$STEPS\" ./infra/bench/perf.sh\`"
  echo
} >"$report"

# ---------------------------------------------------------------------------------------------
# 2. PostgreSQL's limit (pgbench)
# ---------------------------------------------------------------------------------------------
declare -A tps
if step pgbench; then
say "pgbench: single-row insert-and-commit"
sql postgres "SELECT 1 FROM pg_database WHERE datname = 'bench'" | grep -q 1 || sql postgres "CREATE DATABASE bench"
sql bench "CREATE TABLE IF NOT EXISTS insert_commit (id bigserial PRIMARY KEY, payload text NOT NULL, at timestamptz NOT NULL DEFAULT now())"
echo "INSERT INTO insert_commit (payload) VALUES ('one row, one commit');" >"$WORK/insert-commit.sql"
for c in $PGBENCH_CLIENTS; do
  runs=()
  for r in $(seq 1 "$RUNS"); do
    v="$(PGPASSWORD="$PG_SUPERUSER_PASSWORD" pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$PG_SUPERUSER" -n -M prepared \
          -f "$WORK/insert-commit.sql" -c "$c" -j "$(( c < 2 ? 1 : 2 ))" -T "$PGBENCH_SECONDS" bench 2>&1 \
        | awk '/^tps = / { print $3; exit }')"
    [[ -n "$v" ]] || { fail "pgbench gave no tps"; v=nan; }
    runs+=("$v")
  done
  tps[$c]="$(median_of "${runs[@]}")"
  say "pgbench $c clients: ${tps[$c]} tps (runs: ${runs[*]})"
done
fi
pg_limit_clients="${PGBENCH_CLIENTS##* }"
pg_limit="${tps[$pg_limit_clients]:-0}"

# ---------------------------------------------------------------------------------------------
# rates: fixed and the highest sustained
# ---------------------------------------------------------------------------------------------
# fixed CLASS RATE [extra -D...] -> sets p50 p95 p99 rps ok ko (medians); one line per run on stderr
fixed() {
  local class="$1" rate="$2"; shift 2
  local a=() b=() c=() d=() e=() f=() r x1 x2 x3 x4 x5 x6
  for r in $(seq 1 "$RUNS"); do
    read -r x1 x2 x3 x4 x5 x6 <<<"$(gatling "$class" "$rate" "$DURATION" "${@//@RUN@/$r}")"
    say "$class $rate/s run $r: p50=$x1 p95=$x2 p99=$x3 ms, $x4/s, ok=$x5 ko=$x6"
    a+=("$x1") b+=("$x2") c+=("$x3") d+=("$x4") e+=("$x5") f+=("$x6")
  done
  p50="$(median_of "${a[@]}")" p95="$(median_of "${b[@]}")" p99="$(median_of "${c[@]}")"
  rps="$(median_of "${d[@]}")" ok="$(median_of "${e[@]}")" ko="$(median_of "${f[@]}")"
}
within() { python3 -c "import sys; p,k=float(sys.argv[1]),float(sys.argv[2]); sys.exit(0 if p <= $P99_LIMIT and k == 0 else 1)" "$1" "$2" 2>/dev/null; }

# search CLASS "RATES" -> sets best; appends a table to the report
search() {
  local class="$1" steps="$2" rate
  best=0
  out "| rate (/s) | p50 ms | p95 ms | p99 ms | achieved /s | KO | verdict |" "|---:|---:|---:|---:|---:|---:|---|"
  for rate in $steps; do
    fixed "$class" "$rate"
    if within "$p99" "$ko"; then
      out "| $rate | $p50 | $p95 | $p99 | $rps | $ko | sustained |"; best="$rate"
    else
      out "| $rate | $p50 | $p95 | $p99 | $rps | $ko | not sustained |"; break
    fi
  done
}

# ---------------------------------------------------------------------------------------------
# 3. baseline: bare Camunda REST on the same PostgreSQL
# ---------------------------------------------------------------------------------------------
bare_best="not measured" bare_fixed=(n/a n/a n/a n/a n/a)
if step baseline; then
say "bare Camunda baseline"
"$BENCH_DIR/bare-camunda.sh" start >"$WORK/bare-start.log" 2>&1 || { tail -20 "$WORK/bare-start.log" >&2; fail "bare Camunda did not start"; }
warm BareCamundaSimulation
out "## Baseline: the same BPMN started through Camunda's REST API (no gateway, no OneWindow code)" ""
fixed BareCamundaSimulation "$LATENCY_RATE"
bare_fixed=("$p50" "$p95" "$p99" "$rps" "$ko")
out "At $LATENCY_RATE/s: p50 $p50 ms, p95 $p95 ms, p99 $p99 ms, KO $ko." "" "Highest sustained rate (p99 <= $P99_LIMIT ms, no KO):" ""
search BareCamundaSimulation "$BARE_SEARCH"
bare_best="$best"
bare_rss="$("$BENCH_DIR/bare-camunda.sh" status 2>/dev/null | grep -o '[0-9]* MiB' | head -1)"
"$BENCH_DIR/bare-camunda.sh" stop >/dev/null 2>&1
out "" "**Bare Camunda sustains $bare_best starts/s** (JVM RSS after the load: ${bare_rss:-?})." ""
fi

# ---------------------------------------------------------------------------------------------
# 4. OneWindow at fixed rates, with the event tap
# ---------------------------------------------------------------------------------------------
declare -A fixed_p99
if step intake; then
say "OneWindow intake at fixed rates"
warm IntakeSimulation
out "## OneWindow intake through the gateway, fixed rates" ""
out "| rate (/s) | p50 ms | p95 ms | p99 ms | achieved /s | OK | KO |" "|---:|---:|---:|---:|---:|---:|---:|"
for rate in $RATES; do
  fixed IntakeSimulation "$rate" -Dtap="$KAFKA_HOST:$KAFKA_PORT" -DtapTopic="$TOPIC" -DtapOut="$WORK/tap-$stamp-$rate-@RUN@.csv"
  fixed_p99[$rate]="$p99"
  out "| $rate | $p50 | $p95 | $p99 | $rps | $ok | $ko |"
  [[ "$ok" != 0 && "$ok" != 0.0 ]] || fail "no accepted application at $rate/s"
done

# commit -> event seen: the audit line of case.accept is written once, in the intake transaction
latency() { # tap csv -> "p50 p99 n" in ms
  local tap="$1"
  sql "$DB" "COPY (SELECT subject, (extract(epoch FROM pg_xact_commit_timestamp(xmin)) * 1000000)::bigint
      FROM audit_trail WHERE action = 'case.accept' AND occurred_at > now() - interval '2 hours') TO STDOUT WITH CSV" >"$WORK/commits.csv"
  python3 - "$tap" "$WORK/commits.csv" <<'PY'
import csv, statistics, sys
seen = {}
for row in csv.DictReader(open(sys.argv[1])):
    if row["type"] == "case.accepted":
        seen.setdefault(row["subject"], int(row["seenAtUs"]))
commits = {s: int(t) for s, t in csv.reader(open(sys.argv[2]))}
lat = sorted((seen[s] - commits[s]) / 1000 for s in seen if s in commits)
if not lat:
    print("nan nan 0"); sys.exit()
q = lambda p: lat[min(len(lat) - 1, int(round(p * (len(lat) - 1))))]
print(f"{q(0.50):.1f} {q(0.99):.1f} {len(lat)}")
PY
}
if [[ " $RATES " == *" $LATENCY_RATE "* ]]; then
  l50=() l99=() ln=()
  for r in $(seq 1 "$RUNS"); do
    read -r a b n <<<"$(latency "$WORK/tap-$stamp-$LATENCY_RATE-$r.csv")"
    say "commit -> case.accepted seen, run $r: p50 $a ms, p99 $b ms over $n events"
    l50+=("$a") l99+=("$b") ln+=("$n")
  done
  ev50="$(median_of "${l50[@]}")" ev99="$(median_of "${l99[@]}")"
  out "" "Commit → case.accepted seen by a Kafka consumer at $LATENCY_RATE/s: **p50 $ev50 ms, p99 $ev99 ms** (events per run: ${ln[*]}; commit time = PostgreSQL's commit timestamp of the intake transaction, seen time = the consumer's poll return, same clock)." ""
  [[ "${ln[0]}" != 0 ]] || fail "the event tap saw no case.accepted"
fi
fi

# ---------------------------------------------------------------------------------------------
# 5. OneWindow's highest sustained rate
# ---------------------------------------------------------------------------------------------
ow_best="not measured"
if step search; then
step intake || warm IntakeSimulation
say "OneWindow: highest sustained rate"
out "## OneWindow: highest sustained rate (p99 <= $P99_LIMIT ms, no KO)" ""
search IntakeSimulation "$SEARCH"
ow_best="$best"
out "" "**OneWindow sustains $ow_best accepted cases/s.**" ""
fi

# ---------------------------------------------------------------------------------------------
# 6. the kernel clock (JMH)
# ---------------------------------------------------------------------------------------------
if step jmh; then
say "JMH: the statutory clock"
jmh_dir="$WORK/jmh-$stamp"
if [[ "$JMH" == smoke ]]; then
  jmh_env=(JMH_MODES=avgt JMH_FORKS=1 JMH_WARMUP_ITERATIONS=1 JMH_ITERATIONS=1 JMH_WARMUP_TIME=200ms JMH_TIME=200ms)
else
  jmh_env=(JMH_MODES=avgt JMH_FORKS=3)
fi
env "${jmh_env[@]}" RESULTS_DIR="$jmh_dir" MVN="flock $MVN_LOCK mvn" MVN_FLAGS="$MVN_FLAGS" \
  "$ROOT/infra/benchmarks/run-clock-benchmark.sh" >"$WORK/jmh-$stamp.log" 2>&1 || fail "JMH run failed (log: $WORK/jmh-$stamp.log)"
out "## The kernel's statutory clock (JMH, average time)" "" "| benchmark | ns/op | ± (99.9 %) | B/op |" "|---|---:|---:|---:|"
python3 - "$jmh_dir" >>"$report" <<'PY' || fail "no JMH results"
import glob, json, sys
files = sorted(glob.glob(sys.argv[1] + "/*avgt*.json"))
if not files: sys.exit(1)
def num(x, digits=1):  # JMH writes "NaN" (a string) for the error of a single iteration
    return f"{x:,.{digits}f}" if isinstance(x, (int, float)) else str(x)
for b in json.load(open(files[-1])):
    # JMH names the profiler's metrics "·gc.alloc.rate.norm"
    alloc = next((v.get("score") for k, v in b.get("secondaryMetrics", {}).items() if k.endswith("gc.alloc.rate.norm")), None)
    name = ".".join(b["benchmark"].rsplit(".", 2)[-2:])
    print(f"| `{name}` | {num(b['primaryMetric']['score'])} | {num(b['primaryMetric']['scoreError'])} | {'' if alloc is None else num(alloc, 0)} |")
PY
fi

# ---------------------------------------------------------------------------------------------
# 7. footprint, and the summary
# ---------------------------------------------------------------------------------------------
fp="$(footprint)"
out "" "## Footprint after the load" "" "$fp" ""
total_rss="$(awk -F'|' '/\*\*total\*\*/ { gsub(/[ *]/, "", $4); gsub(/[ *]/, "", $5); print $4 " MiB RSS, " $5 " MiB PSS" }' <<<"$fp")"
cold="$( ((${#colds[@]})) && median_of "${colds[@]}" || echo "not measured")"

{
  echo "## Summary"
  echo
  echo "| figure | value |"
  echo "|---|---:|"
  echo "| OneWindow highest sustained intake (p99 <= $P99_LIMIT ms) | **$ow_best cases/s** |"
  echo "| OneWindow p99 at $LATENCY_RATE/s | ${fixed_p99[$LATENCY_RATE]:-n/a} ms |"
  echo "| bare Camunda highest sustained start (same rule) | $bare_best starts/s |"
  echo "| bare Camunda p99 at $LATENCY_RATE/s | ${bare_fixed[2]} ms |"
  echo "| **OneWindow ÷ bare Camunda** | **$(ratio "$ow_best" "$bare_best")** |"
  for c in $PGBENCH_CLIENTS; do echo "| PostgreSQL insert+commit, $c client(s) (pgbench) | ${tps[$c]:-not measured} tx/s |"; done
  echo "| **OneWindow ÷ PostgreSQL limit ($pg_limit_clients clients)** | **$(ratio "$ow_best" "$pg_limit")** |"
  echo "| commit → case.accepted seen, p50 / p99 | ${ev50:-n/a} / ${ev99:-n/a} ms |"
  echo "| cold start to all healthy (median of ${#colds[@]}: ${colds[*]:-}) | $cold s |"
  echo "| total RSS of the stack after the load | $total_rss |"
  echo
} >"$report.summary"
summary_first "$report" "$report.summary"
cat "$report"
say "results: ${report#"$ROOT"/}"
if ((failures)); then say "$failures step(s) failed"; exit 1; fi
