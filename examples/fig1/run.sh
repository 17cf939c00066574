#!/usr/bin/env bash
# Paper Fig. 1: ISO deep linear attention. (a, b) balanced full-attention flow from sigma0 = 0.1335 with
# --simulate: online SGD of full linear attention at D = 8 (the paper's D = 32: --sim-dim 32); (c) the exact
# optimum over gamma for L = 1..16 with a Monte Carlo of L GD steps at gamma* (D = 64).
# These files are the defaults of figure all --simulate (the same computation).
set -euo pipefail
cd "$(dirname "$0")/../.."
./iclscale figure 1 --out examples/fig1 --simulate 2>&1 | tee examples/fig1/output.txt
rm -f examples/fig1/*.svg
