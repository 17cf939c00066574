#!/usr/bin/env bash
# One command with and without extra JVM options (JAVA_OPTS through the launcher), alternating, on the current
# build: medians (ranges) of wall and CPU seconds (user + sys, /usr/bin/time). Usage:
#   bench/jit-flags-paired.sh ROUNDS 'OPTIONS' 'VERB ARGS...' ['VERB ARGS...' ...]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
rounds="$1"
opts="$2"
shift 2
./iclscale --version >/dev/null
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; options: $opts"
for c in "$@"; do
  log="$(mktemp)"
  for _ in $(seq "$rounds"); do
    # shellcheck disable=SC2086
    { JAVA_OPTS="" /usr/bin/time -f "without %e %U %S" ./iclscale $c >/dev/null; } 2>>"$log"
    # shellcheck disable=SC2086
    { JAVA_OPTS="$opts" /usr/bin/time -f "with %e %U %S" ./iclscale $c >/dev/null; } 2>>"$log"
  done
  python3 - "$log" "$c" <<'PY'
import sys, statistics as st
rows = [l.split() for l in open(sys.argv[1]) if l.startswith(("with ", "without "))]
out = []
for side in ("without", "with"):
    w = [float(r[1]) for r in rows if r[0] == side]
    c = [float(r[2]) + float(r[3]) for r in rows if r[0] == side]
    out.append(f"{side} {st.median(w):.2f} s wall / {st.median(c):.2f} CPU-s ({min(c):.2f}-{max(c):.2f})")
print(f"{sys.argv[2]}: " + "; ".join(out) + f" (medians of {len(rows) // 2})")
PY
  rm -f "$log"
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at end"
