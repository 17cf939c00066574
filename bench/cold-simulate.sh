#!/usr/bin/env bash
# A cold `simulate` whole command against bench/numpy_simulate.py whole (interpreter start, import and the Monte
# Carlo; --repeats 1), alternating rounds, CPU = user + sys of the process tree (/usr/bin/time), the README's
# simulate examples (iso, rrs) and the FS size of bench/simulate-vs-numpy.sh. NumPy under both builds of the
# machine with OPENBLAS_NUM_THREADS = 1 and 2; NumPy prints no theory, so Java is also run on the same model
# with the theory column (the real command). Medians and ranges per configuration.
# With REV, each round also runs REV's build (bench/side-by-side.sh's, under target/side-by-side-REV, the
# launcher's java line) right before this tree's, and the summary adds paired ratios per round: best NumPy wall
# (of the four NumPy runs of that round) / Java wall (above 1: Java faster), and REV wall / this tree's wall.
# Usage: bench/cold-simulate.sh [rounds] [launcher] [REV]   (launcher: default ./iclscale of this tree)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
rounds="${1:-3}"
launcher="${2:-$here/iclscale}"
rev="${3:-}"
"$launcher" --version >/dev/null
run_rev() { :; }
if [ -n "$rev" ]; then
  app="$here/target/side-by-side-$rev/app"
  [ -f "$app/iclscale.jar" ] || bench/side-by-side.sh "$rev" 1 '--version' >/dev/null
  if [ ! -s "$app/iclscale.jsa" ]; then
    java -XX:+UseSerialGC -Xss16m -XX:ArchiveClassesAtExit="$app/iclscale.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
      -cp "$app/iclscale.jar:$app/lib/*" org.iclscale.cli.ArchiveTraining >/dev/null 2>&1 || true
  fi
  run_rev() {
    # shellcheck disable=SC2086
    { /usr/bin/time -f "$1 java-$rev %e %U %S $r" java -XX:+UseSerialGC -Xss16m -XX:SharedArchiveFile="$app/iclscale.jsa" \
        -Xlog:cds=off -Xlog:cds+dynamic=off -Diclscale.cache="$app/cache" -cp "$app/iclscale.jar:$app/lib/*" \
        org.iclscale.cli.Main $2 >/dev/null; } 2>>"$log"
  }
fi
pythons=()
for py in python3 /usr/bin/python3; do
  if "$py" -c 'import numpy' 2>/dev/null; then pythons+=("$py"); fi
done
# name | java args | numpy args
examples=(
  "iso|simulate --alpha 1 --depth 4 --gamma 2 --dim 200 --trials 2000 --seed 7|--setting iso --dim 200 --alpha 1 --depth 4 --gamma 2 --trials 2000 --seed 7"
  "rrs|simulate --setting rrs --nu 1.25 --beta 0.75 --dim 200 --width 50 --alpha 1 --depth 2 --gamma 3 --trials 400|--setting rrs --nu 1.25 --beta 0.75 --dim 200 --width 50 --alpha 1 --depth 2 --gamma 3 --trials 400"
  "fs|simulate --setting fs --nu 1.5 --beta 0.8 --dim 128 --alpha 1 --depth 4 --gamma 2 --trials 1000|--setting fs --nu 1.5 --beta 0.8 --dim 128 --alpha 1 --depth 4 --gamma 2 --trials 1000"
)
log="$(mktemp)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
for r in $(seq "$rounds"); do
  for e in "${examples[@]}"; do
    IFS='|' read -r name jargs nargs <<<"$e"
    run_rev "$name" "$jargs"
    # shellcheck disable=SC2086
    { /usr/bin/time -f "$name java %e %U %S $r" "$launcher" $jargs >/dev/null; } 2>>"$log"
    for py in "${pythons[@]}"; do
      for threads in 1 2; do
        # shellcheck disable=SC2086
        { env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=$threads OMP_NUM_THREADS=$threads \
            /usr/bin/time -f "$name numpy-$("$py" -c 'import numpy; print(numpy.__version__)')-t$threads %e %U %S $r" \
            "$py" bench/numpy_simulate.py $nargs --repeats 1 >/dev/null; } 2>>"$log"
      done
    done
  done
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at end"
python3 - "$log" <<'PY'
import sys, collections, statistics as st
rows = collections.OrderedDict()
by_round = collections.defaultdict(dict)  # (name, round) -> who -> wall
for line in open(sys.argv[1]):
    f = line.split()
    if len(f) != 6:
        continue
    rows.setdefault((f[0], f[1]), []).append((float(f[2]), float(f[3]) + float(f[4])))
    by_round[(f[0], f[5])][f[1]] = float(f[2])
for (name, who), v in rows.items():
    w = [x[0] for x in v]; c = [x[1] for x in v]
    print(f"{name:4s} {who:20s} wall {st.median(w):.2f} s ({min(w):.2f}-{max(w):.2f}), "
          f"CPU {st.median(c):.2f} s ({min(c):.2f}-{max(c):.2f}), n = {len(v)}")
ratios = collections.OrderedDict()
for (name, _), walls in by_round.items():
    numpy = [w for who, w in walls.items() if who.startswith("numpy")]
    javas = {who: w for who, w in walls.items() if who.startswith("java")}
    for who, w in javas.items():
        if numpy:
            ratios.setdefault((name, f"best NumPy wall / {who} wall"), []).append(min(numpy) / w)
        if who != "java" and "java" in javas:
            ratios.setdefault((name, f"{who} wall / java wall"), []).append(w / javas["java"])
for (name, what), v in ratios.items():
    print(f"{name:4s} paired {what}: median {st.median(v):.2f} ({min(v):.2f}-{max(v):.2f}), n = {len(v)}")
PY
rm -f "$log"
