#!/usr/bin/env bash
# Query benchmark: ./bench/run-query.sh [--hosts N] [--runs R]   (--hosts 100000 ≈ 1,000,000 findings)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/mvnw" -q -B -f "$ROOT/pom.xml" -DskipTests -DskipITs -pl bench -am package >&2
exec java ${BENCH_JAVA_OPTS:-} -Xmx1g -cp "$ROOT/bench/target/classes:$ROOT/bench/target/lib/*" \
  dev.sightline.bench.QueryBenchmark "$@"
