#!/usr/bin/env bash
# Paper Fig. 8: untied layers, power-law RRS D = 64, nu = 1.5, beta = 0.8 (loss and per-layer gamma)
# --simulate adds panel fig8c: online SGD of the untied reduced model on RRS contexts (D = 16, alpha = 8, L = 2, 4,
# eta = 0.2 L, 4 runs) against the P = inf, finite-alpha and exact finite-size flows (~15 s).
set -euo pipefail
cd "$(dirname "$0")/../.."
./iclscale figure 8 --out examples/fig8 --simulate
rm -f examples/fig8/*.svg
