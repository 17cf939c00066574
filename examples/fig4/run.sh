#!/usr/bin/env bash
# Paper Fig. 4: power-law RRS, reduced Gamma, P = N = inf: (a) time exponents over beta, (b) landscapes at D = inf,
# (c) learning curves with depth floors. --simulate: tied (4a) and untied (4c) reduced-model SGD on the panels at
# D = 16 (2000 steps, 4 runs; the paper's D = 64 / 45, P = 512 with --paper-size), x = the paper's step.
set -euo pipefail
cd "$(dirname "$0")/../.."
./iclscale figure 4 --out examples/fig4 --simulate 2>&1 | tee examples/fig4/output.txt
rm -f examples/fig4/*.svg
