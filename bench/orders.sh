#!/usr/bin/env bash
# Durable orders per second through the HTTP API, next to the same SQL run directly over JDBC,
# with the same concurrency, in one run. Options: ORDERS (default 3000), CONCURRENCY (default 8),
# ROUNDS (default 6; the ratio is the median of the later half of the rounds).
source "$(dirname "$0")/build.sh"
exec "${BENCH_JAVA[@]}" -cp "$BENCH_CLASSPATH" \
    io.memberhub.bench.OrderThroughputBenchmark "$PWD" "${ORDERS:-3000}" "${CONCURRENCY:-8}" "${ROUNDS:-6}"
