#!/usr/bin/env bash
# Footprint of many accounts in one process: the packaged bot (its launcher's JVM flags) runs N idle accounts on
# the simulated transport; prints the time from launch until every account is CONNECTED, the heap in use after a
# full GC, and the process's RSS. Results go to docs/benchmarks.md.
# Builds nothing: build the distribution first with  ./mvnw -B -q install -DskipTests
# Environment: COUNTS="1 10 50", SETTLE_SECONDS=10 (idle time before measuring), RUNS=1.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd -P)
dist="$root/distribution/target/blacksky"
# shellcheck source=../distribution/src/main/dist/bin/find-java.sh
. "$root/distribution/src/main/dist/bin/find-java.sh"
blacksky_find_java || exit 1
jcmd="$(dirname "$BLACKSKY_JAVA")/jcmd"
[ -x "$dist/bin/blacksky" ] || { echo "$(basename "$0"): no distribution in $dist; build it first" >&2; exit 1; }
[ -x "$jcmd" ] || { echo "$(basename "$0"): $jcmd is missing: the JDK's jcmd reads the heap" >&2; exit 1; }
export JAVA_HOME
JAVA_HOME=$(dirname "$(dirname "$BLACKSKY_JAVA")")
printf '%8s %14s %16s %10s\n' accounts connected_ms heap_after_gc_mib rss_mib
for run in $(seq "${RUNS:-1}"); do
  for n in ${COUNTS:-1 10 50}; do
    work=$(mktemp -d "${TMPDIR:-/tmp}/blacksky-accounts-XXXXXX")
    {
      echo 'blacksky.http.port = 0'
      echo 'blacksky.accounts = ['
      for i in $(seq "$n"); do echo "  { name = a$i, transport = simulated }"; done
      echo ']'
    } > "$work/accounts.conf"
    started=$(date +%s%N)
    BLACKSKY_LOGS="$work/logs" "$dist/bin/blacksky" run --config "$work/accounts.conf" --data "$work/data" \
        > "$work/out" 2> "$work/err" < /dev/null &
    pid=$!
    until [ "$(grep -l '"CONNECTED"' "$work"/data/accounts/*/status.json 2>/dev/null | wc -l)" -eq "$n" ]; do
      kill -0 "$pid" 2>/dev/null || { echo "the bot exited: $(cat "$work/err")" >&2; exit 1; }
      sleep 0.02
    done
    connected=$(( ($(date +%s%N) - started) / 1000000 ))
    sleep "${SETTLE_SECONDS:-10}"
    "$jcmd" "$pid" GC.run > /dev/null
    heap_kib=$("$jcmd" "$pid" GC.heap_info | awk '/total/ { for (i = 1; i <= NF; i++) if ($i == "used") { sub("K,?", "", $(i+1)); s += $(i+1) } } END { print s }')
    rss_kib=$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")
    kill -TERM "$pid"
    wait "$pid" || true
    printf '%8d %14d %16.1f %10.1f\n' "$n" "$connected" "$(echo "$heap_kib / 1024" | bc -l)" "$(echo "$rss_kib / 1024" | bc -l)"
    rm -rf "$work"
  done
done
