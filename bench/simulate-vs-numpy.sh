#!/usr/bin/env bash
# `simulate`'s Monte Carlo, Java against NumPy in its best configuration, side by side (issue 17 item 7): for each
# size (the README's simulate examples and D = 64-256, N < D, finite and infinite P), alternating rounds of
# org.iclscale.bench.SimulateBenchmark (common fork-join pool, 2 cores) and bench/numpy_simulate.py under both
# NumPy builds on the machine (pyenv `python3`: NumPy 2.x with scipy-openblas; Debian `/usr/bin/python3`: NumPy
# 1.24 with Debian's OpenBLAS) with OPENBLAS_NUM_THREADS = 1 and 2. Each line gives wall and process CPU seconds of
# the Monte Carlo alone (Java: first, cold run and best of the warm ones; NumPy: best of 3) and the mean loss with
# its standard error; the summary checks that Java's mean agrees with NumPy's within 4 combined standard errors
# and prints Java's time against the best NumPy configuration's. Usage: bench/simulate-vs-numpy.sh [rounds] [log]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
rounds="${1:-2}"
log="${2:-target/simulate-vs-numpy.log}"
mkdir -p "$(dirname "$log")"
mvn -B -q -o -pl iclscale-cli -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
  -Dmdep.includeScope=test >/dev/null
cli="$here/iclscale-cli/target"
cp="$cli/test-classes:$cli/classes:$(cat "$cli/cp.txt")"
pythons=()
for py in python3 /usr/bin/python3; do
  if "$py" -c 'import numpy' 2>/dev/null; then pythons+=("$py"); fi
done
# setting nu beta D N alpha L gamma sigma trials
sizes=(
  "iso 0 0 200 inf 1 4 2 0 2000"
  "fs 1.5 0.8 128 inf 1 4 2 0 1000"
  "rrs 1.25 0.75 200 50 1 2 3 0 400"
  "rrs 1.25 0.75 64 16 2 4 3 0.5 2000"
  "rrs 1.25 0.75 256 128 1 2 3 0 400"
  "rrs 1.25 0.75 256 64 inf 4 24 0 1000"
)
{
  echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
  for r in $(seq "$rounds"); do
    for s in "${sizes[@]}"; do
      read -r set nu beta d n a l g sig t <<<"$s"
      echo "size: $s"
      java -XX:+UseSerialGC -cp "$cp" org.iclscale.bench.SimulateBenchmark "$set" "$nu" "$beta" "$d" "$n" "$a" "$l" "$g" \
        "$sig" "$t"
      for py in "${pythons[@]}"; do
        for threads in 1 2; do
          echo -n "OPENBLAS_NUM_THREADS=$threads $py: "
          env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=$threads OMP_NUM_THREADS=$threads \
            "$py" bench/numpy_simulate.py --setting "$set" --nu "$nu" --beta "$beta" --dim "$d" --width "$n" \
            --alpha "$a" --depth "$l" --gamma "$g" --sigma "$sig" --trials "$t" --repeats 3
        done
      done
    done
    echo "load average $(cut -d' ' -f1-3 /proc/loadavg) after round $r"
  done
} | tee "$log"
/usr/bin/python3 - "$log" <<'PY'
import re, sys, math, collections
rows = collections.OrderedDict()
size = None
for line in open(sys.argv[1]):
    if line.startswith("size: "):
        size = line[6:].strip(); rows.setdefault(size, {"java": [], "numpy": collections.defaultdict(list)}); continue
    m = re.search(r"loss ([\d.]+) se ([\d.]+)", line)
    if not m or size is None:
        continue
    loss, se = float(m.group(1)), float(m.group(2))
    if line.startswith("java"):
        b = re.search(r"best wall ([\d.]+) s best cpu ([\d.]+)", line)
        f = re.search(r"first wall ([\d.]+) s cpu ([\d.]+)", line)
        rows[size]["java"].append((loss, se, float(f.group(1)), float(f.group(2)), float(b.group(1)), float(b.group(2))))
    else:
        cfg = line.split(":")[0] + " " + line.split()[2]
        b = re.search(r"best wall ([\d.]+) s best cpu ([\d.]+)", line)
        rows[size]["numpy"][cfg].append((loss, se, float(b.group(1)), float(b.group(2))))
med = lambda v: sorted(v)[len(v) // 2]
print("\nsummary (medians over rounds; ratio = best NumPy configuration's wall / Java's warm wall, > 1: Java faster)")
for size, r in rows.items():
    j = r["java"]
    jl, jse = j[0][0], j[0][1]
    jw, jc, jfw = med([x[4] for x in j]), med([x[5] for x in j]), med([x[2] for x in j])
    best = min(r["numpy"].items(), key=lambda kv: med([x[2] for x in kv[1]]))
    nw, nc = med([x[2] for x in best[1]]), med([x[3] for x in best[1]])
    nl, nse = best[1][0][0], best[1][0][1]
    z = (jl - nl) / math.hypot(jse, nse)
    print(f"{size}: java warm {jw:.3f} s wall / {jc:.3f} CPU-s (cold {jfw:.3f} s); best numpy [{best[0]}] "
          f"{nw:.3f} s wall / {nc:.3f} CPU-s; ratio {nw / jw:.2f}x wall, {nc / jc:.2f}x CPU; "
          f"loss java {jl:.5f} +- {jse:.5f} numpy {nl:.5f} +- {nse:.5f} ({z:+.1f} se){'' if abs(z) < 4 else '  DISAGREE'}")
PY
