#!/usr/bin/env bash
# The plugin host's benchmarks (results go to docs/benchmarks.md): start-up time with 1, 10 and 100 plugin
# JARs, each in a fresh JVM, RUNS times; and the latency from a replaced plugin JAR to its new version serving,
# through the real folder watcher, RELOADS times in one JVM. Builds nothing: first ./mvnw -B -q -Pbench install -DskipTests
set -euo pipefail
# shellcheck source=bench-java.sh
. "$(dirname "$0")/bench-java.sh"
classpath=$bench_classpath
RUNS=${RUNS:-3}
RELOADS=${RELOADS:-30}
java=("$BLACKSKY_JAVA" --enable-native-access=ALL-UNNAMED -cp "$classpath" dev.blacksky.bench.PluginHostBenchmark)
echo "machine: $(nproc) cpus, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1); java: $("$BLACKSKY_JAVA" -version 2>&1 | head -n 1)"
for n in 1 10 100; do
    for run in $(seq "$RUNS"); do
        "${java[@]}" startup "$n" | grep '^RESULT\|^INVALID'
    done
done
"${java[@]}" reload "$RELOADS" | grep '^RESULT\|^INVALID'
