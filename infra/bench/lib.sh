# Shared by the harnesses in infra/bench (sourced, not run): paths, the stack's settings, one
# Gatling run parsed into numbers, medians, the machine, SQL as the stack's superuser.
# shellcheck shell=bash
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/../.." && pwd)"
# shellcheck source=infra/stack.env
source "$ROOT/infra/stack.env"
STACK="$ROOT/infra/stack.sh"
STACK_DIR="$ROOT/infra/.stack"
RESULTS="$BENCH_DIR/results"
WORK="$STACK_DIR/bench"          # raw files of a run (CSV, logs): not committed
MVN_LOCK="${ONEWINDOW_MVN_LOCK:-/tmp/onewindow-mvn.lock}"
MVN_FLAGS="${MVN_FLAGS:--B -q}"
# the load generator's JVM options, added to Gatling's own (space separated)
LOAD_JVM_OPTS="${LOAD_JVM_OPTS-}"
# the service the intake load applies to (IntakeSimulation -Dservice), its database and topic
SERVICE="${SERVICE:-enterprise-opening}"
case "$SERVICE" in
  enterprise-opening)
    MATTERS="EO-1 bundle by clerks of FC, LC and QX at random" ;;
  construction-permit)
    MATTERS="ST CP-8a, FC CP-2b or LC CP-2 at random by st-clerk, fc-clerk or lc-clerk, each registering a new project" ;;
  property-registration)
    MATTERS="construction.completion-accepted announcements consumed for 交房即办证" ;;
  utility-hookup)
    MATTERS="property.transfer-registered announcements consumed for 过户" ;;
  *) echo "SERVICE=$SERVICE: enterprise-opening, construction-permit, property-registration or utility-hookup" >&2; exit 2 ;;
esac
DB="${SERVICE//-/_}"
TOPIC="onewindow.$SERVICE.case-events"
mkdir -p "$RESULTS" "$WORK"

say() { printf '== %s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# the stack's PostgreSQL as superuser: sql DATABASE "statement"  (unaligned, no header)
sql() {
  PGPASSWORD="$PG_SUPERUSER_PASSWORD" psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" \
    -U "$PG_SUPERUSER" -d "$1" -tAc "$2"
}

machine() {
  echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB RAM, Linux $(uname -r); $(java -version 2>&1 | head -1); load generator on the same machine as the whole stack"
}

# median_of X... (DIGITS decimals, default 1)
median_of() { python3 -c "import statistics,sys; xs=[float(x) for x in sys.argv[1:] if x!='nan']; print(f'{statistics.median(xs):.${DIGITS:-1}f}' if xs else 'nan')" "$@"; }

# one Gatling simulation run: gatling CLASS RATE DURATION [-Dmore=...] (IntakeSimulation applies to SERVICE)
# prints "p50 p95 p99 mean_rps ok ko" from Gatling's Global Information block
gatling() {
  local class="$1" rate="$2" duration="$3"; shift 3
  local log="$WORK/gatling-$class-$rate-$(date +%s%N).log"
  local jvm_args="-Xlog:gc:file=${log%.log}-gc.log:time"
  [[ -z "$LOAD_JVM_OPTS" ]] || jvm_args="${LOAD_JVM_OPTS// /,},$jvm_args"
  # shellcheck disable=SC2086
  # gatling:test compiles first; the formatter has had its say in compile_load. The generator's own GC
  # log (one decorator: Maven splits the jvmArgs list at commas) tells its pauses from the stack's
  (cd "$ROOT" && flock "$MVN_LOCK" mvn $MVN_FLAGS -o -Dspotless.skip=true gatling:test -pl infra/load \
      -Dgatling.simulationClass="org.onewindow.load.$class" -Drate="$rate" -Dduration="$duration" -Dservice="$SERVICE" \
      -Dgatling.jvmArgs="$jvm_args" "$@") >"$log" 2>&1
  python3 - "$log" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
i = text.rfind("---- Global Information")
if i < 0:
    print("nan nan nan nan 0 nan"); sys.exit()
block = text[i:]
num = lambda s: s.replace(",", "")            # Gatling groups thousands: 1,500
def val(label):
    m = re.search(r">\s*" + re.escape(label) + r"\s*\|\s*([0-9.,]+)", block)
    return num(m.group(1)) if m else "nan"
req = re.search(r">\s*request count\s*\|\s*([0-9,]+)\s*\|\s*([0-9,]+)\s*\|\s*(\S+)", block)
ok, ko = (num(req.group(2)), num(req.group(3)).replace("-", "0")) if req else ("0", "nan")
print(val("response time 50th percentile (ms)"), val("response time 95th percentile (ms)"),
      val("response time 99th percentile (ms)"), val("mean throughput (rps)"), ok, ko)
PY
}

# compile the simulations once, so that no run pays for it; online, and resolving infra/load's
# plugins (Gatling's among them), so the runs below can go offline (-o) on a machine that never
# fetched them
compile_load() {
  # shellcheck disable=SC2086
  (cd "$ROOT" && flock "$MVN_LOCK" mvn $MVN_FLAGS test-compile -pl infra/load -am \
      && flock "$MVN_LOCK" mvn $MVN_FLAGS dependency:resolve-plugins -pl infra/load) >"$WORK/compile.log" 2>&1 \
    || { tail -n 30 "$WORK/compile.log" >&2; echo "compiling infra/load failed" >&2; return 1; }
}

# footprint of every process tree the stack recorded (infra/.stack/run/*.pid): a markdown table of
# RSS and PSS. RSS counts shared pages (PostgreSQL's shared buffers) once per backend; PSS shares
# them out, so the PSS total is what the stack really holds.
footprint() {
  python3 - "$STACK_DIR/run" <<'PY'
import os, sys
from pathlib import Path
def kib(pid, field):
    try:
        for line in open(f"/proc/{pid}/smaps_rollup"):
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0
parent = {}
for p in os.listdir("/proc"):
    if p.isdigit():
        try:
            parent[int(p)] = int(open(f"/proc/{p}/stat").read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            pass
def tree(root):
    out = []
    for p in parent:
        q, n = p, 0
        while q and q != root and n < 64:
            q, n = parent.get(q, 0), n + 1
        if q == root:
            out.append(p)
    return out
rows, trss, tpss = [], 0, 0
for f in sorted(Path(sys.argv[1]).glob("*.pid")):
    try:
        pid = int(f.read_text().strip())
    except ValueError:
        continue
    if pid not in parent:
        continue
    procs = tree(pid)
    rss = sum(kib(p, "Rss") for p in procs) / 1024
    pss = sum(kib(p, "Pss") for p in procs) / 1024
    trss += rss; tpss += pss
    rows.append(f"| {f.stem} | {len(procs)} | {rss:,.0f} | {pss:,.0f} |")
print("| process tree | processes | RSS MiB | PSS MiB |")
print("|---|---:|---:|---:|")
print("\n".join(rows))
print(f"| **total** | | **{trss:,.0f}** | **{tpss:,.0f}** |")
PY
}

ratio() { python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print(f'{a/b:.2f}' if b else 'n/a')" "$1" "$2" 2>/dev/null || echo n/a; }

# summary_first REPORT SUMMARY_FILE: the summary goes first, below the run description (the
# report's "- command:" line), and its file is removed
summary_first() {
  python3 - "$1" "$2" <<'PY'
import sys
body = open(sys.argv[1]).read().split("\n")
summary = open(sys.argv[2]).read()
cut = next(i for i, l in enumerate(body) if l.startswith("- command:")) + 2
open(sys.argv[1], "w").write("\n".join(body[:cut]) + "\n" + summary + "\n".join(body[cut:]))
PY
  rm -f "$2"
}

# the stack's front door and login, for the harnesses that call them with curl
KEYCLOAK_URL="${KEYCLOAK_URL:-http://localhost:$KEYCLOAK_PORT}"
GATEWAY_URL="${GATEWAY_URL:-http://localhost:8080}"

# clerk_token USER: a password-grant access token of a demo user (the CLI client)
clerk_token() {
  curl -sS -m 20 "$KEYCLOAK_URL/realms/onewindow/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=onewindow-cli -d username="$1" -d password=demo \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}

# apply_eo1 TOKEN BODY_FILE [CURL_FORMAT]: one EO-1 application (eo1-application.json) through the
# gateway with a fresh Idempotency-Key; the answer's body to BODY_FILE, prints CURL_FORMAT
# (default: the status)
apply_eo1() {
  curl -sS -m 30 -o "$2" -w "${3:-%{http_code\}}" -X POST "$GATEWAY_URL/api/v1/applications" \
    -H "Authorization: Bearer $1" -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
    -H 'Content-Type: application/json' --data-binary @"$BENCH_DIR/eo1-application.json"
}
