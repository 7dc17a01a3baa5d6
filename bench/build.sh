# Sourced by the benchmark scripts: the repository as working directory, a JDK 21 or newer, and a
# fresh build unless MEMBERHUB_SKIP_BUILD=1 (then the jars under target/ are run as they are).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source ./scripts/find-jdk.sh
if [ "${MEMBERHUB_SKIP_BUILD:-}" != "1" ]; then
    echo "==> Building"
    ./mvnw -q -B -ntp -DskipTests package
fi
# The benchmarks and the launcher that starts PostgreSQL, Keycloak and the platform for them.
BENCH_CLASSPATH="$PWD/bench/target/memberhub-bench.jar:$PWD/launcher/target/memberhub-launcher.jar:$PWD/launcher/target/lib/*"
BENCH_JAVA=("$JAVA_HOME/bin/java" -Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider)
