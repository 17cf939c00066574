#!/usr/bin/env bash
# Paper Fig. 4: power-law RRS, reduced Gamma, P = N = inf (time exponents, landscape minima moving with L, learning curves with depth floors)
# --simulate adds panel fig4d: online SGD of the tied reduced model on RRS contexts (D = 16, alpha = 8, L = 1, 4,
# 4 runs) against the P = inf, finite-alpha and exact finite-size flows (~30 s).
set -euo pipefail
cd "$(dirname "$0")/../.."
./iclscale figure 4 --out examples/fig4 --simulate
rm -f examples/fig4/*.svg
