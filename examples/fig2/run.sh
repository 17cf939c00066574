#!/usr/bin/env bash
# Paper Fig. 2: ISO loss landscapes vs gamma/L (a: alpha = 0.5, b: alpha = 2, c: L = 16 with label noise)
set -euo pipefail
cd "$(dirname "$0")/../.."
./iclscale figure 2 --out examples/fig2
