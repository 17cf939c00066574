#!/usr/bin/env bash
# CPU time of the matplotlib side of `figure all` alone: the 22 generated scripts of one `figure all --pdf off` run
# in one /usr/bin/python3 process, alternating the former inline loop (runpy only; OPENBLAS_NUM_THREADS unset and =1)
# and the current runner (src/main/resources/org/iclscale/plot/matplotlib_runner.py, OPENBLAS_NUM_THREADS=1, as
# ChartFiles runs it); each side in its own copy of the folder. Then the PNGs of both sides are compared pixel by
# pixel (PIL) and byte by byte and, when poppler-utils is installed, the PDFs rasterised at 150 dpi (pdftoppm) and their fonts checked
# (pdffonts: every font embedded). Usage: bench/matplotlib-runner.sh [rounds]   (default 3)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-3}"
runner="$here/iclscale-cli/src/main/resources/org/iclscale/plot/matplotlib_runner.py"
t="$(mktemp -d)"
trap 'rm -rf "$t"' EXIT
"$here/iclscale" figure all --out "$t/src" --pdf off >/dev/null
cp -r "$t/src" "$t/old"; cp -r "$t/src" "$t/new"
cat >"$t/old.py" <<'PY'
import runpy, sys
for p in sys.argv[1:]:
    try:
        runpy.run_path(p, run_name='__main__')
    except SystemExit as e:
        if e.code not in (None, 0):
            raise
PY
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
for r in $(seq "$rounds"); do
  { MPLBACKEND=Agg /usr/bin/time -f "round $r former loop: %e s wall, %U+%S CPU-s" /usr/bin/python3 "$t/old.py" "$t/old"/*.py >/dev/null; } 2>&1 | grep round
  { OPENBLAS_NUM_THREADS=1 MPLBACKEND=Agg /usr/bin/time -f "round $r former loop, OPENBLAS_NUM_THREADS=1: %e s wall, %U+%S CPU-s" /usr/bin/python3 "$t/old.py" "$t/old"/*.py >/dev/null; } 2>&1 | grep round
  { OPENBLAS_NUM_THREADS=1 MPLBACKEND=Agg /usr/bin/time -f "round $r runner, OPENBLAS_NUM_THREADS=1: %e s wall, %U+%S CPU-s" /usr/bin/python3 "$runner" "$t/new"/*.py >/dev/null; } 2>&1 | grep round
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at end"
/usr/bin/python3 - "$t/old" "$t/new" <<'PY'
import os, sys
from PIL import Image, ImageChops
a, b = sys.argv[1], sys.argv[2]
names = sorted(n for n in os.listdir(a) if n.endswith(".png"))
bad = [n for n in names if ImageChops.difference(Image.open(os.path.join(a, n)).convert("RGBA"),
                                                  Image.open(os.path.join(b, n)).convert("RGBA")).getbbox() is not None]
same = [n for n in names if open(os.path.join(a, n), "rb").read() == open(os.path.join(b, n), "rb").read()]
print(f"PNGs: {len(names)}, pixel-identical: {len(names) - len(bad)}, byte-identical: {len(same)}", *bad)
PY
if command -v pdftoppm >/dev/null && command -v pdffonts >/dev/null; then
  mkdir -p "$t/ra" "$t/rb"
  for f in "$t/old"/*.pdf; do
    n="$(basename "$f" .pdf)"
    pdftoppm -r 150 -png "$f" "$t/ra/$n"; pdftoppm -r 150 -png "$t/new/$n.pdf" "$t/rb/$n"
    pdffonts "$t/new/$n.pdf" | awk -v n="$n" 'NR > 2 && $(NF-4) != "yes" {print n ": font " $1 " not embedded"}'
  done
  /usr/bin/python3 - "$t/ra" "$t/rb" <<'PY'
import os, sys
from PIL import Image, ImageChops
a, b = sys.argv[1], sys.argv[2]
names = sorted(os.listdir(a))
bad = [n for n in names if ImageChops.difference(Image.open(os.path.join(a, n)).convert("RGBA"),
                                                  Image.open(os.path.join(b, n)).convert("RGBA")).getbbox() is not None]
print(f"PDFs rasterised at 150 dpi: {len(names)}, pixel-identical: {len(names) - len(bad)}", *bad)
PY
fi
