#!/usr/bin/env bash
# Issue 17 kernels before/after in CPU time (org.iclscale.bench.KernelCpuCheck: ISO loss kernel vs the former
# route, continuum and density sums vs the former loops; DeepIsoCheck: the ISO loss at L = 2^31 - 1), then the
# built-solver cache against a solver per sweep point (SolverCacheCpuCheck, issue 17 item 3), then the
# batched NumPy alternative of the ISO loss (bench/numpy_iso.py, one thread). Prints the load at start and end.
# Usage: bench/kernels.sh [--former]   (--former adds DeepIsoCheck's ~10 s single shots of the former route)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mvn -B -q -o -pl iclscale-cli -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
  -Dmdep.includeScope=test >/dev/null
cli="$here/iclscale-cli/target"
cp="$cli/test-classes:$cli/classes:$(cat "$cli/cp.txt")"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
java -XX:+UseSerialGC -cp "$cp" org.iclscale.bench.KernelCpuCheck
java -XX:+UseSerialGC -cp "$cp" org.iclscale.bench.DeepIsoCheck "$@"
java -XX:+UseSerialGC -cp "$cp" org.iclscale.bench.SolverCacheCpuCheck
if command -v python3 >/dev/null && python3 -c 'import numpy' 2>/dev/null; then
  OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 python3 bench/numpy_iso.py
fi
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at end"
