# Sourced by ./memberhub and .ci/run: sets JAVA_HOME to a JDK 21 or newer.
# Keeps a JAVA_HOME that is already new enough; otherwise looks in the usual install places.
java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    export JAVA_HOME
else
    found=""
    for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
        if [ -x "$candidate/bin/javac" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
            found="$candidate"
        fi
    done
    if [ -z "$found" ] && command -v javac >/dev/null; then
        candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
        if [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
            found="$candidate"
        fi
    fi
    if [ -z "$found" ]; then
        echo "MemberHub needs a JDK 21 or newer (e.g. Temurin 21 or 25). Install one and set JAVA_HOME to it." >&2
        exit 1
    fi
    export JAVA_HOME="$found"
fi
export PATH="$JAVA_HOME/bin:$PATH"
