#!/usr/bin/env bash
# JMH benchmarks of ICLScale (iclscale-cli/src/test/java/org/iclscale/bench: the module that sees every other
# module). Usage:
#   bench/run-jmh.sh                      # all benchmarks
#   bench/run-jmh.sh IsoLossBenchmark     # a regex of benchmark names, then any JMH options, e.g. -f 1 -wi 2
# How it works: the JMH annotation processor is configured in iclscale-cli/pom.xml (maven-compiler-plugin
# annotationProcessorPaths), so 'mvn test-compile' writes the generated benchmark classes and
# META-INF/BenchmarkList into iclscale-cli/target/test-classes; the module's test classpath (the sibling modules'
# classes included) is written to iclscale-cli/target/cp.txt by the dependency plugin; then org.openjdk.jmh.Main runs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mvn -B -q -o -pl iclscale-cli -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
  -Dmdep.includeScope=test >/dev/null
cli="$here/iclscale-cli/target"
# -Djmh.ignoreLock: several people share this machine and JMH allows one run per /tmp/jmh.lock
exec java -Djmh.ignoreLock=true -cp "$cli/test-classes:$cli/classes:$(cat "$cli/cp.txt")" org.openjdk.jmh.Main "$@"
