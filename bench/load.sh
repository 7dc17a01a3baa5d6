#!/usr/bin/env bash
# A sustained mixed load (orders, member reads, gate checks, staff logins) for a fixed time against
# the real run stack, reporting throughput, p50/p99 and errors per kind and overall; exits 1 on any
# error. Options: SECONDS_OF_LOAD (default 60), CONCURRENCY (default 8), MEMBERS (default 100),
# WARMUP_SECONDS (default 10).
source "$(dirname "$0")/build.sh"
repo="$PWD"
# The platform, PostgreSQL and Keycloak keep their files under target/ of the working directory: a fresh one.
cd "$(mktemp -d)"
exec "${BENCH_JAVA[@]}" -Dmemberhub.repo="$repo" -Dmemberhub.market.package="$repo/plugins/gate-api/target/gate-api-1.0.0-market.zip" \
    -cp "$BENCH_CLASSPATH" \
    io.memberhub.bench.LoadBenchmark "${SECONDS_OF_LOAD:-60}" "${CONCURRENCY:-8}" "${MEMBERS:-100}" "${WARMUP_SECONDS:-10}"
