#!/usr/bin/env bash
# Paper Fig. 3a,b: FS at alpha = inf, D = 128, nu = beta = 1.25 (gamma_k(t) and learning curves with the corrected time exponent)
set -euo pipefail
cd "$(dirname "$0")/../.."
./iclscale figure 3 --out examples/fig3
