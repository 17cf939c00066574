#!/usr/bin/env bash
# `figure all` on an earlier commit and on the current tree, alternating, each side with its own launcher (its own
# build, class-data archive and JIT choice), with --pdf off and with the default --pdf auto (the matplotlib PDFs in
# one python process); medians of wall and CPU seconds (user + sys of the whole process tree, /usr/bin/time), then
# the files of the last round compared: identical files counted, differing CSVs with their largest relative
# difference per file (numeric cells). REV is built in a scratch clone under /tmp (not in any worktree).
# Usage: bench/figure-all-side-by-side.sh REV [ROUNDS] [MODES]   e.g. bench/figure-all-side-by-side.sh 6f3856d 3 'off auto'
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rev="$1"
rounds="${2:-3}"
modes="${3:-off auto}"
before="/tmp/iclscale-figure-bench-$rev"
if [ ! -x "$before/iclscale" ]; then
  rm -rf "$before"
  git -C "$here" worktree list >/dev/null # a repository
  git clone -q --no-checkout "$here" "$before"
  git -C "$before" checkout -q "$rev"
fi
"$before/iclscale" --version >/dev/null 2>&1 # build and archive if needed
"$here/iclscale" --version >/dev/null 2>&1
out="$(mktemp -d)"
log="$out/times"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; before = $rev, after = $(git -C "$here" rev-parse --short HEAD)$(git -C "$here" diff --quiet || echo '+changes')"
for r in $(seq "$rounds"); do
  for mode in $modes; do
    for side in before after; do
      dir="$before"
      [ "$side" = after ] && dir="$here"
      rm -rf "$out/$side-$mode"
      { /usr/bin/time -f "$side $mode %e %U %S" "$dir/iclscale" figure all --out "$out/$side-$mode" --pdf "$mode" \
          >"$out/$side-$mode.stdout"; } 2>>"$log"
    done
  done
  echo "round $r done, load average $(cut -d' ' -f1-3 /proc/loadavg)"
done
/usr/bin/python3 - "$log" "$out" "$modes" <<'PY'
import sys, os, csv, filecmp, statistics as st
log, out, modes = sys.argv[1], sys.argv[2], sys.argv[3].split()
rows = [l.split() for l in open(log) if l.startswith(("before ", "after "))]
for mode in modes:
    res = {}
    for side in ("before", "after"):
        wall = [float(r[2]) for r in rows if r[0] == side and r[1] == mode]
        cpu = [float(r[3]) + float(r[4]) for r in rows if r[0] == side and r[1] == mode]
        res[side] = (st.median(wall), st.median(cpu), min(cpu), max(cpu), len(cpu))
    b, a = res["before"], res["after"]
    print(f"--pdf {mode}: before {b[0]:.2f} s wall / {b[1]:.2f} CPU-s (range {b[2]:.2f}-{b[3]:.2f}); "
          f"after {a[0]:.2f} s wall / {a[1]:.2f} CPU-s (range {a[2]:.2f}-{a[3]:.2f}); CPU ratio {b[1] / a[1]:.2f}x "
          f"(medians of {a[4]})")
    db, da = os.path.join(out, "before-" + mode), os.path.join(out, "after-" + mode)
    names = sorted(set(os.listdir(db)) | set(os.listdir(da)))
    same = [n for n in names if os.path.exists(os.path.join(db, n)) and os.path.exists(os.path.join(da, n))
            and filecmp.cmp(os.path.join(db, n), os.path.join(da, n), shallow=False)]
    print(f"  files: {len(names)}, byte-identical: {len(same)}")
    for n in names:
        if n in same:
            continue
        pb, pa = os.path.join(db, n), os.path.join(da, n)
        if not (os.path.exists(pb) and os.path.exists(pa)):
            print(f"  {n}: only on one side")
            continue
        if not n.endswith(".csv"):
            print(f"  {n}: differs")
            continue
        rb, ra = list(csv.reader(open(pb))), list(csv.reader(open(pa)))
        worst, text = 0.0, len(rb) != len(ra)
        for xb, xa in zip(rb, ra):
            text |= len(xb) != len(xa)
            for u, v in zip(xb, xa):
                if u == v:
                    continue
                try:
                    fu, fv = float(u), float(v)
                    worst = max(worst, abs(fu - fv) / max(abs(fu), 1e-300))
                except ValueError:
                    text = True
        print(f"  {n}: largest relative difference {worst:.1e}" + (" AND TEXT/SHAPE DIFFERS" if text else ""))
PY
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at end"
rm -rf "$out"
