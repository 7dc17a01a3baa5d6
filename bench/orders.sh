#!/usr/bin/env bash
# Durable orders per second through the HTTP API, next to the same SQL run directly over JDBC,
# with the same concurrency, in one run. Options: ORDERS (default 3000), CONCURRENCY (default 8),
# ROUNDS (default 6; the ratio is the median of the later half of the rounds).
set -euo pipefail
cd "$(dirname "$0")/.."
source ./scripts/find-jdk.sh
if [ "${MEMBERHUB_SKIP_BUILD:-}" != "1" ]; then
    echo "==> Building"
    ./mvnw -q -B -ntp -DskipTests package
fi
exec "$JAVA_HOME/bin/java" -Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider \
    -cp "bench/target/memberhub-bench.jar:launcher/target/memberhub-launcher.jar:launcher/target/lib/*" \
    io.memberhub.bench.OrderThroughputBenchmark "$PWD" "${ORDERS:-3000}" "${CONCURRENCY:-8}" "${ROUNDS:-6}"
