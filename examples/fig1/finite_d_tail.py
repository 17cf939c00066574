#!/usr/bin/env python3
"""Why Figs. 1a/1b SGD of deep full attention diverges after the drop at small D (README figure section).

At L = 16 the D = infinity optimum gamma* = L alpha / (1 + alpha) puts the stability edge 2L/gamma* at or near the
Marchenko-Pastur edge (1 + alpha^-1/2)^2 (exactly on it at alpha = 1). At finite D a fraction of contexts has
lambda_max(Sigma_hat) beyond 2L/gamma, where the ISO loss (1/D) sum_i (1 - gamma lambda_i / L)^(2L) grows as
(gamma lambda / L - 1)^(2L): the finite-D loss and its gradients are heavy tailed, so SGD that follows the flow to
gamma* meets a context that overflows it. This prints, for Wishart draws Sigma_hat = X^T X / P with P = alpha D:
the fraction of contexts beyond the edge and the mean, median and largest per-context loss at gamma*.

Usage: python3 finite_d_tail.py [draws]   (Debian python3-numpy; 20000 draws: about a minute)
"""
import sys

import numpy as np


def main():
    draws = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    rng = np.random.default_rng(1)
    depth = 16
    print("D,alpha,P,gamma_star,fraction_beyond_edge,mean_loss,median_loss,max_loss")
    for d in (8, 16, 32, 128):
        for alpha in (0.2, 1.0, 4.0):
            p = max(1, round(alpha * d))
            gamma = depth * alpha / (1 + alpha)
            n = draws if d <= 32 else max(1, draws // 7)
            x = rng.standard_normal((n, p, d))
            lam = np.linalg.eigvalsh(np.einsum("npi,npj->nij", x, x) / p)
            loss = ((1 - gamma * lam / depth) ** (2 * depth)).mean(axis=1)
            beyond = (lam.max(axis=1) > 2 * depth / gamma).mean()
            print(f"{d},{alpha},{p},{gamma:.4g},{beyond:.4f},{loss.mean():.4g},{np.median(loss):.4g},{loss.max():.3g}")


if __name__ == "__main__":
    sys.exit(main())
