#!/usr/bin/env bash
# Paper Fig. 6a (theory part): ISO gradient flow at alpha = 1, L = 1, 2, 4, 8, with a Monte Carlo overlay at gamma(t)
set -euo pipefail
cd "$(dirname "$0")/../.."
./iclscale figure 6 --out examples/fig6 --simulate --trials 100 --sim-dim 128
