#!/usr/bin/python3
"""Issue 17 goal 2, the NumPy side: the per-gamma loss of each deterministic-equivalent regime on ONE built solver,
vectorised over gamma (the fair alternative to `sweep risk ... --gamma a:b:lin:K`: the build is done once).

The built solvers come from Java (org.iclscale.deteq.DeteqExport, test scope: nu = 1.5, beta = 0.8, D = 400,
L = 4, sigma = 0, N = 100 / alpha = 0.5 as in org.iclscale.bench.SweepCpuCheck), one array per line:
  one-point density (RRS, P = inf, N < D):  loss = atom + sum_j w_j (1 - gamma s_j/L)^(2L)
  two-point contours (structured Wishart N >= D, and (E1)-(E3) at N < D), deteq-general.md (E3):
      loss = -(4 pi^2)^-1 Re sum_ij f(w_i) dw_i T_ij f(w'_j) dw'_j,  f(w) = (1 - gamma w/L)^L,
      on the contour level whose growth max|f| max|f'| is <= 1e6 (TwoPointContour.level), T built once per level.
The script checks its losses against Java's (relative 1e-12 of the loss scale), then times the K losses of each
regime in process CPU seconds (best of ROUNDS), and prints microseconds per gamma. OpenBLAS threads: set
OPENBLAS_NUM_THREADS before running (bench/sweep-vs-numpy.sh runs 1 and 2).
Usage: numpy_deteq.py EXPORT_FILE [ROUNDS]
"""
import os
import sys
import time

import numpy as np

MAX_GROWTH = 1e6
MAX_LEVEL = 3
TOLERANCE = 1e-12


def read(path):
    arrays = {}
    with open(path) as f:
        for line in f:
            name, *values = line.split()
            arrays[name] = np.array(values, dtype=float)
    return arrays


def int_power(base, n):
    """base**n by binary exponentiation on whole arrays (what a careful NumPy user writes for integer n)."""
    result = np.ones_like(base)
    while n > 0:
        if n & 1:
            result = result * base
        n >>= 1
        if n:
            base = base * base
    return result


def density_losses(a, gammas, depth):
    c = gammas[:, None] / depth  # K x 1
    return a["density.atom"][0] + int_power(1.0 - c * a["density.s"][None, :], 2 * depth) @ a["density.w"]


class Contour:
    def __init__(self, a, name):
        self.bound = a[name + ".bound"][0]
        self.levels = []
        for level in range(MAX_LEVEL + 1):
            p = name + "." + str(level) + "."
            w_in = a[p + "wInRe"] + 1j * a[p + "wInIm"]
            dw_in = a[p + "dwInRe"] + 1j * a[p + "dwInIm"]
            w_out = a[p + "wOutRe"] + 1j * a[p + "wOutIm"]
            dw_out = a[p + "dwOutRe"] + 1j * a[p + "dwOutIm"]
            n = w_in.size
            t = (a[p + "tRe"] + 1j * a[p + "tIm"]).reshape(n, n)
            self.levels.append((w_in, dw_in, w_out, dw_out, np.ascontiguousarray(t.T)))

    def level_of(self, gammas, depth):
        """TwoPointContour.level: the first level whose max|f| on both circles multiplied is <= MAX_GROWTH."""
        c = gammas / depth
        s = self.bound
        chosen = np.full(gammas.size, -1)
        for level in range(MAX_LEVEL, -1, -1):
            m = 0.15 * s / (1 << level)
            growth = ((np.abs(1 - c * s / 2) + c * (s / 2 + m)) ** depth) * (
                (np.abs(1 - c * s / 2) + c * (s / 2 + 2 * m)) ** depth)
            chosen = np.where(growth <= MAX_GROWTH, level, chosen)
        return chosen

    def losses(self, gammas, depth):
        out = np.empty(gammas.size)
        level = self.level_of(gammas, depth)
        for lv in range(MAX_LEVEL + 1):
            sel = np.nonzero(level == lv)[0]
            if sel.size == 0:
                continue
            w_in, dw_in, w_out, dw_out, t_transposed = self.levels[lv]
            c = (gammas[sel] / depth)[:, None]
            a = int_power(1 - c * w_in[None, :], depth) * dw_in  # K x n: f(w_i) dw_i
            b = int_power(1 - c * w_out[None, :], depth) * dw_out
            v = b @ t_transposed  # (sum_j T_ij b_j)_i for every gamma: one complex GEMM
            out[sel] = -np.einsum("ki,ki->k", a, v).real / (4 * np.pi ** 2)
        return out


def cpu_per_gamma(fn, gammas, rounds):
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        fn(gammas)
        best = min(best, time.process_time() - t0)
    return best / gammas.size


def main():
    a = read(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    depth = int(a["depth"][0])
    gammas = a["gamma"]
    regimes = [("one-point density", "density", lambda g: density_losses(a, g, depth))]
    for label, name in (("structured Wishart", "wishart"), ("two-point contour", "contour")):
        contour = Contour(a, name)
        regimes.append((label, name, lambda g, c=contour: c.losses(g, depth)))
    threads = os.environ.get("OPENBLAS_NUM_THREADS", "default")
    for label, name, fn in regimes:
        ours = fn(gammas)
        java = a[name + ".loss"]
        err = np.max(np.abs(ours - java)) / np.max(np.abs(java))
        if not err <= TOLERANCE:
            sys.exit(f"{label}: numpy differs from Java by {err:.2e} relative (> {TOLERANCE})")
        us = cpu_per_gamma(fn, gammas, rounds) * 1e6
        print(f"numpy {np.__version__} ({threads} OpenBLAS threads) {label}: {us:.1f} us per gamma "
              f"(K = {gammas.size}, max relative difference to Java {err:.1e})")


if __name__ == "__main__":
    main()
