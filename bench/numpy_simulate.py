#!/usr/bin/env python3
"""NumPy reference of `simulate` (the same Monte Carlo as org.iclscale.simulate.IsoSimulator and
StructuredSimulator, issue 17 item 7): per trial a context X in R^{P x D} (P = round(alpha D)), a task w*, labels
y = X w* + sigma eps, L steps of in-context GD w <- w + (gamma/(L P)) Q X^T (y - X w) from w = 0, and the exact
query loss sum_k lambda_k (w - w*)_k^2 + sigma^2.

  iso: x ~ N(0, I), w* ~ N(0, I/D), Q = I, lambda = 1.
  fs:  x ~ N(0, Lambda), w* ~ N(0, Omega) (Lambda, Omega of the power law nu, beta over D modes), Q = I.
  rrs: as fs, Q = U U^T with U the Q factor of a D x N Gaussian (sign-fixed, Haar); N = D is fs.
  alpha = inf (fs/rrs): w <- w + (gamma/L) Q Lambda (w* - w).

Written as a researcher would: batched over trials in chunks (np.linalg.qr on a (T, D, N) stack, matmul for the
batched matrix-vector products, one default_rng stream), so the numbers agree with Java's within the Monte Carlo
error, not digit for digit (other random streams). Prints the mean loss, its standard error, and the wall and
process CPU seconds of the Monte Carlo alone (best of --repeats; the first run included, as Python has no JIT).

Usage: python3 bench/numpy_simulate.py --setting rrs --nu 1.25 --beta 0.75 --dim 200 --width 50 --alpha 1
       --depth 2 --gamma 3 --trials 400 [--sigma 0] [--repeats 3] [--chunk-entries 4000000]
Benchmark fairly: OPENBLAS_NUM_THREADS=1 and =2 (bench/simulate-vs-numpy.sh runs both).
"""
import argparse
import math
import time

import numpy as np


def power_law(nu, beta, d):
    """Spectrum.powerLaw: lambda_k = k^-nu, omega_k = k^(-nu beta - 1) / sum / lambda_k, summed from the tail."""
    k = np.arange(1, d + 1, dtype=float)
    weight = k ** (-nu * beta - 1)
    lam = k ** (-nu)
    total = math.fsum(weight[::-1])
    return lam, weight / total / lam


def haar_frames(rng, t, d, n):
    """(t, d, n) orthonormal frames: Q of a Gaussian stack with the signs of diag R folded in."""
    q, r = np.linalg.qr(rng.standard_normal((t, d, n)))
    signs = np.sign(np.diagonal(r, axis1=1, axis2=2))
    signs[signs == 0] = 1
    return q * signs[:, None, :]


def chunk_losses(rng, a, t):
    d, p, n, depth, gamma, sigma = a.d, a.p, a.n, a.depth, a.gamma, a.sigma
    sqrt_lam, lam, sqrt_om = a.sqrt_lam, a.lam, a.sqrt_om
    projected = a.setting == "rrs" and n < d
    u = haar_frames(rng, t, d, n) if projected else None

    def project(g):  # g <- U U^T g, batched
        if not projected:
            return g
        c = np.matmul(g[:, None, :], u)  # (t, 1, n)
        return np.matmul(u, c.transpose(0, 2, 1))[:, :, 0]

    target = sqrt_om * rng.standard_normal((t, d))
    w = np.zeros((t, d))
    if p is None:  # P = inf
        c = gamma / depth
        for _ in range(depth):
            w += c * project(lam * (target - w))
    else:
        x = rng.standard_normal((t, p, d))
        if sqrt_lam is not None:
            x *= sqrt_lam
        y = np.matmul(x, target[:, :, None])[:, :, 0]
        if sigma > 0:
            y += sigma * rng.standard_normal((t, p))
        step = gamma / (depth * p)
        for _ in range(depth):
            r = y - np.matmul(x, w[:, :, None])[:, :, 0]
            g = np.matmul(r[:, None, :], x)[:, 0, :]  # X^T r
            w += step * project(g)
    e = w - target
    return (e * e if lam is None else lam * e * e).sum(axis=1) + sigma * sigma


def simulate(a, seed):
    rng = np.random.default_rng(seed)
    per_trial = a.d * (a.p if a.p is not None else 1) + (a.d * a.n if a.setting == "rrs" else 0)
    chunk = max(1, min(a.trials, a.chunk_entries // max(1, per_trial)))
    out = []
    done = 0
    while done < a.trials:
        t = min(chunk, a.trials - done)
        out.append(chunk_losses(rng, a, t))
        done += t
    losses = np.concatenate(out)
    return losses.mean(), losses.std(ddof=1) / math.sqrt(len(losses))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--setting", default="iso", choices=["iso", "fs", "rrs"])
    ap.add_argument("--nu", type=float, default=1.5)
    ap.add_argument("--beta", type=float, default=0.8)
    ap.add_argument("--dim", type=int, default=200)
    ap.add_argument("--width", type=float, default=math.inf)
    ap.add_argument("--alpha", type=float, default=1.0)
    ap.add_argument("--depth", type=int, default=4)
    ap.add_argument("--gamma", type=float, default=2.0)
    ap.add_argument("--sigma", type=float, default=0.0)
    ap.add_argument("--trials", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--chunk-entries", type=int, default=4_000_000)
    a = ap.parse_args()
    a.d = a.dim
    a.n = a.d if math.isinf(a.width) else min(int(a.width), a.d)
    a.p = None if math.isinf(a.alpha) else max(1, int(math.floor(a.alpha * a.d + 0.5)))
    if a.setting == "iso":
        if a.p is None:
            raise SystemExit("iso needs a finite alpha")
        a.sqrt_lam = a.lam = None
        a.sqrt_om = np.full(a.d, 1.0 / math.sqrt(a.d))
    else:
        lam, om = power_law(a.nu, a.beta, a.d)
        a.lam, a.sqrt_lam, a.sqrt_om = lam, np.sqrt(lam), np.sqrt(om)
    best_wall = best_cpu = math.inf
    for rep in range(a.repeats):
        w0, c0 = time.perf_counter(), time.process_time()
        mean, se = simulate(a, a.seed + rep)
        best_wall = min(best_wall, time.perf_counter() - w0)
        best_cpu = min(best_cpu, time.process_time() - c0)
        if rep == 0:
            first = (mean, se)
    print(f"numpy {np.__version__} {a.setting} D={a.d} N={a.n} P={a.p if a.p else 'inf'} L={a.depth} "
          f"trials={a.trials}: loss {first[0]:.6f} se {first[1]:.6f} best wall {best_wall:.4f} s "
          f"best cpu {best_cpu:.4f} s")


if __name__ == "__main__":
    main()
