#!/usr/bin/env bash
# JMH benchmarks of ICLScale (src/test/java/org/iclscale/bench). Usage:
#   bench/run-jmh.sh                      # all benchmarks
#   bench/run-jmh.sh IsoLossBenchmark     # a regex of benchmark names, then any JMH options, e.g. -f 1 -wi 2
# How it works: the JMH annotation processor is configured in pom.xml (maven-compiler-plugin
# annotationProcessorPaths), so 'mvn test-compile' writes the generated benchmark classes and
# META-INF/BenchmarkList into target/test-classes; the test classpath is written to target/cp.txt by the
# dependency plugin; then org.openjdk.jmh.Main runs from that classpath. Equivalent by hand:
#   mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
#   java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main IsoLossBenchmark
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >/dev/null
# -Djmh.ignoreLock: several people share this machine and JMH allows one run per /tmp/jmh.lock
exec java -Djmh.ignoreLock=true -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.openjdk.jmh.Main "$@"
