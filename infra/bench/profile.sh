#!/usr/bin/env bash
# Where does the intake's time go? One intake run at RATE/s for DURATION s on the local stack, with
#   - the CPU time each process tree of the stack (and the load generator) spent, per accepted case,
#     from /proc/<pid>/stat before and after;
#   - a JFR recording of the service (SERVICE, default enterprise-opening) and the gateway, started
#     before the warm-up (a ramp up to RATE over WARMUP s) and dumped for the measured window only,
#     reduced to the methods most often on top of the stack (own code and libraries, by package) and
#     the share of samples with each library anywhere on the stack.
# Writes infra/bench/results/profile-<UTC>.md.
#
#   ./infra/bench/profile.sh               # 100/s for 30 s after a 120 s ramp
#   RATE=50 DURATION=60 WARMUP=120 ./infra/bench/profile.sh   # the healthy path (docs/performance.md, run 5)
#   SERVICE=construction-permit ./infra/bench/profile.sh   # the construction intake (lib.sh)
set -uo pipefail
# shellcheck source=infra/bench/lib.sh
source "$(dirname "$0")/lib.sh"
RATE="${RATE:-100}"
DURATION="${DURATION:-30}"
WARMUP="${WARMUP:-120}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
report="$RESULTS/profile-$stamp.md"
[[ "${SMOKE:-0}" == 1 ]] && report="$WORK/profile-smoke-$stamp.md"

jfr_start() { jcmd "$1" JFR.start name=profile settings=profile >/dev/null 2>&1; }
jfr_dump() { # pid name: the measured window only
  jcmd "$1" JFR.dump name=profile begin="$begin" end="$end" filename="$WORK/$2-$stamp.jfr" >/dev/null 2>&1
}
jfr_stop() { jcmd "$1" JFR.stop name=profile >/dev/null 2>&1; }

"$STACK" up >"$WORK/up.log" 2>&1 || { tail -20 "$WORK/up.log" >&2; exit 1; }
compile_load || exit 1
svc="$(cat "$STACK_DIR/run/$SERVICE.pid")"
gw="$(cat "$STACK_DIR/run/gateway.pid")"
# JFR starts before the warm-up: starting a recording stalls a JVM for a moment, which under load
# pushed calls past the time limit and profiled an open circuit (stop 26); only the measured
# window is dumped from it (JFR.dump begin/end)
jfr_start "$svc"; jfr_start "$gw"
# a recording left running would cost every later run its overhead: stopped however this script ends
trap 'jfr_stop "$svc"; jfr_stop "$gw"' EXIT
gatling IntakeSimulation "$RATE" "$WARMUP" -Dramp=true >/dev/null   # warm-up up to RATE, not reported

# CPU ticks of every process tree of the stack, and of everything else (the load generator)
cpu() {
  python3 - "$STACK_DIR/run" <<'PY'
import os, sys
from pathlib import Path
stat, parent = {}, {}
for p in os.listdir("/proc"):
    if p.isdigit():
        try:
            f = open(f"/proc/{p}/stat").read().rsplit(")", 1)[1].split()
            parent[int(p)], stat[int(p)] = int(f[1]), int(f[11]) + int(f[12]) + int(f[13]) + int(f[14])
        except (OSError, IndexError, ValueError):
            pass
def root_of(p, roots):
    n = 0
    while p and n < 64:
        if p in roots:
            return roots[p]
        p, n = parent.get(p, 0), n + 1
    return None
roots = {}
for f in Path(sys.argv[1]).glob("*.pid"):
    try:
        roots[int(f.read_text().strip())] = f.stem
    except ValueError:
        pass
ticks = {}
for p, t in stat.items():
    name = root_of(p, roots) or "other (load generator, Maven, system)"
    ticks[name] = ticks.get(name, 0) + t
for name, t in sorted(ticks.items()):
    print(f"{name}\t{t}")
PY
}

cpu >"$WORK/cpu-before.tsv"
begin="$(date -u +%Y-%m-%dT%H:%M:%S)"
t0=$(date +%s.%N)
read -r p50 p95 p99 rps ok ko <<<"$(gatling IntakeSimulation "$RATE" "$DURATION")"
t1=$(date +%s.%N)
end="$(date -u +%Y-%m-%dT%H:%M:%S)"
cpu >"$WORK/cpu-after.tsv"
jfr_dump "$svc" "$SERVICE"; jfr_dump "$gw" gateway

{
  echo "# Intake profile $stamp"
  echo
  echo "- machine: $(machine)"
  echo "- one run: $RATE/s for $DURATION s through the gateway ($SERVICE: $MATTERS): p50 $p50 ms, p95 $p95 ms, p99 $p99 ms, OK $ok, KO $ko"
  echo "- command: \`SERVICE=$SERVICE RATE=$RATE DURATION=$DURATION WARMUP=$WARMUP ./infra/bench/profile.sh\`"
  echo
  echo "## CPU time per process tree (the machine has $(nproc) cores)"
  echo
  python3 - "$WORK/cpu-before.tsv" "$WORK/cpu-after.tsv" "$ok" "$t0" "$t1" <<'PY'
import os, sys
hz = os.sysconf("SC_CLK_TCK")
before = dict(l.rstrip("\n").split("\t") for l in open(sys.argv[1]))
after = dict(l.rstrip("\n").split("\t") for l in open(sys.argv[2]))
ok, wall = max(float(sys.argv[3]), 1), float(sys.argv[5]) - float(sys.argv[4])
rows = sorted(((int(after[k]) - int(before.get(k, 0))) / hz, k) for k in after)
total = sum(s for s, _ in rows)
print("| process tree | CPU s | share | cores busy | CPU ms per accepted case |")
print("|---|---:|---:|---:|---:|")
for s, k in reversed(rows):
    if s > 0:
        print(f"| {k} | {s:.1f} | {100 * s / total:.0f} % | {s / wall:.2f} | {1000 * s / ok:.1f} |")
print(f"| **all** | **{total:.1f}** | | **{total / wall:.2f}** of {os.cpu_count()} | **{1000 * total / ok:.1f}** |")
PY
  for app in "$SERVICE" gateway; do
    echo
    echo "## $app: where its CPU samples fall (JFR, top frame by package; own code by class)"
    echo
    jfr print --stack-depth 64 --events jdk.ExecutionSample "$WORK/$app-$stamp.jfr" 2>/dev/null | python3 -c '
import re, sys, collections
tops, owns, incl, total, frames = collections.Counter(), collections.Counter(), collections.Counter(), 0, []
AREAS = [
    ("Camunda engine", ("org.camunda.",)),
    ("JSON (Jackson)", ("com.fasterxml.jackson.",)),
    ("JDBC (pgjdbc, Hikari)", ("org.postgresql.", "com.zaxxer.hikari.")),
    ("MyBatis", ("org.apache.ibatis.",)),
    ("Spring Security, JWT", ("org.springframework.security.", "com.nimbusds.")),
    ("metrics and tracing", ("io.micrometer.", "io.opentelemetry.")),
    ("Kafka client", ("org.apache.kafka.",)),
    ("logging", ("ch.qos.logback.", "org.slf4j.", "org.apache.logging.")),
    ("HTTP server (Tomcat)", ("org.apache.coyote.", "org.apache.catalina.", "org.apache.tomcat.")),
    ("HTTP client (JDK, Apache)", ("jdk.internal.net.http.", "java.net.http.", "org.apache.hc.")),
    ("Gateway MVC", ("org.springframework.cloud.gateway.",)),
    ("regex", ("java.util.regex.",)),
    ("JSON Schema validation", ("com.networknt.",)),
    ("OneWindow code", ("org.onewindow.",)),
]
for line in sys.stdin:
    m = re.match(r"\s+([\w.$]+)\.([\w$<>]+)\(.*line:", line)
    if m:
        frames.append((m.group(1), m.group(2)))
    elif line.strip() == "]" and frames:
        top = frames[0][0].split(".")
        tops[".".join(top[:3])] += 1
        own = next((f"{c.rsplit(chr(46), 1)[-1]}.{n}" for c, n in frames if c.startswith("org.onewindow")), "(no OneWindow frame)")
        owns[own] += 1
        for label, marks in AREAS:
            if any(c.startswith(marks) for c, _ in frames):
                incl[label] += 1
        total += 1
        frames = []
print("| top frame, by package | share |")
print("|---|---:|")
for k, n in tops.most_common(12):
    print(f"| `{k}` | {100 * n / max(total, 1):.0f} % |")
print()
print("| nearest OneWindow frame (the code path that spends it) | share |")
print("|---|---:|")
for k, n in owns.most_common(12):
    print(f"| `{k}` | {100 * n / max(total, 1):.0f} % |")
print()
print()
print("| anywhere on the stack (inclusive; a sample can count under several) | share |")
print("|---|---:|")
for k, n in sorted(incl.items(), key=lambda kv: -kv[1]):
    print(f"| {k} | {100 * n / max(total, 1):.0f} % |")
print()
print(f"{total} samples. JFR keeps 64 frames of a stack, so the outermost ones (Tomcat, the filter chain) are undercounted in the inclusive shares.")
'
  done
} >"$report"
cat "$report"
say "results: ${report#"$ROOT"/}"
