#!/usr/bin/env bash
# Paper Fig. 3: FS, D = 128, nu = beta = 1.25: (a) gamma_k(t), GD iterates at L = 8 and the L = inf closed form,
# (b) learning curves L = 1, 2, 4, 8 with the exponent-table guide, (c) OOD brittleness (Result 5).
# --simulate: reduced-model SGD on FS contexts on panels a and b (D = 32, alpha = 8, eta = 1/D, 3000 steps, 4 runs;
# the paper's D = 128 and 25000 steps with --paper-size), theory of each run from Theory.trainingTheory (dotted).
set -euo pipefail
cd "$(dirname "$0")/../.."
./iclscale figure 3 --out examples/fig3 --simulate 2>&1 | tee examples/fig3/output.txt
rm -f examples/fig3/*.svg
