#!/usr/bin/env bash
# JMH benchmark of the 10^4-point ISO optimum sweep (in one JVM, all cores and one thread).
set -euo pipefail
cd "$(dirname "$0")/../.."
./iclscale --version >/dev/null            # builds target/lib
mvn -B -q -o test-compile
java -cp "target/classes:target/test-classes:$(ls target/lib/*.jar | tr '\n' ':')" org.iclscale.bench.SweepBenchmark
