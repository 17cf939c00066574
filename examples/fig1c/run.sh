#!/usr/bin/env bash
# Paper Fig. 1c (theory): optimal ISO loss vs alpha for L = 1..16, with a finite-D Monte Carlo overlay of L GD steps at gamma*
set -euo pipefail
cd "$(dirname "$0")/../.."
./iclscale figure 1c --out examples/fig1c --simulate --trials 100 --sim-dim 64
