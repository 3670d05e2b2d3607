#!/usr/bin/env bash
# Runs the JMH benchmarks of the kernel's statutory clock (infra/benchmarks, docs/performance.md).
#
# Builds target/kernel-benchmarks.jar first if it is missing or older than the benchmark sources, the
# case kernel's main sources or the poms (--rebuild forces it), then runs it once per mode:
#   avgt   average time, ns/op, with JMH's gc profiler (bytes allocated per op)
#   thrpt  throughput, ops/s
# Each mode writes JSON (-rf json) and a text log to $RESULTS_DIR (default infra/benchmarks/target/jmh).
#
# The defaults suit a small, noisy machine (2 cores, other builds around): 2 forks, 3 warm-up and 5
# measured iterations of 1 s each, heap fixed at 1 GiB; about 1.5 minutes per mode.
#
# Usage: infra/benchmarks/run-clock-benchmark.sh [--rebuild] [more JMH arguments, e.g. a benchmark regex]
# Environment:
#   MVN, MVN_FLAGS  Maven command and flags for the build (default: mvn, -B -q; add -o to build offline)
#   JAVA            java to run the benchmarks with (default: java on the PATH)
#   JMH_MODES       modes to run, space-separated (default: "avgt thrpt")
#   JMH_FORKS JMH_WARMUP_ITERATIONS JMH_ITERATIONS JMH_WARMUP_TIME JMH_TIME JMH_JVM_ARGS  run settings
#   RESULTS_DIR     where the JSON and logs go
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$here/target/kernel-benchmarks.jar"

MVN="${MVN:-mvn}"
MVN_FLAGS="${MVN_FLAGS:--B -q}"
JAVA="${JAVA:-java}"
JMH_MODES="${JMH_MODES:-avgt thrpt}"
JMH_FORKS="${JMH_FORKS:-2}"
JMH_WARMUP_ITERATIONS="${JMH_WARMUP_ITERATIONS:-3}"
JMH_ITERATIONS="${JMH_ITERATIONS:-5}"
JMH_WARMUP_TIME="${JMH_WARMUP_TIME:-1s}"
JMH_TIME="${JMH_TIME:-1s}"
JMH_JVM_ARGS="${JMH_JVM_ARGS:--Xms1g -Xmx1g}"
RESULTS_DIR="${RESULTS_DIR:-$here/target/jmh}"

rebuild=false
if [[ "${1:-}" == "--rebuild" ]]; then
    rebuild=true
    shift
fi

if [[ ! -f "$jar" ]]; then
    rebuild=true
elif [[ -n "$(find "$root/pom.xml" "$here/pom.xml" "$here/src" \
        "$root/services/case-kernel/pom.xml" "$root/services/case-kernel/src/main" \
        -newer "$jar" -type f -print -quit)" ]]; then
    rebuild=true
fi

if $rebuild; then
    echo "== building $jar"
    # shellcheck disable=SC2086 # MVN_FLAGS is a list of flags
    (cd "$root" && $MVN $MVN_FLAGS -Pbenchmarks -pl infra/benchmarks -am package -DskipTests)
fi

mkdir -p "$RESULTS_DIR"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
echo "== $(date -u +%FT%TZ) $("$JAVA" -version 2>&1 | head -1); $(nproc) cpus;" \
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"

for mode in $JMH_MODES; do
    case "$mode" in
        avgt) unit=ns extra=(-prof gc) ;;
        thrpt) unit=s extra=() ;;
        *) echo "unknown JMH mode '$mode' (avgt or thrpt)" >&2; exit 2 ;;
    esac
    json="$RESULTS_DIR/clock-$mode-$stamp.json"
    log="$RESULTS_DIR/clock-$mode-$stamp.txt"
    echo "== mode $mode: $json"
    "$JAVA" -jar "$jar" \
        -bm "$mode" -tu "$unit" \
        -f "$JMH_FORKS" -wi "$JMH_WARMUP_ITERATIONS" -i "$JMH_ITERATIONS" \
        -w "$JMH_WARMUP_TIME" -r "$JMH_TIME" \
        -jvmArgs "$JMH_JVM_ARGS" \
        "${extra[@]}" \
        -rf json -rff "$json" \
        "$@" 2>&1 | tee "$log"
done
