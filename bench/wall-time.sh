#!/usr/bin/env bash
# Wall time of numeric verbs, JVM start included (issue #2 targets: the 2,000-point depth-64 landscape
# well under a second; risk under 1 s on a 2-core machine). Uses hyperfine when installed
# (apt-get install hyperfine), otherwise a bash loop with 'date +%s%N'. Builds first via ./iclscale.
# Usage: bench/wall-time.sh [runs]     (default 10 runs after 2 warm-ups)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
runs="${1:-10}"
./iclscale --version >/dev/null # build if needed
commands=(
  "./iclscale landscape --alpha 1 --depth 64 --points 2000"
  "./iclscale risk --alpha 1 --depth 16 --gamma 8 --sigma 0.5"
  "./iclscale risk --alpha 2 --depth 1000000 --gamma 5e5"
  "./iclscale optimum --alpha 1 --depth 64 --sigma 0.5"
  "./iclscale --version"
)
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 2 --runs "$runs" --style basic --output=null "${commands[@]}"
else
  for c in "${commands[@]}"; do
    for _ in 1 2; do $c >/dev/null; done
    total=0
    best=999999999999
    for _ in $(seq "$runs"); do
      t0=$(date +%s%N); $c >/dev/null; t1=$(date +%s%N)
      dt=$(( (t1 - t0) / 1000000 )); total=$((total + dt)); [ "$dt" -lt "$best" ] && best=$dt
    done
    echo "$c: mean $((total / runs)) ms, min $best ms over $runs runs"
  done
fi
