#!/usr/bin/env bash
# Paper Fig. 7: depth-1 online SGD theory (Result 10 with C(0) = g^-2), eta = 0.02, with the simulation overlay:
# online SGD of the reduced depth-1 model at D = 64, mean +- standard error of 4 independent runs
set -euo pipefail
cd "$(dirname "$0")/../.."
./iclscale figure 7 --out examples/fig7 --simulate --sim-dim 64 --sim-runs 4 --seed 3
rm -f examples/fig7/*.svg
