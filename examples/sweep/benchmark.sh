#!/usr/bin/env bash
# JMH benchmark of the 10^4-point ISO optimum sweep (in one JVM, all cores and one thread).
set -euo pipefail
cd "$(dirname "$0")/../.."
./iclscale --version >/dev/null            # builds iclscale-cli/target/lib
mvn -B -q -o -pl iclscale-cli -am test-compile
cli=iclscale-cli/target
java -cp "$cli/test-classes:$(ls $cli/lib/*.jar | tr '\n' ':')" org.iclscale.bench.SweepBenchmark
