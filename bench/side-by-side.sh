#!/usr/bin/env bash
# Whole commands on an earlier commit's build and on the current build, alternating, each through its own launcher
# (./iclscale of that tree: its serial GC, AppCDS archive and JIT rules); prints the median wall and CPU seconds
# (user + sys, /usr/bin/time) of each side. The first run of each side writes its archive and is discarded.
# Usage: bench/side-by-side.sh REV ROUNDS 'VERB ARGS...' ['VERB ARGS...' ...]
#   e.g. bench/side-by-side.sh 1ced86c 5 'risk --alpha 1 --depth 16 --gamma 8 --sigma 0.5' \
#        "check '2*lambda*omega/(1+4*lambda^3*omega*t)' --against fsModeLoss"
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rev="$1"
rounds="$2"
shift 2
cd "$here"
./iclscale --version >/dev/null # build the current tree and its archive if needed
before="$here/target/side-by-side-$rev"
if [ ! -f "$before/app/iclscale.jar" ]; then
  echo "building $rev into $before ..." >&2
  rm -rf "$before"
  mkdir -p "$before/src"
  git archive "$rev" | tar -x -C "$before/src"
  (cd "$before/src" && mvn -B -q -o -DskipTests package >"$before.log" 2>&1) \
    || { echo "build of $rev failed: see $before.log" >&2; exit 1; }
  mkdir -p "$before/app"
  cp -r "$before/src/iclscale-cli/target/iclscale.jar" "$before/src/iclscale-cli/target/lib" "$before/app/"
fi
# the earlier build runs through its own launcher (its JIT rules, its archive, its java line): until the eighth pass
# this function copied the launcher's java line with a verb list of its own, which ran `sweep` with C2 where every
# launcher since the fifth pass uses C1 (so "before" sweep numbers of the sixth and seventh passes were C2's)
launcher_before="$before/src/iclscale"
# the build above is the launcher's own (mvn package of that tree): its stamp tells the launcher not to build again
[ -f "$before/src/iclscale-cli/target/.iclscale-built" ] || touch "$before/src/iclscale-cli/target/.iclscale-built"
run_before() {
  "$launcher_before" "$@"
}
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
for c in "$@"; do
  # each command is one string in shell syntax: quotes and parentheses in it are parsed as a shell would
  eval "set -- $c"
  run_before "$@" >/dev/null 2>&1 || true
  ./iclscale "$@" >/dev/null 2>&1 || true
  log="$(mktemp)"
  for _ in $(seq "$rounds"); do
    { /usr/bin/time -f "before %e %U %S" "$launcher_before" "$@" >/dev/null; } 2>>"$log"
    { /usr/bin/time -f "after %e %U %S" ./iclscale "$@" >/dev/null; } 2>>"$log"
  done
  python3 - "$log" "$c" <<'PY'
import sys, statistics as st
rows = [l.split() for l in open(sys.argv[1]) if l.startswith(("before ", "after "))]
out = []
for side in ("before", "after"):
    wall = [float(r[1]) for r in rows if r[0] == side]
    cpu = [float(r[2]) + float(r[3]) for r in rows if r[0] == side]
    out.append(f"{side} {st.median(wall):.2f} s wall / {st.median(cpu):.2f} CPU-s")
print(f"{sys.argv[2]}: " + "; ".join(out) + f" (medians of {len(rows) // 2})")
PY
  rm -f "$log"
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at end"
