#!/usr/bin/env bash
# Paper Fig. 3a,b,c: FS at alpha = inf, D = 128, nu = beta = 1.25 (gamma_k(t), learning curves with the corrected time exponent, OOD brittleness of Result 5)
# --simulate adds panel fig3d: online SGD of the tied reduced model on FS contexts (D = 16, alpha = 8, L = 1, 4,
# eta = 0.05, 4 runs) against the alpha = inf and finite-alpha per-mode flows; fig3d-exact.csv: the exact L = 1 flow.
set -euo pipefail
cd "$(dirname "$0")/../.."
./iclscale figure 3 --out examples/fig3 --simulate
rm -f examples/fig3/*.svg
