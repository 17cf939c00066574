#!/usr/bin/env bash
# Issue 17 goal 2: `sweep risk ... --gamma 0.5:5.4:lin:K` per point in each deterministic-equivalent regime against
# vectorised NumPy on one built solver (bench/numpy_deteq.py, OpenBLAS on 1 and 2 threads), side by side in one run.
#  1. org.iclscale.deteq.DeteqExport builds the three solvers (nu = 1.5, beta = 0.8, D = 400, L = 4) and writes their
#     arrays and Java's losses; numpy_deteq.py checks its losses against Java's (1e-12) and times K of them.
#  2. org.iclscale.bench.SweepCpuCheck: per point = (T(K2) - T(K1))/(K2 - K1) through Main.execute in one JVM
#     (process CPU, one worker thread, warm), beside the landscape's one-gamma loss.
#  3. whole commands through the launcher: (CPU(K2) - CPU(K1))/(K2 - K1), user + sys of /usr/bin/time, K1 = 50;
#     with BEFORE (a commit), side by side with that commit's build (bench/side-by-side.sh, alternating, medians).
# Usage: bench/sweep-vs-numpy.sh [K2 = 10000] [rounds = 3] [BEFORE]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
k2="${1:-10000}"
rounds="${2:-3}"
before="${3:-}"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
mvn -B -q -o -pl iclscale-core,iclscale-symbolic,iclscale-picocli,iclscale-cli test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >/dev/null
mods="iclscale-cli/target/test-classes:iclscale-cli/target/classes:iclscale-core/target/test-classes"
mods="$mods:iclscale-core/target/classes:iclscale-symbolic/target/classes:iclscale-picocli/target/classes"
cp="$mods:$(cat iclscale-cli/target/cp.txt)"
export_file="$(mktemp)"
java -cp "$cp" org.iclscale.deteq.DeteqExport "$export_file" 2000
for r in $(seq "$rounds"); do
  for t in 1 2; do OPENBLAS_NUM_THREADS=$t /usr/bin/python3 bench/numpy_deteq.py "$export_file" 5; done
  java -Xss16m -XX:+UseSerialGC -cp "$cp" org.iclscale.bench.SweepCpuCheck 5100 2
done
rm -f "$export_file"
./iclscale --version >/dev/null
common="--setting rrs --nu 1.5 --beta 0.8 --dim 400 --depth 4"
if [ -n "$before" ]; then
  # per point on both sides from the medians of bench/side-by-side.sh (the launcher's java line on both)
  cmds=()
  for opts in "--width 100" "--alpha 0.5" "--width 100 --alpha 0.5"; do
    cmds+=("sweep risk $common $opts --gamma 0.5:5.4:lin:50" "sweep risk $common $opts --gamma 0.5:5.4:lin:$k2")
  done
  bench/side-by-side.sh "$before" "$rounds" "${cmds[@]}" | tee /dev/stderr | /usr/bin/python3 -c "
import re, sys
rows = [l for l in sys.stdin if ' before ' in l]
names = ['one-point density', 'structured Wishart', 'two-point contour']
for i in range(0, len(rows) - 1, 2):
    a = [float(x) for x in re.findall(r'([0-9.]+) CPU-s', rows[i])]
    b = [float(x) for x in re.findall(r'([0-9.]+) CPU-s', rows[i + 1])]
    print(f'side by side {names[i // 2]}: per point before {(b[0] - a[0]) / ($k2 - 50) * 1e6:.0f} us, '
          f'after {(b[1] - a[1]) / ($k2 - 50) * 1e6:.0f} us')
"
fi
for regime in "one-point density|--width 100" "structured Wishart|--alpha 0.5" "two-point contour|--width 100 --alpha 0.5"; do
  name="${regime%%|*}"
  opts="${regime#*|}"
  for r in $(seq "$rounds"); do
    # shellcheck disable=SC2086
    a=$( { /usr/bin/time -f "%U %S" ./iclscale sweep risk $common $opts --gamma 0.5:5.4:lin:50 >/dev/null; } 2>&1 | tail -1)
    # shellcheck disable=SC2086
    b=$( { /usr/bin/time -f "%U %S" ./iclscale sweep risk $common $opts --gamma "0.5:5.4:lin:$k2" >/dev/null; } 2>&1 | tail -1)
    /usr/bin/python3 -c "import sys; a=sum(map(float,'$a'.split())); b=sum(map(float,'$b'.split())); \
print(f'launcher $name: K = 50 {a:.2f} CPU-s, K = $k2 {b:.2f} CPU-s, {(b - a) / ($k2 - 50) * 1e6:.0f} us per point')"
  done
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at end"
