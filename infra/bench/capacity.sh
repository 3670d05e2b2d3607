#!/usr/bin/env bash
# Intake capacity, measured in one run (issue #16; docs/performance.md):
#   1. PostgreSQL's limit for the intake's own SQL: the statements one EO-1 intake sends (logged
#      from one real intake on the stack), replayed by pgbench -M prepared (intake-sql.sh)
#   2. one Gatling JVM (CapacitySimulation) for the whole search: the bare Camunda baseline
#      (same BPMN, same PostgreSQL, same history level), then OneWindow's intake through the
#      gateway; each after a warm-up ramp (up to WARMUP_RATE or its first rate, whichever is
#      higher, so that the heap and the pools grow before the first step), each a staircase of
#      constant arrival rates, every rate REPEATS times for STEP s with GAP s of quiet between;
#      per step p50/p95/p99, accepted/s and refusals; a rate is sustained when the median of its
#      repeats has p99 <= P99_LIMIT ms, where the p99 is of every application sent and a refused or
#      failed one counts as slower than any limit (so at most 1 % may be refused, and only if the
#      rest are fast); the stricter reading, nothing refused at all, is reported beside it
#   3. overload: 2x OneWindow's capacity offered, REPEATS times, after a ramp up to that rate (so
#      that the refusal path, hardly used below capacity, is compiled before it is measured, as the
#      search's warm-up does for the accepting path): accepted/s against capacity, the slowest
#      refusal, the slowest answer of all; the ramp's own refusals (the first surge) beside them
# Writes infra/bench/results/capacity-<UTC>.md; the per-step table also as TSV beside it.
#
#   ./infra/bench/capacity.sh                          # the full run (about 40 minutes on 2 cores)
#   SMOKE=1 ./infra/bench/capacity.sh                  # seconds per step: the harness works (CI)
#   RATES="60 70 80" BARE_RATES= PGBENCH=0 ./infra/bench/capacity.sh   # OneWindow alone, no pgbench
#   RATES= BARE_RATES= PGBENCH=0 CAPACITY=80 ./infra/bench/capacity.sh  # the overload step alone, at 2 x 80/s
set -uo pipefail
# shellcheck source=infra/bench/lib.sh
source "$(dirname "$0")/lib.sh"

if [[ "${SMOKE:-0}" == 1 ]]; then
  : "${STEP:=4}" "${GAP:=2}" "${REPEATS:=1}" "${WARMUP:=10}" "${WARMUP_RATE:=10}"
  : "${RATES:=5 10}" "${BARE_RATES:=10}" "${PGBENCH_SECONDS:=3}" "${OVERLOAD_WARMUP:=10}"
fi
RATES="${RATES-40 50 60 70 80 90 100 110}"
BARE_RATES="${BARE_RATES-60 90 120 150 180 210 240}"
STEP="${STEP:-30}"
GAP="${GAP:-5}"
REPEATS="${REPEATS:-3}"
WARMUP="${WARMUP:-180}"
WARMUP_RATE="${WARMUP_RATE:-30}"
P99_LIMIT="${P99_LIMIT:-150}"
PGBENCH_CLIENTS="${PGBENCH_CLIENTS:-8}"
PGBENCH_SECONDS="${PGBENCH_SECONDS:-20}"
OVERLOAD="${OVERLOAD:-2}"
# s of ramp from 1/s to the overload rate: the generator's JVM is new, and below capacity the
# gateway hardly ever refuses, so its refusal path compiles only once overload begins
OVERLOAD_WARMUP="${OVERLOAD_WARMUP:-60}"

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
report="$RESULTS/capacity-$stamp.md"
[[ "${SMOKE:-0}" == 1 ]] && report="$WORK/capacity-smoke-$stamp.md"
failures=0
fail() { say "FAILED: $*"; failures=$((failures + 1)); }
out() { printf '%s\n' "$@" >>"$report"; }
csv() { tr ' ' ',' <<<"$1" | sed 's/^,*//; s/,*$//'; }

"$STACK" up >"$WORK/up.log" 2>&1 || { tail -20 "$WORK/up.log" >&2; echo "the local stack is not up" >&2; exit 1; }
compile_load || exit 1
if [[ -n "$BARE_RATES" ]]; then
  "$BENCH_DIR/bare-camunda.sh" start >"$WORK/bare-start.log" 2>&1 \
    || { tail -20 "$WORK/bare-start.log" >&2; echo "bare Camunda did not start" >&2; exit 1; }
fi
history="$(sql "$DB" "SELECT value_ FROM act_ge_property WHERE name_ = 'historyLevel'" 2>/dev/null)"

# JIT compilation in the JVMs under test, sampled every 10 s: the report says how many methods each
# compiled during its warm-up and during the measured steps, so a warm-up too short for compilation
# to settle shows in the result instead of as a low capacity. The counter is read from the JVM's
# own perf-data file (what jstat reads); running jstat itself starts a JVM each time, 0.3 s of CPU
# per sample and JVM, which disturbed the run it measured (capacity-20261204T140336Z).
jit_log="$WORK/capacity-$stamp-jit.tsv"
python3 - "$STACK_DIR/run" "$jit_log" gateway "$SERVICE" bare-camunda <<'PY' &
import glob, struct, sys, time
run, log, names = sys.argv[1], sys.argv[2], sys.argv[3:]
def compiled(pid):
    files = glob.glob(f"/tmp/hsperfdata_*/{pid}")
    if not files:
        return None
    data = open(files[0], "rb").read()
    order = "<" if data[4] == 1 else ">"
    entry, count = struct.unpack_from(order + "ii", data, 24)
    for _ in range(count):
        length, name_at, _, kind, _, _, _, data_at = struct.unpack_from(order + "iiibbbbi", data, entry)
        name = data[entry + name_at:data.index(b"\0", entry + name_at)]
        if name == b"sun.ci.totalCompiles" and kind == ord("J"):
            return struct.unpack_from(order + "q", data, entry + data_at)[0]
        entry += length
    return None
while True:
    with open(log, "a") as out:
        for name in names:
            try:
                n = compiled(int(open(f"{run}/{name}.pid").read().strip()))
            except (OSError, ValueError, struct.error):
                n = None
            if n is not None:
                out.write(f"{int(time.time() * 1000)}\t{name}\t{n}\n")
    time.sleep(10)
PY
jit_pid=$!
# machine stalls: a probe per core that only sleeps 10 ms and notes late wake-ups, real-time when
# run as root, so a slow answer can be told from a machine that stopped (stall-probe.py)
stalls="$WORK/capacity-$stamp-stalls.tsv"
python3 "$BENCH_DIR/stall-probe.py" 86400 "$stalls" &
probe_pid=$!
trap 'kill "$jit_pid" "$probe_pid" 2>/dev/null' EXIT

{
  echo "# Intake capacity $stamp: $SERVICE"
  echo
  echo "- machine: $(machine)"
  echo "- one Gatling JVM for the search (CapacitySimulation), open model; warm-up ramp over $WARMUP s per system from 1/s to $WARMUP_RATE/s or the system's first rate, whichever is higher; every rate $REPEATS × $STEP s with $GAP s between; figures are the medians of the $REPEATS repeats"
  echo "- OneWindow: POST /api/v1/applications through the gateway to $SERVICE, $MATTERS, real Keycloak tokens, 201 expected"
  echo "- bare Camunda: the EO-1 bundle BPMN started through Camunda's REST API (infra/bare-camunda) on the same PostgreSQL, 200 expected; Camunda history level of OneWindow's database: ${history:-?} (1 = activity, 2 = audit), the baseline's: ${BARE_CAMUNDA_HISTORY_LEVEL:-activity}"
  echo "- sustained: the median of the repeats' p99 ≤ $P99_LIMIT ms, the p99 taken over every application sent with a refused or failed one counted as never answered (at most 1 % refused, and only if the rest are fast); the stricter reading, nothing refused or failed, is given beside it"
  echo "- command: \`RATES=\"$RATES\" BARE_RATES=\"$BARE_RATES\" STEP=$STEP GAP=$GAP REPEATS=$REPEATS WARMUP=$WARMUP WARMUP_RATE=$WARMUP_RATE ${CAPACITY:+CAPACITY=$CAPACITY }OVERLOAD_WARMUP=$OVERLOAD_WARMUP ./infra/bench/capacity.sh\`"
  echo
} >"$report"

# ---------------------------------------------------------------------------------------------
# 1. PostgreSQL's limit for the intake's own SQL
# ---------------------------------------------------------------------------------------------
pg_limit=""
if [[ "${PGBENCH:-1}" == 1 ]]; then
  say "the intake's own SQL under pgbench"
  if PGBENCH_CLIENTS="$PGBENCH_CLIENTS" PGBENCH_SECONDS="$PGBENCH_SECONDS" \
      "$BENCH_DIR/intake-sql.sh" >"$WORK/intake-sql-$stamp.txt" 2>"$WORK/intake-sql-$stamp.log"; then
    pg_limit="$(awk '/^intakes\/s/ { print $2 }' "$WORK/intake-sql-$stamp.txt")"
    out "## PostgreSQL's limit: one intake's statements replayed by pgbench" "" '```' "$(cat "$WORK/intake-sql-$stamp.txt")" '```' ""
  else
    tail -20 "$WORK/intake-sql-$stamp.log" >&2
    fail "intake-sql.sh"
  fi
fi

# ---------------------------------------------------------------------------------------------
# 2. the search, one JVM
# ---------------------------------------------------------------------------------------------
samples="$WORK/capacity-$stamp.csv"
if [[ -n "$BARE_RATES$RATES" ]]; then
  say "capacity search: bare Camunda at $BARE_RATES/s, OneWindow at $RATES/s ($REPEATS × $STEP s each)"
  gatling CapacitySimulation 0 0 -DbareRates="$(csv "$BARE_RATES")" -Drates="$(csv "$RATES")" \
    -Dstep="$STEP" -Dgap="$GAP" -Drepeats="$REPEATS" -Dwarmup="$WARMUP" -DwarmupRate="$WARMUP_RATE" \
    -Dsamples="$samples" >/dev/null
  [[ -s "$samples" ]] || { fail "the search wrote no samples (see $WORK/gatling-CapacitySimulation-*.log)"; }
fi

# steps SYSTEM "RATES" -> TSV lines: rate repeat offered/s accepted/s p50 p95 p99 max refused failed
# p99-of-applications (p50..max are of the answers, refusals included; the last column counts a
# refused or failed application as never answered: "inf" when more than 1 % were)
steps() {
  python3 - "$samples" "$1" "$2" "$STEP" "$GAP" "$REPEATS" "$WARMUP" <<'PY'
import csv, sys
path, system, rates, step, gap, repeats, warmup = sys.argv[1], sys.argv[2], sys.argv[3].split(), *map(int, sys.argv[4:])
rows = [r for r in csv.DictReader(open(path)) if r["system"] == system]
start = (warmup + gap) * 1000 if warmup > 0 else 0
def q(xs, p):
    return xs[min(len(xs) - 1, int(round(p * (len(xs) - 1))))] if xs else float("nan")
i = 0
for rate in rates:
    for k in range(repeats):
        lo = start + i * (step + gap) * 1000
        hi = lo + step * 1000
        i += 1
        got = [r for r in rows if lo <= int(r["sinceFirstMs"]) < hi]
        rts = sorted(int(r["responseMs"]) for r in got)
        ok = sum(1 for r in got if r["status"] in ("200", "201"))
        refused = sum(1 for r in got if r["status"] in ("429", "503"))
        failed = len(got) - ok - refused
        served = sorted([int(r["responseMs"]) for r in got if r["status"] in ("200", "201")]
                        + [float("inf")] * (refused + failed))
        print("\t".join(str(x) for x in (rate, k + 1, f"{len(got) / step:.1f}", f"{ok / step:.1f}",
              q(rts, .50), q(rts, .95), q(rts, .99), rts[-1] if rts else "nan", refused, failed,
              q(served, .99))))
PY
}

# summarise SYSTEM "RATES" -> a markdown table in the report; sets best (highest sustained rate)
# and strict (the same, with nothing refused or failed at any rate up to it)
summarise() {
  local system="$1" rates="$2"
  steps "$system" "$rates" >"$WORK/capacity-$stamp-$system.tsv"
  cp "$WORK/capacity-$stamp-$system.tsv" "${report%.md}-$system.tsv" 2>/dev/null || true
  read -r best strict < <(python3 - "$WORK/capacity-$stamp-$system.tsv" "$P99_LIMIT" 2>>"$report" <<'PY'
import statistics, sys
by = {}
for line in open(sys.argv[1]):
    f = line.rstrip("\n").split("\t")
    by.setdefault(float(f[0]), []).append([float(x) for x in f[2:]])
limit, best, strict, broken, strict_broken = float(sys.argv[2]), 0, 0, False, False
print("| rate (/s) | offered /s | accepted /s | p50 ms | p95 ms | p99 ms | max ms | refused | failed | "
      "p99 of the applications, refused = never ms | the same, each repeat | verdict |", file=sys.stderr)
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|", file=sys.stderr)
for rate, reps in by.items():
    med = [statistics.median(r[i] for r in reps) for i in range(len(reps[0]))]
    offered, accepted, p50, p95, p99, mx, refused, failed, served99 = med
    ok = served99 <= limit and accepted > 0
    # the highest rate below which every rate was sustained: one lucky step above a failed one is not capacity
    broken = broken or not ok
    best = rate if not broken else best
    strict_broken = strict_broken or not (ok and refused == 0 and failed == 0)
    strict = rate if not strict_broken else strict
    verdict = ("sustained" if refused == 0 and failed == 0 else "sustained, some refused") if ok else "not sustained"
    print(f"| {rate:g} | {offered:.1f} | {accepted:.1f} | {p50:g} | {p95:g} | {p99:g} | {mx:g} | {refused:g} | {failed:g} | "
          f"{served99:g} | {' / '.join(f'{r[8]:g}' for r in reps)} | {verdict} |", file=sys.stderr)
print(f"{best:g} {strict:g}")
PY
  )
}

# jit SYSTEM JVM... -> "JVM: N during the warm-up, M during the steps" for the report
jit() {
  python3 - "$samples" "$jit_log" "$WARMUP" "$GAP" "$@" <<'PY'
import csv, sys
samples, log, warmup, gap, system, jvms = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6:]
rows = [r for r in csv.DictReader(open(samples)) if r["system"] == system]
if not rows:
    sys.exit()
first = int(rows[0]["sentAtMs"]) - int(rows[0]["sinceFirstMs"])
last = max(int(r["sentAtMs"]) for r in rows)
warm_end = first + warmup * 1000
steps_start = warm_end + gap * 1000
points = {}
for line in open(log):
    at, name, compiled = line.split()
    points.setdefault(name, []).append((int(at), int(compiled)))
def at(name, t):
    before = [c for a, c in points.get(name, []) if a <= t]
    return before[-1] if before else None
out = []
for jvm in jvms:
    a, b, c, d = at(jvm, first), at(jvm, warm_end), at(jvm, steps_start), at(jvm, last)
    if None in (a, b, c, d):
        continue
    out.append(f"{jvm} {b - a} during the warm-up, {d - c} during the steps")
print("; ".join(out) or "not sampled")
PY
}

bare_best="not measured" bare_strict="not measured"
if [[ -n "$BARE_RATES" && -s "$samples" ]]; then
  out "## Bare Camunda: the same BPMN through Camunda's REST API" ""
  summarise bare "$BARE_RATES"
  bare_best="$best" bare_strict="$strict"
  out "" "**Bare Camunda sustains $bare_best starts/s** ($bare_strict/s with nothing refused or failed at any rate up to it). Methods JIT-compiled: $(jit bare bare-camunda)." ""
  "$BENCH_DIR/bare-camunda.sh" stop >/dev/null 2>&1
fi
# CAPACITY: an earlier run's figure, for the overload step alone (RATES= BARE_RATES= PGBENCH=0)
ow_best="${CAPACITY:-0}" ow_strict="not measured"
if [[ -n "$RATES" && -s "$samples" ]]; then
  out "## OneWindow: intake through the gateway" ""
  summarise onewindow "$RATES"
  ow_best="$best" ow_strict="$strict"
  out "" "**OneWindow sustains $ow_best cases/s** ($ow_strict/s with nothing refused or failed at any rate up to it). Methods JIT-compiled: $(jit onewindow gateway "$SERVICE")." ""
  [[ "$ow_best" != 0 ]] || fail "OneWindow sustained none of $RATES/s"
fi

# ---------------------------------------------------------------------------------------------
# 3. overload: OVERLOAD x capacity
# ---------------------------------------------------------------------------------------------
over_line="not measured"
if [[ "$ow_best" != 0 && "${OVERLOAD_STEP:-1}" == 1 ]]; then
  over="$(python3 -c "import sys; print(f'{float(sys.argv[1]) * float(sys.argv[2]):g}')" "$ow_best" "$OVERLOAD")"
  say "overload: $over/s offered ($OVERLOAD × $ow_best)"
  samples="$WORK/capacity-$stamp-overload.csv"
  gatling CapacitySimulation 0 0 -DbareRates= -Drates="$over" -Dstep="$STEP" -Dgap="$GAP" -Drepeats="$REPEATS" \
    -Dwarmup="$OVERLOAD_WARMUP" -DwarmupRate="$over" -Dsamples="$samples" >/dev/null
  WARMUP="$OVERLOAD_WARMUP" steps onewindow "$over" >"$WORK/capacity-$stamp-overload.tsv"
  rm -f "$WORK/capacity-$stamp-refusals.txt"
  # the refusals, and which slow ones were in flight while a core of the machine stood still
  python3 - "$samples" "$(( (OVERLOAD_WARMUP + GAP) * 1000 ))" "$stalls" "$(cat "$stalls.priority" 2>/dev/null)" \
    >"$WORK/capacity-$stamp-refusals.txt" <<'PY'
import csv, sys
# the steps apart from the ramp before them; the ramp's refusals are the first surge, met while the
# refusal path was still being compiled (printed last)
every = [r for r in csv.DictReader(open(sys.argv[1])) if r["system"] == "onewindow"]
rows = [r for r in every if int(r["sinceFirstMs"]) >= int(sys.argv[2])]
ramp = sorted(int(r["responseMs"]) for r in every
              if int(r["sinceFirstMs"]) < int(sys.argv[2]) and r["status"] in ("429", "503"))
refused = [r for r in rows if r["status"] in ("429", "503")]
ref = sorted(int(r["responseMs"]) for r in refused)
allr = sorted(int(r["responseMs"]) for r in rows)
q = lambda xs, p: xs[min(len(xs) - 1, int(round(p * (len(xs) - 1))))] if xs else "n/a"
ramp_line = (f"{len(ramp)} refusals, p50 {q(ramp, .5)} ms, p99 {q(ramp, .99)} ms, "
             f"max {ramp[-1] if ramp else 'n/a'} ms, {sum(1 for x in ramp if x > 100)} slower than 100 ms")
print(len(ref), q(ref, .5), q(ref, .99), ref[-1] if ref else "n/a", allr[-1] if allr else "n/a")
if not rows:
    print("no steps"); print(ramp_line); sys.exit()
first = min(int(r["sentAtMs"]) for r in rows)
last = max(int(r["sentAtMs"]) + int(r["responseMs"]) for r in rows)
stalls = []
try:
    for line in open(sys.argv[3]):
        cpu, woke, late = line.split()
        woke, late = int(woke), float(late)
        if first <= woke <= last and late >= 50:
            stalls.append((woke - late, woke))
except OSError:
    pass
slow = [r for r in refused if int(r["responseMs"]) > 100]
during = sum(1 for r in slow
             if any(a < int(r["sentAtMs"]) + int(r["responseMs"]) and b > int(r["sentAtMs"]) for a, b in stalls))
longest = max((b - a for a, b in stalls), default=0)
print(f"a probe on each core ({sys.argv[4] or 'priority unknown'}) woke ≥ 50 ms late {len(stalls)} times "
      f"during the steps, the longest {longest:.0f} ms; of the {len(slow)} refusals slower than 100 ms, "
      f"{during} were in flight during such a stall")
print(ramp_line)
PY
  { read -r n_ref ref50 ref99 refmax allmax; IFS= read -r stall_line; IFS= read -r ramp_line; } <"$WORK/capacity-$stamp-refusals.txt"
  accepted="$(python3 -c "import statistics,sys; print(f'{statistics.median(float(l.split()[3]) for l in open(sys.argv[1])):.1f}')" "$WORK/capacity-$stamp-overload.tsv")"
  share="$(python3 -c "import sys; print(f'{100 * float(sys.argv[1]) / float(sys.argv[2]):.0f}')" "$accepted" "$ow_best")"
  out "## Overload: $over/s offered ($OVERLOAD × capacity)" ""
  out "| repeat | offered /s | accepted /s | p50 ms | p95 ms | p99 ms | max ms | refused | failed |" "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  while IFS=$'\t' read -r _ k offered acc p50 p95 p99 mx refused failed _; do
    out "| $k | $offered | $acc | $p50 | $p95 | $p99 | $mx | $refused | $failed |"
  done <"$WORK/capacity-$stamp-overload.tsv"
  out "" "Accepted: median **$accepted/s = $share % of capacity**. Refusals (503 back-office.busy): $n_ref, answered in p50 $ref50 ms, p99 $ref99 ms, max **$refmax ms**; the slowest answer of all: **$allmax ms** (the gateway's time limit: ${ONEWINDOW_GATEWAY_TIME_LIMIT:-5s})." ""
  out "Machine stalls: $stall_line (infra/bench/stall-probe.py)." ""
  out "The ramp before the repeats (1 → $over/s in $OVERLOAD_WARMUP s, not measured against the targets): ${ramp_line:-no samples}. Methods JIT-compiled: $(WARMUP="$OVERLOAD_WARMUP" jit onewindow gateway "$SERVICE")." ""
  over_line="$accepted/s accepted ($share % of $ow_best), slowest refusal $refmax ms, slowest answer $allmax ms"
fi

{
  echo "## Summary"
  echo
  echo "| figure | value |"
  echo "|---|---:|"
  echo "| OneWindow highest sustained intake (p99 ≤ $P99_LIMIT ms of the applications, a refused one counted as never answered) | **$ow_best cases/s** |"
  echo "| bare Camunda highest sustained start (same rule, same run) | $bare_best starts/s |"
  echo "| **OneWindow ÷ bare Camunda** | **$(ratio "$ow_best" "$bare_best")** |"
  echo "| the same with nothing refused or failed (the stricter reading): OneWindow / bare Camunda | $ow_strict / $bare_strict → $(ratio "$ow_strict" "$bare_strict") |"
  echo "| PostgreSQL: the intake's SQL, $PGBENCH_CLIENTS clients (pgbench -M prepared) | ${pg_limit:-not measured} intakes/s |"
  echo "| **OneWindow ÷ PostgreSQL limit** | **$(ratio "$ow_best" "${pg_limit:-0}")** |"
  echo "| at $OVERLOAD × capacity | $over_line |"
  echo
} >"$report.summary"
summary_first "$report" "$report.summary"
cat "$report"
say "results: ${report#"$ROOT"/}"
if ((failures)); then say "$failures step(s) failed"; exit 1; fi
