#!/usr/bin/env bash
# sweep + plot: (1) the 10^4-point ISO optimum sweep (timed; its 10^4 rows are not kept here),
# (2) a smaller sweep kept as CSV and plotted, (3) a plot straight from an in-process sweep of gradient flows
# with a symbolic guide slope.
set -euo pipefail
cd "$(dirname "$0")/../.."
time ./iclscale sweep --fields gamma,loss optimum --alpha 0.1:10:log:100 --depth 1:100:lin:100 > "${TMPDIR:-/tmp}/optima-10k.csv"
./iclscale sweep --fields gamma,loss,closedFormLoss optimum --alpha 0.1:10:log:41 --depth 1,2,4,8,16,32,64 > examples/sweep/optima.csv
./iclscale plot --in examples/sweep/optima.csv --x alpha --y loss --series depth --log xy --legend sw \
  --title 'optimal ISO loss vs alpha' --out examples/sweep/optima
./iclscale plot --x time --log xy --series depth --legend sw --guide-slope '-beta/(2+beta)' --var beta=0.8 \
  --title 'RRS gradient flow, D = 64, nu = 1.5, beta = 0.8' --out examples/sweep/rrs-flow -- \
  sweep --no-expand --times dynamics --setting rrs --nu 1.5 --beta 0.8 --dim 64 --depth 1,4,16,64 \
  --times 0.1,0.3,1,3,10,30,100,300,1000,3000,10000,30000,100000
