#!/usr/bin/env bash
# Paper Fig. 5: width vs depth under compute, RRS D = 64 (5c: D = 180, README errata 19), nu = 1.25, beta = 0.75 (finite width N < D: the finite-D
# model: method monte-carlo, the ProjectionAverage over 400 Haar projections). No experiments.
set -euo pipefail
cd "$(dirname "$0")/../.."
./iclscale figure 5 --out examples/fig5 --simulate 2>&1 | tee examples/fig5/output.txt
rm -f examples/fig5/*.svg
