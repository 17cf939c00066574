#!/usr/bin/env python3
"""Finite-D expectation of the ISO Monte Carlo loss, to size the finite-D bias of IsoSimulatorTest.

Run from this folder:  python3 make_finite_d_bias.py   (python3 + numpy)

For a fixed context X (P x D, N(0,1) entries, P = round(alpha D)) the simulator's loss averaged over the
task w* ~ N(0, I/D) and the label noise is exactly a spectral average over the eigenvalues l_k of
Sigma-hat = X^T X / P (D x D, zero eigenvalues included):
    E[loss | X] = sigma^2 + (1/D) sum_k [ (1 - c l_k)^{2L} + (sigma^2 D/P) (1 - (1 - c l_k)^L)^2 / l_k ],
c = gamma/L (the noise term is 0 at l_k = 0). Averaging this over many X gives the finite-D mean
with a tiny standard error (its fluctuations are O(1/D)); its difference from the D = infinity theory is
the finite-D bias the Monte Carlo test has to tolerate.
"""
import numpy as np

CASES = [  # D, alpha, L, gamma, sigma
    (200, 1.0, 2, 1.0, 0.0),
    (200, 0.5, 4, 4 * 0.5 / 1.5, 0.5),
    (256, 2.0, 8, 8 * 2 / 3, 0.0),
    (400, 1.0, 1, 0.5, 1.0),
    (200, 4.0, 16, 16 * 0.8, 0.3),
    (300, 0.25, 3, 0.5, 0.0),
]


def spectral(lam, L, gamma, sigma, D, P):
    c = gamma / L
    x = 1 - c * lam
    with np.errstate(divide='ignore', invalid='ignore'):
        noise = np.where(lam > 1e-12, (1 - x ** L) ** 2 / lam, 0.0)
    return sigma ** 2 + np.mean(x ** (2 * L) + sigma ** 2 * D / P * noise)


def main():
    rng = np.random.default_rng(7)
    with open('iso-finite-d.csv', 'w') as f:
        f.write('# finite-D mean of the ISO Monte Carlo loss (make_finite_d_bias.py): mean over contexts of the\n')
        f.write('# exact task/noise average; samples = contexts drawn; meanError = its standard error\n')
        f.write('dim,alpha,depth,gamma,sigma,samples,finiteDMean,meanError\n')
        for D, a, L, g, s in CASES:
            P = max(1, round(a * D))
            n = 600
            vals = []
            for _ in range(n):
                X = rng.standard_normal((P, D))
                # eigenvalues of X^T X / P via singular values (zero eigenvalues when P < D)
                sv = np.linalg.svd(X, compute_uv=False)
                lam = np.zeros(D)
                lam[:len(sv)] = sv ** 2 / P
                vals.append(spectral(lam, L, g, s, D, P))
            vals = np.array(vals)
            f.write(f'{D},{a!r},{L},{g!r},{s!r},{n},{float(vals.mean())!r},{float(vals.std(ddof=1) / np.sqrt(n))!r}\n')


if __name__ == '__main__':
    main()
