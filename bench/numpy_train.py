#!/usr/bin/env python3
"""NumPy reference of the `train --model reduced --setting iso` SGD loop (same algorithm as
org.iclscale.simulate.ReducedModelTrainer): B = tau*D fresh contexts per step, P = alpha*D pairs,
K = kappa*D queries, depth-L in-context GD with a tied D x D Gamma, hand-written backprop, update
Gamma <- Gamma - eta*(D/2)*grad. Batched over contexts with matmul (BLAS). Prints steps/s.

Usage: python3 bench/numpy_train.py [--dim 64] [--alpha 1] [--kappa 1] [--tau 1] [--depth 4] [--steps 200]
Benchmark fairly: run with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset in that command only (see README).
"""
import argparse
import time

import numpy as np


def mv(a, v):
    """Batched matrix-vector product a[b] @ v[b] through matmul (BLAS)."""
    return np.matmul(a, v[:, :, None])[:, :, 0]


def mtv(a, v):
    """Batched a[b]^T @ v[b]."""
    return np.matmul(v[:, None, :], a)[:, 0, :]


def train(dim, alpha, kappa, tau, depth, eta, steps, seed=1):
    rng = np.random.default_rng(seed)
    d = dim
    p = max(1, round(alpha * d))
    k = max(1, round(kappa * d))
    b = max(1, round(tau * d))
    scale = 1.0 / (depth * p)
    gamma = np.zeros((d, d))
    losses = []
    for _ in range(steps):
        x = rng.standard_normal((b, p, d))
        xq = rng.standard_normal((b, k, d))
        w_star = rng.standard_normal((b, d)) / np.sqrt(d)
        y = mv(x, w_star)
        yq = mv(xq, w_star)
        w = np.zeros((b, d))
        us = []
        for _l in range(depth):
            r = y - mv(x, w)
            u = mtv(x, r) * scale
            us.append(u)
            w = w + u @ gamma.T
        e = mv(xq, w) - yq
        losses.append(float(np.mean(e * e)))
        g = mtv(xq, e) * (2.0 / k)
        grad = np.zeros((d, d))
        for l in range(depth - 1, -1, -1):
            grad += g.T @ us[l]
            if l > 0:
                t = g @ gamma  # rows: Gamma^T g
                g = g - scale * mtv(x, mv(x, t))
        gamma -= eta * d / 2.0 / b * grad
    return gamma, losses


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--dim', type=int, default=64)
    ap.add_argument('--alpha', type=float, default=1.0)
    ap.add_argument('--kappa', type=float, default=1.0)
    ap.add_argument('--tau', type=float, default=1.0)
    ap.add_argument('--depth', type=int, default=4)
    ap.add_argument('--eta', type=float, default=0.02)
    ap.add_argument('--steps', type=int, default=200)
    ap.add_argument('--repeats', type=int, default=3)
    a = ap.parse_args()
    try:
        from threadpoolctl import threadpool_info
        info = [(i.get('internal_api'), i.get('num_threads'), i.get('architecture')) for i in threadpool_info()]
    except ImportError:
        info = 'threadpoolctl not installed'
    train(a.dim, a.alpha, a.kappa, a.tau, a.depth, a.eta, 5)  # warm-up
    best = 0.0
    best_cpu = 0.0
    for _ in range(a.repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        gamma, _ = train(a.dim, a.alpha, a.kappa, a.tau, a.depth, a.eta, a.steps)
        dt, dc = time.perf_counter() - t0, time.process_time() - c0
        best = max(best, a.steps / dt)
        best_cpu = max(best_cpu, a.steps / dc)
    print(f"numpy {np.__version__} blas={info} D={a.dim} alpha={a.alpha} kappa={a.kappa} tau={a.tau} "
          f"L={a.depth}: best {best:.1f} steps/s, {best_cpu:.1f} steps per CPU-second, "
          f"gamma={np.trace(gamma) / a.dim:.4f}")


if __name__ == '__main__':
    main()
