#!/usr/bin/env python3
"""NumPy reference for the ISO loss kernel (issue 17 item 1): the exact L-node Gauss-Chebyshev rule of
org.iclscale.theory.IsoModel for the loss of paper Result 1, vectorised over a batch of step sizes gamma (the best
case for NumPy: one (G x L) array expression per term, no Python loop over gamma or nodes):

    loss = sigma^2 + 1 + sum_i w_i [ (x_i^{2L} - 1)/lam_i + (sigma^2/alpha) ((1 - x_i^L)/lam_i)^2 ],  x_i = 1 - gamma lam_i / L

Prints microseconds per loss, wall and process CPU time (on a shared machine compare the CPU column with
KernelCpuCheck, which also counts CPU time); IsoLossBenchmark / KernelCpuCheck evaluate one gamma per call.
The batch is elementwise work (no BLAS), so OPENBLAS_NUM_THREADS does not matter; run it anyway with =1 for a
like-for-like single-thread comparison. Usage: python3 bench/numpy_iso.py [--batch 10000]
"""
import argparse
import time

import numpy as np


def rule(alpha, n):
    q = 1.0 / alpha
    theta = np.arange(1, n + 1) * np.pi / (n + 1)
    lam = (1 - np.sqrt(q)) ** 2 + 4 * np.sqrt(q) * np.cos(theta / 2) ** 2
    w = 2.0 / (n + 1) * np.sin(theta) ** 2
    return lam, w


def losses(alpha, depth, sigma, gammas, lam, w):
    x = 1.0 - (gammas[:, None] / depth) * lam[None, :]
    xl = x ** depth
    signal = ((xl * xl - 1.0) / lam) @ w
    noise = (((1.0 - xl) / lam) ** 2) @ w * (sigma * sigma / alpha)
    return sigma * sigma + 1.0 + signal + noise


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--batch', type=int, default=10000)
    ap.add_argument('--repeats', type=int, default=5)
    a = ap.parse_args()
    print(f"numpy {np.__version__}, batch of {a.batch} gammas per call, best of {a.repeats}")
    for depth in (16, 1024):
        for alpha in (0.5, 1.0, 2.0):
            for sigma in (0.0, 0.5):
                lam, w = rule(alpha, depth)
                edge = 2.0 * depth / (1 + np.sqrt(1 / alpha)) ** 2
                gammas = 0.3 * edge + 1e-9 * edge * np.arange(a.batch)
                best = float('inf')
                best_cpu = float('inf')
                for _ in range(a.repeats):
                    t0, c0 = time.perf_counter(), time.process_time()
                    v = losses(alpha, depth, sigma, gammas, lam, w)
                    best = min(best, time.perf_counter() - t0)
                    best_cpu = min(best_cpu, time.process_time() - c0)
                print(f"L={depth:5d} alpha={alpha} sigma={sigma}: {best / a.batch * 1e6:.3f} us wall, "
                      f"{best_cpu / a.batch * 1e6:.3f} us CPU per loss, {a.batch / best_cpu:.3g} per CPU-second "
                      f"(loss at 0.3 edge = {v[0]:.10f})")


if __name__ == '__main__':
    main()
