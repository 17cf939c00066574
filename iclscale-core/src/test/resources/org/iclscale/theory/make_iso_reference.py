#!/usr/bin/env python3
"""Reference data for the ISO tests (paper-notes §3.1), computed independently of the Java code.

Run from this folder:  python3 make_iso_reference.py   (python3 + numpy only; no mpmath, no scipy)

Routes used here, none shared with the Java implementation:
  * iso-optimum-noiseless.csv: exact rational arithmetic (fractions.Fraction) of the Catalan closed form
      L*(alpha, L) = 1 - alpha/(1+alpha) * sum_{n<L} C_n x^n,  x = alpha/(1+alpha)^2
    printed to 20 significant digits with decimal, plus an independent float check of every row by
    the authors'-notebook layer-time DMFT recursion (paper-notes §3.1 "isotropic_dmft"), and by
    midpoint-rule quadrature of the MP density in the angle variable (spectrally accurate).
  * iso-optimum-noisy.csv: the noisy optimum (gamma*/L and L* - sigma^2) by midpoint quadrature in the
    angle variable (4001 nodes) and golden-section search started from a 4000-point grid up to the
    stability edge 2L/lambda_+.
  * iso-risk-points.csv: the loss at fixed (alpha, L, gamma, sigma) by the same angle quadrature and, for
    L <= 6, by an exact binomial expansion of (1 - c lambda)^{2L} with exact Narayana moments (Fractions),
    which must agree to ~1e-13.
"""
from fractions import Fraction
from decimal import Decimal, getcontext
from math import comb
import numpy as np

getcontext().prec = 40


def catalan(n):
    return comb(2 * n, n) // (n + 1)


def exact_optimum(alpha, L):
    a = Fraction(alpha)
    x = a / (1 + a) ** 2
    s = sum(Fraction(catalan(n)) * x ** n for n in range(L))
    return 1 - a / (1 + a) * s


def frac_to_str(f):
    d = Decimal(f.numerator) / Decimal(f.denominator)
    return format(d, '.20e')


# ---------------- float routes ----------------
def mp_nodes(alpha, n=4001):
    """Midpoint rule in theta on [0, pi] for the bulk: lambda rho(lambda) dlambda = (2/pi) sin^2(theta) dtheta."""
    q = 1.0 / alpha
    # midpoint rule in theta: the integrands are even 2pi-periodic analytic functions of theta, so this is
    # spectrally accurate, and no node sits at lambda = 0 (alpha = 1 has lambda_- = 0)
    theta = (np.arange(n) + 0.5) * np.pi / n
    w = np.full(n, np.pi / n)
    lam = (1 + q) + 2 * np.sqrt(q) * np.cos(theta)
    wl = w * (2 / np.pi) * np.sin(theta) ** 2  # weights of lambda*rho
    return lam, wl, max(0.0, 1.0 - alpha)


def loss_quad(alpha, L, gamma, sigma, n=4001):
    lam, wl, atom = mp_nodes(alpha, n)
    c = gamma / L
    x = 1 - c * lam
    with np.errstate(divide='ignore', invalid='ignore'):
        inv = np.where(lam > 0, 1.0 / lam, 0.0)
    signal = atom + np.sum(wl * x ** (2 * L) * inv ** 1)
    # (1 - x^L)^2 / lambda integrated against rho  = integral of lambda rho * (1-x^L)^2/lambda^2
    noise = sigma ** 2 / alpha * np.sum(wl * ((1 - x ** L) * inv) ** 2)
    return sigma ** 2 + signal + noise


def narayana_moment(alpha, k):
    q = Fraction(1) / Fraction(alpha)
    if k == 0:
        return Fraction(1)
    return sum(Fraction(comb(k, r + 1) * comb(k, r), k) * q ** r for r in range(k))


def loss_binomial(alpha, L, gamma, sigma):
    """Exact for rational alpha, gamma, sigma^2: expand in powers of lambda and use MP moments.
    signal = sum_j C(2L, j) (-c)^j m_j;  noise: (1-(1-c l)^L)/l = -sum_{j>=1} C(L,j)(-c)^j l^{j-1} =: R(l),
    noise = sigma^2/alpha * int rho R^2 / ... careful: int rho (1-x^L)^2/lambda = int rho lambda R^2."""
    a, g, s2 = Fraction(alpha), Fraction(gamma), Fraction(sigma) ** 2
    c = g / L
    signal = sum(comb(2 * L, j) * (-c) ** j * narayana_moment(a, j) for j in range(2 * L + 1))
    r = [-comb(L, j) * (-c) ** j for j in range(1, L + 1)]  # coefficient of lambda^{j-1}
    r2 = [Fraction(0)] * (2 * L - 1)
    for i, ri in enumerate(r):
        for j, rj in enumerate(r):
            r2[i + j] += ri * rj
    noise = sum(coef * narayana_moment(a, k + 1) for k, coef in enumerate(r2))
    return s2 + signal + s2 / a * noise


def dmft_optimum(alpha, L):
    """Authors'-notebook layer-time DMFT (paper-notes §3.1): theta = c * strictly lower ones, T = 2L+1."""
    c = alpha / (1 + alpha)
    T = 2 * L + 1
    theta = c * np.tril(np.ones((T, T)), -1)
    I = np.eye(T)
    H = np.linalg.inv(I + theta)
    for _ in range(2000):
        Hn = np.linalg.inv(I + theta @ np.linalg.inv(I + H @ theta / alpha))
        if np.max(np.abs(Hn - H)) < 1e-15:
            H = Hn
            break
        H = Hn
    v = H @ np.ones(T)
    return v[2 * L]


def golden(f, a, b, tol=1e-13):
    gr = (np.sqrt(5) - 1) / 2
    c, d = b - gr * (b - a), a + gr * (b - a)
    fc, fd = f(c), f(d)
    while b - a > tol * max(1.0, abs(b)):
        if fc < fd:
            b, d, fd = d, c, fc
            c = b - gr * (b - a)
            fc = f(c)
        else:
            a, c, fc = c, d, fd
            d = a + gr * (b - a)
            fd = f(d)
    return (a + b) / 2


def noisy_optimum(alpha, L, sigma):
    edge = 2 * L / (1 + np.sqrt(1 / alpha)) ** 2
    grid = np.linspace(0, edge, 4001)
    vals = [loss_quad(alpha, L, g, sigma) for g in grid]
    i = int(np.argmin(vals))
    lo, hi = grid[max(i - 1, 0)], grid[min(i + 1, len(grid) - 1)]
    g = golden(lambda t: loss_quad(alpha, L, t, sigma), lo, hi)
    return g, loss_quad(alpha, L, g, sigma)


def main():
    alphas = ['1/4', '1/2', '1', '2', '4', '8']
    with open('iso-optimum-noiseless.csv', 'w') as f:
        f.write('# sigma = 0 optimum, paper-notes §3.1; exact rational Catalan sum (make_iso_reference.py)\n')
        f.write('alpha,depth,gamma,loss\n')
        for a in alphas:
            af = Fraction(a)
            for L in range(1, 33):
                exact = exact_optimum(af, L)
                gam = L * af / (1 + af)
                fl = float(exact)
                # independent float checks of the same number
                dm = dmft_optimum(float(af), L) if L <= 16 else fl
                qd = loss_quad(float(af), L, float(gam), 0.0)
                assert abs(dm - fl) < 1e-9 and abs(qd - fl) < 1e-11 * max(1, 1), (a, L, fl, dm, qd)
                f.write(f'{float(af)!r},{L},{frac_to_str(gam)},{frac_to_str(exact)}\n')

    with open('iso-optimum-noisy.csv', 'w') as f:
        f.write('# noisy optimum, paper-notes §3.1 table; angle quadrature + grid/golden search (make_iso_reference.py)\n')
        f.write('alpha,depth,sigma,gammaPerLayer,excessLoss\n')
        for a in (0.5, 1.0, 2.0):
            for L in (1, 4, 16):
                for s in (0.5, 1.0):
                    g, loss = noisy_optimum(a, L, s)
                    f.write(f'{a!r},{L},{s!r},{g / L:.12f},{loss - s * s:.14f}\n')

    rng = np.random.default_rng(20260529)
    with open('iso-risk-points.csv', 'w') as f:
        f.write('# loss at fixed gamma: angle quadrature (4001 nodes) and, where exact==1, exact binomial/Narayana route\n')
        f.write('alpha,depth,gamma,sigma,loss,exact\n')
        rows = []
        for a in ('1/4', '1/2', '3/4', '1', '3/2', '2', '5', '10'):
            for L in (1, 2, 3, 5, 6):
                for s in ('0', '1/2', '1'):
                    edge = 2 * L / (1 + (1 / float(Fraction(a))) ** 0.5) ** 2
                    g = Fraction(int(rng.integers(1, 1000)), 1000) * Fraction(edge).limit_denominator(1000)
                    ex = float(loss_binomial(Fraction(a), L, g, Fraction(s)))
                    qd = loss_quad(float(Fraction(a)), L, float(g), float(Fraction(s)))
                    assert abs(ex - qd) < 1e-12, (a, L, g, s, ex, qd)
                    rows.append((float(Fraction(a)), L, float(g), float(Fraction(s)), ex, 1))
        for a in (0.3, 1.0, 3.0):
            for L in (16, 64, 256, 1000):
                for s in (0.0, 0.7):
                    edge = 2 * L / (1 + (1 / a) ** 0.5) ** 2
                    g = float(rng.uniform(0.05, 0.99)) * edge
                    rows.append((a, L, g, s, float(loss_quad(a, L, g, s)), 0))
        for r in rows:
            f.write(f'{r[0]!r},{r[1]},{r[2]!r},{r[3]!r},{r[4]!r},{r[5]}\n')


if __name__ == '__main__':
    main()
