#!/usr/bin/env bash
# Paper Fig. 6: full linear attention, gamma = w_x^2 w_q w_k w_v (Result 9) from the balanced start: (a) ISO, alpha = 1,
# L = 1, 2, 4, 8, L(t)/L(0) on the paper's step axis, --simulate: SGD of full attention at D = 16 (L = 1, 2, 4);
# (b) RRS power law D = 80, nu = 1.25, beta = 1.2, L = 1..16, guide t^-5beta/(5beta+2). 6c (softmax) has no theory.
set -euo pipefail
cd "$(dirname "$0")/../.."
./iclscale figure 6 --out examples/fig6 --simulate 2>&1 | tee examples/fig6/output.txt
rm -f examples/fig6/*.svg
