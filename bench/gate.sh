#!/usr/bin/env bash
# Gate checks over HTTP against a bare endpoint of the same platform, in one run: throughput, p99 at
# half load, and the gate's offline verification of a member code. Options: REQUESTS (default 4000),
# CONCURRENCY (default 8), ROUNDS (default 4).
set -euo pipefail
cd "$(dirname "$0")/.."
source ./scripts/find-jdk.sh
if [ "${MEMBERHUB_SKIP_BUILD:-}" != "1" ]; then
    echo "==> Building"
    ./mvnw -q -B -ntp -DskipTests package
fi
repo="$PWD"
# The platform, PostgreSQL and Keycloak keep their files under target/ of the working directory: a fresh one.
cd "$(mktemp -d)"
exec "$JAVA_HOME/bin/java" -Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider \
    -Dmemberhub.repo="$repo" -Dmemberhub.market.package="$repo/plugins/gate-api/target/gate-api-1.0.0-market.zip" \
    -cp "$repo/bench/target/memberhub-bench.jar:$repo/plugins/gate-client/target/gate-client.jar:$repo/launcher/target/memberhub-launcher.jar:$repo/launcher/target/lib/*" \
    io.memberhub.bench.GateCheckBenchmark "${REQUESTS:-4000}" "${CONCURRENCY:-8}" "${ROUNDS:-4}"
