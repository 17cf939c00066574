#!/usr/bin/python3
"""The two-point contour's pair sums in NumPy (issue 17 item 5): for n = 148 inner and outer nodes and D modes,
N_ij = sum_k a_k r_ik r'_jk and D_ij = sum_k b_k r_ik r'_jk with complex resolvents r (n x D), i.e. two complex
GEMMs (R diag(a)) S^T and (R diag(b)) S^T (zgemm of OpenBLAS), the products of ContourCircles.pairSums and of
PairSumsCpuCheck. Process CPU time (all threads), best of 5 after a warm-up, on 1 and 2 OpenBLAS threads (each in
its own process: the thread count is fixed at import). Usage: /usr/bin/python3 bench/numpy_pairsums.py
"""
import os
import subprocess
import sys
import time


def measure(dim, n=148, rounds=5):
    import numpy as np
    rng = np.random.default_rng(1)
    r = rng.random((n, dim)) + 1j * rng.random((n, dim))
    s = rng.random((n, dim)) + 1j * rng.random((n, dim))
    a = rng.random(dim)
    b = rng.random(dim)
    best = float("inf")
    for round_ in range(rounds + 1):
        c0 = time.process_time()
        st = s.T
        num = (r * a) @ st
        den = (r * b) @ st
        ms = (time.process_time() - c0) * 1e3
        if round_ > 0:
            best = min(best, ms)
    return best, float(num[0, 0].real + den[1, 1].imag)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        for dim in (1600, 6400):
            ms, _ = measure(dim)
            print(f"numpy pair sums, n = 148, D = {dim}, {os.environ['OPENBLAS_NUM_THREADS']} thread(s): {ms:.0f} ms CPU")
        sys.exit(0)
    import numpy
    print(f"numpy {numpy.__version__}; load average {os.getloadavg()[0]:.2f}")
    for threads in ("1", "2"):
        env = dict(os.environ, OPENBLAS_NUM_THREADS=threads, OMP_NUM_THREADS=threads)
        subprocess.run([sys.executable, __file__, "--child"], env=env, check=True)
