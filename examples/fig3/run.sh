#!/usr/bin/env bash
# Paper Fig. 3a,b,c: FS at alpha = inf, D = 128, nu = beta = 1.25 (gamma_k(t), learning curves with the corrected time exponent, OOD brittleness of Result 5)
set -euo pipefail
cd "$(dirname "$0")/../.."
./iclscale figure 3 --out examples/fig3
