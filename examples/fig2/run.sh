#!/usr/bin/env bash
# Paper Fig. 2: ISO loss landscapes vs gamma/L (a: alpha = 0.5, b: alpha = 2, c: L = 16 with label noise).
# No experiments (--simulate changes nothing here).
set -euo pipefail
cd "$(dirname "$0")/../.."
./iclscale figure 2 --out examples/fig2 --simulate 2>&1 | tee examples/fig2/output.txt
rm -f examples/fig2/*.svg
