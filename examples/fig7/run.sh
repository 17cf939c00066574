#!/usr/bin/env bash
# Paper Fig. 7: depth-1 online SGD theory (Result 10 with C(0) = g^-2), eta = 0.02
set -euo pipefail
cd "$(dirname "$0")/../.."
./iclscale figure 7 --out examples/fig7
