#!/usr/bin/env bash
# The JVM timeline of a cold `simulate` (issue 17 goal 5): per run the JVM uptime at which the Monte Carlo starts
# (org.iclscale.simulate.Seeds loaded: the first trial's generator) and ends (org.iclscale.model.SimulationResult
# loaded), the uptime at which the theory thread is done (org.iclscale.theory.LossEvaluation loaded on it), the wall and
# CPU seconds (user + sys) of the whole command, from -Xlog:class+load (uptime decorations; the log adds ~1 %).
# Configurations alternate in each round, so a loaded machine slows them alike. A configuration is a launcher path
# and JAVA_OPTS separated by '|' (e.g. "./iclscale|" and "/path/to/main/iclscale|-XX:+UseParallelGC").
# Usage: bench/simulate-timeline.sh ROUNDS 'CMD ARGS' 'LAUNCHER|JAVA_OPTS' ['LAUNCHER|JAVA_OPTS' ...]
set -euo pipefail
rounds="$1"
cmd="$2"
shift 2
log="$(mktemp)"
tmp="$(mktemp)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
for r in $(seq "$rounds"); do
  i=0
  for c in "$@"; do
    i=$((i + 1))
    launcher="${c%%|*}"
    opts="${c#*|}"
    # shellcheck disable=SC2086
    t="$( { JAVA_OPTS="$opts -Xlog:class+load:file=$tmp:uptime" /usr/bin/time -f "%e %U %S" "$launcher" $cmd >/dev/null; } 2>&1 | tail -1)"
    start="$(grep -m1 'org.iclscale.simulate.Seeds ' "$tmp" | sed 's/^\[\([0-9.]*\)s\].*/\1/' || true)"
    end="$(grep -m1 'org.iclscale.model.SimulationResult ' "$tmp" | sed 's/^\[\([0-9.]*\)s\].*/\1/' || true)"
    theory="$(grep -m1 'org.iclscale.theory.LossEvaluation ' "$tmp" | sed 's/^\[\([0-9.]*\)s\].*/\1/' || true)"
    echo "$i $t ${start:-nan} ${end:-nan} ${theory:-nan}" >>"$log"
  done
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at end"
python3 - "$log" "$@" <<'PY'
import sys, statistics as st
rows = [l.split() for l in open(sys.argv[1])]
for i, conf in enumerate(sys.argv[2:], 1):
    v = [list(map(float, r[1:])) for r in rows if r[0] == str(i)]
    col = lambda j: [x[j] for x in v]
    med = lambda j: f"{st.median(col(j)):.3f} ({min(col(j)):.3f}-{max(col(j)):.3f})"
    cpu = [x[1] + x[2] for x in v]
    mc = [x[4] - x[3] for x in v]
    print(f"[{i}] {conf}: wall {med(0)}, CPU {st.median(cpu):.2f} ({min(cpu):.2f}-{max(cpu):.2f}), "
          f"MC start {med(3)}, end {med(4)}, MC {st.median(mc):.3f}, theory done {med(5)}; n = {len(v)}")
for i in range(2, len(sys.argv) - 1):
    pairs = [(float(a[1]), float(b[1])) for a, b in zip([r for r in rows if r[0] == '1'], [r for r in rows if r[0] == str(i)])]
    q = [b / a for a, b in pairs]
    print(f"paired wall [{i}] / [1]: median {st.median(q):.2f} ({min(q):.2f}-{max(q):.2f})")
PY
rm -f "$log" "$tmp"
