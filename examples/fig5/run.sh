#!/usr/bin/env bash
# Paper Fig. 5: width vs depth under compute, RRS D = 64, nu = 1.25, beta = 0.75 (finite width by the one-point deterministic equivalent)
set -euo pipefail
cd "$(dirname "$0")/../.."
./iclscale figure 5 --out examples/fig5
