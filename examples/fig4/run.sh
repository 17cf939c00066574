#!/usr/bin/env bash
# Paper Fig. 4: power-law RRS, reduced Gamma, P = N = inf (time exponents, landscape minima moving with L, learning curves with depth floors)
set -euo pipefail
cd "$(dirname "$0")/../.."
./iclscale figure 4 --out examples/fig4
