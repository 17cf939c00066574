#!/usr/bin/env bash
# Paper Fig. 8: untied layers, power-law RRS D = 64, nu = 1.5, beta = 0.8: (a) loss, (b) gamma^l of every layer.
# --simulate: untied reduced-model SGD on panel a (D = 16, alpha = 8, per-layer rate 0.2 L, 4000 steps = x 2000;
# the paper's D = 64 with --paper-size).
set -euo pipefail
cd "$(dirname "$0")/../.."
./iclscale figure 8 --out examples/fig8 --simulate 2>&1 | tee examples/fig8/output.txt
rm -f examples/fig8/*.svg
