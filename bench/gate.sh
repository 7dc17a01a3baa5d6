#!/usr/bin/env bash
# Gate checks over HTTP against a bare endpoint of the same platform, in one run: throughput, p99 at
# half load, and the gate's offline verification of a member code. Options: REQUESTS (default 4000),
# CONCURRENCY (default 8), ROUNDS (default 4).
source "$(dirname "$0")/build.sh"
repo="$PWD"
# The platform, PostgreSQL and Keycloak keep their files under target/ of the working directory: a fresh one.
cd "$(mktemp -d)"
exec "${BENCH_JAVA[@]}" -Dmemberhub.repo="$repo" -Dmemberhub.market.package="$repo/plugins/gate-api/target/gate-api-1.0.0-market.zip" \
    -cp "$BENCH_CLASSPATH:$repo/plugins/gate-client/target/gate-client.jar" \
    io.memberhub.bench.GateCheckBenchmark "${REQUESTS:-4000}" "${CONCURRENCY:-8}" "${ROUNDS:-4}"
