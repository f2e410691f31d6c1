# shellcheck shell=sh
# Finds a Java 21+ runtime. Sourced (never run) by bin/blacksky, and by ./mvnw and .ci/run in the source
# tree, so all three pick a JDK the same way:
#   1. JAVA_HOME, if set; an older Java there is an error, never silently skipped;
#   2. `java` on the PATH, if it is 21 or newer;
#   3. the newest 21+ under the standard JVM folders (BLACKSKY_JVM_DIRS replaces the list).
# On success sets BLACKSKY_JAVA (the java executable) and BLACKSKY_JAVA_HOME (empty for case 2, where
# the PATH already points at it). On failure prints why on stderr and returns 1.

BLACKSKY_MIN_JAVA=21

# Prints the version of a java executable as it names itself: "1.8.0_392", "17.0.15", "25".
blacksky_java_version() {
    _bj_home=$(dirname "$(dirname "$1")")
    _bj_version=
    if [ -r "$_bj_home/release" ]; then
        _bj_version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$_bj_home/release" | head -n 1)
    fi
    if [ -z "$_bj_version" ]; then
        _bj_version=$("$1" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
    fi
    echo "$_bj_version"
}

# Prints the major version of a java executable: 8 for "1.8.0_392", 17 for "17.0.15", 25 for "25".
blacksky_java_major() {
    _bj_version=$(blacksky_java_version "$1")
    case $_bj_version in
        1.*) _bj_version=${_bj_version#1.} ;;
    esac
    _bj_version=${_bj_version%%[!0-9]*}
    echo "${_bj_version:-0}"
}

blacksky_find_java() {
    BLACKSKY_JAVA=
    BLACKSKY_JAVA_HOME=
    if [ -n "${JAVA_HOME:-}" ]; then
        if [ ! -x "$JAVA_HOME/bin/java" ]; then
            echo "blacksky: JAVA_HOME is $JAVA_HOME, but $JAVA_HOME/bin/java does not exist." \
                "Point JAVA_HOME at a JDK $BLACKSKY_MIN_JAVA or newer, or unset it to let Blacksky search." >&2
            return 1
        fi
        _bj_major=$(blacksky_java_major "$JAVA_HOME/bin/java")
        if [ "$_bj_major" -lt "$BLACKSKY_MIN_JAVA" ]; then
            echo "blacksky: JAVA_HOME points at Java $_bj_major ($JAVA_HOME), but Blacksky needs Java" \
                "$BLACKSKY_MIN_JAVA or newer. Point JAVA_HOME at a JDK $BLACKSKY_MIN_JAVA+ (for example" \
                "export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64), or unset JAVA_HOME to let Blacksky search." >&2
            return 1
        fi
        BLACKSKY_JAVA=$JAVA_HOME/bin/java
        BLACKSKY_JAVA_HOME=$JAVA_HOME
        return 0
    fi

    _bj_path_note="no java on the PATH"
    if _bj_java=$(command -v java 2>/dev/null) && [ -n "$_bj_java" ]; then
        _bj_major=$(blacksky_java_major "$_bj_java")
        if [ "$_bj_major" -ge "$BLACKSKY_MIN_JAVA" ]; then
            BLACKSKY_JAVA=$_bj_java
            return 0
        fi
        _bj_path_note="java on the PATH ($_bj_java) is Java $_bj_major"
    fi

    _bj_best=
    _bj_best_major=0
    _bj_dirs=${BLACKSKY_JVM_DIRS:-"/usr/lib/jvm /usr/java /usr/local/java /opt/java /opt/jdk /usr/local/opt/openjdk /Library/Java/JavaVirtualMachines ${HOME:-/nonexistent}/.sdkman/candidates/java ${HOME:-/nonexistent}/.jdks"}
    for _bj_dir in $_bj_dirs; do
        [ -d "$_bj_dir" ] || continue
        for _bj_candidate in "$_bj_dir"/*; do
            for _bj_java in "$_bj_candidate/bin/java" "$_bj_candidate/Contents/Home/bin/java"; do
                [ -x "$_bj_java" ] || continue
                _bj_major=$(blacksky_java_major "$_bj_java")
                if [ "$_bj_major" -gt "$_bj_best_major" ]; then
                    _bj_best=$_bj_java
                    _bj_best_major=$_bj_major
                fi
            done
        done
    done
    if [ "$_bj_best_major" -ge "$BLACKSKY_MIN_JAVA" ]; then
        BLACKSKY_JAVA=$_bj_best
        BLACKSKY_JAVA_HOME=$(dirname "$(dirname "$_bj_best")")
        return 0
    fi
    echo "blacksky: no Java $BLACKSKY_MIN_JAVA or newer found: JAVA_HOME is unset, $_bj_path_note, and none" \
        "is installed under $_bj_dirs. Install a JDK $BLACKSKY_MIN_JAVA+ (for example" \
        "'apt-get install openjdk-21-jdk', or from https://adoptium.net) and set JAVA_HOME to it." >&2
    return 1
}
