#!/usr/bin/env bash
# CPU time of `figure all --pdf off` (theory only) on the client compiler (the launcher's choice since issue 17)
# and with C2, alternating, and the figure's own per-figure wall lines ("# Fig. N computed and written in ..."); the
# files of both runs are compared byte for byte. Usage: bench/figure-all-cpu.sh [rounds]   (default 2)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
rounds="${1:-2}"
./iclscale --version >/dev/null # build and archive if needed
out="$(mktemp -d)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
for r in $(seq "$rounds"); do
  for jit in C1 C2; do
    opts="-XX:TieredStopAtLevel=1"
    [ "$jit" = C2 ] && opts="-XX:TieredStopAtLevel=4"
    rm -rf "$out/$jit"
    JAVA_OPTS="$opts" /usr/bin/time -f "round $r $jit: %e s wall, %U+%S CPU-s" \
      ./iclscale figure all --out "$out/$jit" --pdf off >"$out/$jit.stdout" 2>"$out/$jit.time"
    cat "$out/$jit.time"
    grep "computed and written in" "$out/$jit.stdout" | tr -s ' ' | tr '\n' ';' | sed 's/# //g'
    echo
  done
  diff -rq "$out/C1" "$out/C2" >/dev/null && echo "round $r: files identical" || echo "round $r: FILES DIFFER"
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at end"
rm -rf "$out"
