"""Calls per second from Python: one warm `iclscale serve` JVM against one JVM per call, side by side.

    /usr/bin/python3 bench/python_calls.py [ROUNDS]

Each round times a block of calls through the server and then a block of one-JVM-per-call runs
(`./iclscale risk ... --format json` through subprocess, parsed with json), so both see the same machine load.
Numeric gammas vary from call to call. Prints a Markdown table (median over rounds of the calls/s of each block) and the load average.
"""

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "python"))
import iclscale  # noqa: E402

CASES = {
    "ISO `risk --alpha 0.5 --depth 4 --gamma 2`": dict(alpha=0.5, depth=4, gamma=2),
    "RRS `risk --setting rrs --nu 1.5 --beta 0.8 --dim 64 --depth 8 --gamma opt` (mode sum + optimum)":
        dict(setting="rrs", nu=1.5, beta=0.8, dim=64, depth=8, gamma="opt"),
    "RRS finite N, P: `... --dim 64 --width 16 --alpha 4 --depth 4 --gamma 10` (two-point contour)":
        dict(setting="rrs", nu=1.5, beta=0.8, dim=64, width=16, alpha=4, depth=4, gamma=10),
}


def argv(options):
    out = ["risk"]
    for k, v in options.items():
        out += ["--" + k.replace("_", "-"), str(v)]
    return out + ["--format", "json"]


def varied(options, i):
    """A fresh numeric gamma per call (no two calls alike); gamma=opt stays a full optimum search."""
    g = options["gamma"]
    return options if isinstance(g, str) else {**options, "gamma": g * (1 + 1e-3 * (i % 100))}


def serve_block(options, n):
    t = time.perf_counter()
    for i in range(n):
        iclscale.risk(**varied(options, i))
    return n / (time.perf_counter() - t)


def parallel_block(options, n):
    t = time.perf_counter()
    futures = [iclscale.submit("risk", **varied(options, i)) for i in range(n)]
    for f in futures:
        f.result()
    return n / (time.perf_counter() - t)


def jvm_block(options, n):
    t = time.perf_counter()
    for _ in range(n):
        r = subprocess.run([str(REPO / "iclscale"), *argv(options)], capture_output=True, text=True, check=True)
        json.loads(r.stdout)
    return n / (time.perf_counter() - t)


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    iclscale.configure(launcher=REPO / "iclscale", threads=2)
    load_before = os.getloadavg()[0]
    rows = []
    for name, options in CASES.items():
        assert iclscale.risk(**options) == json.loads(subprocess.run([str(REPO / "iclscale"), *argv(options)],
                                                                     capture_output=True, text=True).stdout)
        for _ in range(20):  # warm-up (JIT) of this case in the server
            iclscale.risk(**options)
        serial, parallel, jvm = [], [], []
        for _ in range(rounds):
            serial.append(serve_block(options, 200))
            parallel.append(parallel_block(options, 200))
            jvm.append(jvm_block(options, 3))
        rows.append((name, statistics.median(serial), statistics.median(parallel), statistics.median(jvm)))
    load_after = os.getloadavg()[0]
    print("| call (from Python) | serve, one call at a time | serve, 200 submitted at once (2 server threads) "
          "| one JVM per call | speed-up (one at a time) |")
    print("|---|---|---|---|---|")
    for name, s, p, j in rows:
        print(f"| {name} | {s:,.0f} calls/s ({1000 / s:.2f} ms) | {p:,.0f} calls/s | {j:.2f} calls/s ({1000 / j:,.0f} ms) "
              f"| {s / j:,.0f}x |")
    print(f"\n{rounds} rounds, median; load average {load_before:.1f} before, {load_after:.1f} after; "
          f"{os.cpu_count()} cores")
    iclscale.close()


if __name__ == "__main__":
    main()
