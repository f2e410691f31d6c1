#!/usr/bin/env bash
# The durable path benchmark: messages in through a journaled transport, replies out through the outbox, each
# commit an fsync, beside this disk's raw fsync rate. Results go to docs/benchmarks.md.
# Builds nothing: build first with  ./mvnw -B -q -Pbench install -DskipTests
# Environment: RUNS=3, M=50000, WARMUP=20000 (fewer warm-up messages measure the JIT still compiling), MODES="serial pipelined", BENCH_DIR (where the data folder goes;
# default the system temp folder: put it on the disk you want measured).
set -euo pipefail
# shellcheck source=bench-java.sh
. "$(dirname "$0")/bench-java.sh"
for mode in ${MODES:-serial pipelined}; do
    for run in $(seq 1 "${RUNS:-3}"); do
        "$BLACKSKY_JAVA" --enable-native-access=ALL-UNNAMED -Dbench.dir="${BENCH_DIR:-${TMPDIR:-/tmp}}" \
            -cp "$bench_classpath" dev.blacksky.bench.DurableBenchmark "$mode" "${M:-50000}" "${WARMUP:-20000}" \
            2>/dev/null | grep '^RESULT'
    done
done
