#!/usr/bin/env bash
# Paper Fig. 8: untied layers, power-law RRS D = 64, nu = 1.5, beta = 0.8 (loss and per-layer gamma)
set -euo pipefail
cd "$(dirname "$0")/../.."
./iclscale figure 8 --out examples/fig8
