#!/usr/bin/env bash
# Paper Fig. 6 (theory part): full linear attention, gamma = w_x^2 w_q w_k w_v (Result 9) from the balanced start
# (a) ISO, alpha = 1, L = 1, 2, 4, 8 against the SGD step of the paper's run (sigma0 = 0.4, eta = 0.1/sqrt(128)),
#     with (--simulate) online SGD of full linear attention at D = 16 (L = 1, 2, 4, 4 runs, ~30 s) on the same
#     step axis and the balanced flow on the exact D = 16 landscape (dashed);
# (b) RRS power law D = 80, nu = 1.25, beta = 1.2, L = 1..16 and L = D = inf, guide t^-5beta/(5beta+2).
# 6c (softmax) has no theory.
set -euo pipefail
cd "$(dirname "$0")/../.."
./iclscale figure 6 --out examples/fig6 --simulate
rm -f examples/fig6/*.svg
