#!/usr/bin/env bash
# A night's bulk recomputation (one rule tag, every member's level) through the platform's API next
# to hand-written set-based SQL doing the same, in one run, then order throughput with and without a
# recomputation beside it. Options: MEMBERS (default 1000000), CONCURRENCY (default 8, order clients),
# LOAD_SECONDS (default 60, each order phase at most), REVIEW_TIMEOUT_MINUTES (default 120),
# FROM_SCRATCH=1 (also measure the case where every member changes: nobody has a level or tag yet).
source "$(dirname "$0")/build.sh"
exec "${BENCH_JAVA[@]}" -cp "$BENCH_CLASSPATH" \
    io.memberhub.bench.RecomputeBenchmark "$PWD" "${MEMBERS:-1000000}" "${CONCURRENCY:-8}" "${LOAD_SECONDS:-60}" \
    "${REVIEW_TIMEOUT_MINUTES:-120}" "${FROM_SCRATCH:-0}"
