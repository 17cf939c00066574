#!/usr/bin/env bash
# Paper Fig. 7: depth-1 online SGD theory (Result 10 with C(0) = g^-2, Theory.sgd), eta = 0.03, kappa = 4 in 7a/7b
# (README errata 17); --simulate: online
# SGD of the reduced depth-1 model at D = 64, mean +- SE of 4 runs, against Theory.trainingTheory of each run.
set -euo pipefail
cd "$(dirname "$0")/../.."
./iclscale figure 7 --out examples/fig7 --simulate 2>&1 | tee examples/fig7/output.txt
rm -f examples/fig7/*.svg
