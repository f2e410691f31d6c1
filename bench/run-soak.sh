#!/usr/bin/env bash
# The faulted soak: M messages on the journaled path while the link drops now and then and the bot is SIGKILLed
# at random (exponentially distributed, MEAN_KILL_SECONDS apart) and restarted; prints the messages lost, the
# storage effects doubled and the replies repeated. Results go to docs/benchmarks.md.
# Builds nothing: build first with  ./mvnw -B -q -Pbench install -DskipTests
# Environment: M=1000000, SEED=1, MEAN_KILL_SECONDS=8, BENCH_DIR (where its data folder goes).
set -euo pipefail
# shellcheck source=bench-java.sh
. "$(dirname "$0")/bench-java.sh"
# The bot is restarted from these jars for an hour or so: run from a copy, so a rebuild meanwhile changes nothing.
jars=$(mktemp -d "${TMPDIR:-/tmp}/blacksky-soak-jars-XXXXXX")
trap 'rm -rf "$jars"' EXIT
cp "$bench_jar" "$jars/" && cp -r "$here/target/lib" "$jars/lib"
"$BLACKSKY_JAVA" --enable-native-access=ALL-UNNAMED -Dbench.dir="${BENCH_DIR:-${TMPDIR:-/tmp}}" \
    -cp "$jars/$(basename "$bench_jar"):$jars/lib/*" dev.blacksky.bench.SoakDriver "${M:-1000000}" "${SEED:-1}" "${MEAN_KILL_SECONDS:-8}"
