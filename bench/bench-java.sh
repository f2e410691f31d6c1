# Sourced by the bench scripts: finds a JDK >= 21 (BLACKSKY_JAVA) and the bench build (bench_classpath).
# Builds nothing: build first with  ./mvnw -B -q -Pbench install -DskipTests
here=$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd -P)
root=$(dirname "$here")
# shellcheck source=../distribution/src/main/dist/bin/find-java.sh
. "$root/distribution/src/main/dist/bin/find-java.sh"
blacksky_find_java || exit 1
bench_jar=$(ls "$here"/target/blacksky-bench-*.jar 2>/dev/null | grep -v -e '-sources\.jar$' -e '-tests\.jar$' | head -n 1 || true)
if [ -z "$bench_jar" ] || [ ! -d "$here/target/lib" ]; then
    echo "$(basename "$0"): no bench build in $here/target; build it first: (cd $root && ./mvnw -B -q -Pbench install -DskipTests)" >&2
    exit 1
fi
bench_classpath="$bench_jar:$here/target/lib/*"
