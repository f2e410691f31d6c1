#!/usr/bin/env bash
# Runs the routing benchmark (its workload and results are in docs/benchmarks.md):
# every configuration RUNS times, each run in a fresh JVM under GNU time, then a summary with the median and
# min-max of each number. Builds nothing: build first with  ./mvnw -B -q -Pbench install -DskipTests
#
# Environment (all optional):
#   RUNS=3          runs per configuration
#   M=200000        measured messages per run
#   WARMUP=20000    warm-up messages per run
#   TRANSPORT=sink  sink (replies go straight to the harness) or simulated (core's SimulatedTransport)
#   CONFIGS="50:serial:one-plugin 50:pipelined:plugin-per-command"   N:mode:packaging list (default: all 8)
#   FEEDER_SPIN_US=0   how long the feeding thread polls for a free in-flight slot before it blocks (0: block at once)
#   PREBUILD=true   build each phase's messages before its first hand-over (true) or each just before its own (false)
#   BENCH_JAVA_OPTS extra JVM options, e.g. "-Xmx512m"
#   OUT=dir         where raw results and logs go (default bench/target/routing-results/<UTC time>)
# Exits non-zero if any run fails or is invalid.
set -euo pipefail

# shellcheck source=bench-java.sh
. "$(dirname "$0")/bench-java.sh"

if [ ! -x /usr/bin/time ]; then
    echo "run-routing.sh: GNU time (/usr/bin/time) is needed for peak RSS; install it (apt-get install time)" >&2
    exit 1
fi
classpath=$bench_classpath

RUNS=${RUNS:-3}
M=${M:-200000}
WARMUP=${WARMUP:-20000}
TRANSPORT=${TRANSPORT:-sink}
FEEDER_SPIN_US=${FEEDER_SPIN_US:-0}
PREBUILD=${PREBUILD:-true}
CONFIGS=${CONFIGS:-"1:serial:one-plugin 1:pipelined:one-plugin 50:serial:one-plugin 50:pipelined:one-plugin 500:serial:one-plugin 500:pipelined:one-plugin 50:serial:plugin-per-command 50:pipelined:plugin-per-command"}
out=${OUT:-$here/target/routing-results/$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$out"
results=$out/results.txt
: >"$results"

# The JVM options bin/blacksky uses, plus quiet native access for SQLite (the host opens its store at start).
java_opts=(--enable-native-access=ALL-UNNAMED -Dbench.feederSpinNanos=$((FEEDER_SPIN_US * 1000)) -Dbench.prebuild="$PREBUILD")
# shellcheck disable=SC2206 # BENCH_JAVA_OPTS is a list of options, split on purpose
java_opts+=(${BENCH_JAVA_OPTS:-})

{
    echo "date:      $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "git:       $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet 2>/dev/null || echo ' (uncommitted changes)')"
    echo "machine:   $(nproc) cpus, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), $(uname -sr)"
    echo "java:      $BLACKSKY_JAVA ($("$BLACKSKY_JAVA" -version 2>&1 | head -n 1))"
    echo "settings:  RUNS=$RUNS M=$M WARMUP=$WARMUP TRANSPORT=$TRANSPORT FEEDER_SPIN_US=$FEEDER_SPIN_US PREBUILD=$PREBUILD BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-}"
    echo "each run:  /usr/bin/time -v $BLACKSKY_JAVA ${java_opts[*]} -cp '$classpath' dev.blacksky.bench.RoutingBenchmark N MODE PACKAGING $M $WARMUP $TRANSPORT"
} | tee "$out/machine.txt"
echo

failures=0
for config in $CONFIGS; do
    IFS=: read -r n mode packaging <<<"$config"
    for run in $(seq 1 "$RUNS"); do
        log=$out/$n-$mode-$packaging-$run
        rc=0
        /usr/bin/time -v -o "$log.time" "$BLACKSKY_JAVA" "${java_opts[@]}" -cp "$classpath" \
            dev.blacksky.bench.RoutingBenchmark "$n" "$mode" "$packaging" "$M" "$WARMUP" "$TRANSPORT" \
            >"$log.out" 2>"$log.err" || rc=$?
        if [ "$rc" -eq 0 ] && grep -q '^RESULT .* valid=true ' "$log.out"; then
            peak=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$log.time")
            echo "$(grep '^RESULT ' "$log.out") peakRssKb=${peak:-0}" >>"$results"
            echo "[$config run $run] $(grep -v '^RESULT ' "$log.out")"
        else
            failures=$((failures + 1))
            echo "[$config run $run] FAILED (exit $rc); see $log.out and $log.err" >&2
            grep -h '^INVALID' "$log.out" >&2 || tail -n 5 "$log.err" >&2 || true
        fi
    done
done

# Prints "median (min-max)" of the numbers on stdin, formatted with $1 after dividing by $2.
summarize() {
    sort -g | awk -v fmt="$1" -v div="$2" '
        { v[NR] = $1 / div }
        END {
            if (NR == 0) { print "-"; exit }
            med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
            printf fmt " (" fmt "-" fmt ")\n", med, v[1], v[NR]
        }'
}

# The values of one key across the result lines of one configuration.
values() {
    grep -F "RESULT n=$1 mode=$2 packaging=$3 " "$results" | sed -n "s/.* $4=\([^ ]*\).*/\1/p"
}

echo
echo "Routing benchmark: M=$M, warm-up $WARMUP, transport $TRANSPORT; median (min-max) over the valid runs"
row='%-34s %4s %-24s %-24s %-24s %-24s %-24s\n'
printf "$row" configuration runs "msgs/s" "reply p50 us" "reply p99 us" "dispatch p50 us" "dispatch p99 us"
for config in $CONFIGS; do
    IFS=: read -r n mode packaging <<<"$config"
    printf "$row" "N=$n $packaging $mode" "$(values "$n" "$mode" "$packaging" msgsPerSec | wc -l)" \
        "$(values "$n" "$mode" "$packaging" msgsPerSec | summarize %.0f 1)" \
        "$(values "$n" "$mode" "$packaging" replyP50Us | summarize %.1f 1)" \
        "$(values "$n" "$mode" "$packaging" replyP99Us | summarize %.1f 1)" \
        "$(values "$n" "$mode" "$packaging" dispatchP50Us | summarize %.1f 1)" \
        "$(values "$n" "$mode" "$packaging" dispatchP99Us | summarize %.1f 1)"
done
echo
row='%-34s %7s %-24s %-24s %-24s %-24s %-24s %-24s\n'
printf "$row" configuration plugins "reply mean us" "dispatch mean us" "host.start() ms" "JVM start->ready ms" \
    "RSS after MiB" "peak RSS MiB"
for config in $CONFIGS; do
    IFS=: read -r n mode packaging <<<"$config"
    printf "$row" "N=$n $packaging $mode" "$(values "$n" "$mode" "$packaging" plugins | head -n 1)" \
        "$(values "$n" "$mode" "$packaging" replyMeanUs | summarize %.1f 1)" \
        "$(values "$n" "$mode" "$packaging" dispatchMeanUs | summarize %.1f 1)" \
        "$(values "$n" "$mode" "$packaging" startMs | summarize %.0f 1)" \
        "$(values "$n" "$mode" "$packaging" jvmToReadyMs | summarize %.0f 1)" \
        "$(values "$n" "$mode" "$packaging" rssAfterKb | summarize %.0f 1024)" \
        "$(values "$n" "$mode" "$packaging" peakRssKb | summarize %.0f 1024)"
done
echo
echo "Raw results: $results (one RESULT line per valid run); logs: $out"
if [ "$failures" -gt 0 ]; then
    echo "$failures run(s) failed or were invalid" >&2
    exit 1
fi
