package org.iclscale.simulate;

import java.util.SplittableRandom;

/**
 * The projection Q = UUᵀ onto a Haar-random N-plane of ℝ^D (U the Q factor, sign-fixed so diag R &gt; 0, of a D×N
 * Gaussian G; paper App. E), applied without forming U: Q = G(GᵀG)⁻¹Gᵀ, so Qv = G R⁻¹R⁻ᵀGᵀv with RᵀR = GᵀG
 * (Cholesky). Building costs D·N²/2 multiply–adds for the Gram matrix (rank-1 row updates, contiguous, vectorised by
 * the JIT) and N³/6 for its factor, a quarter of the 2·D·N² of the twice-applied Gram–Schmidt it replaces in
 * {@link StructuredSimulator} ({@link StructuredSimulator#haarFrame}, whose dot products are dependent); each
 * application costs 2·D·N + N². Same plane from the same Gaussians in the same order, so the same Q up to rounding:
 * about cond(G)²·1e-16 relative ({@code HaarProjectionTest}: a trial's loss within 1.1e-15 at N ≤ D/2 and 5e-12 at
 * N = D − 1 = 255).
 * Where the Cholesky factor meets a pivot below {@link #MIN_PIVOT_RATIO} of its column's squared norm (a column
 * within 1e-4 rad of the span of the previous ones: cond(G)² beyond ≈ 1e8, where rounding would reach 1e-8), the
 * projection falls back to the Gram–Schmidt frame, for which Q = UUᵀ.
 *
 * <p>One per trial: {@link #apply} works in a scratch vector of its own, so an instance is not shared across threads.
 */
final class HaarProjection {

    /** Smallest squared sine between a column of G and the span of the previous ones that the Cholesky route accepts. */
    static final double MIN_PIVOT_RATIO = 1e-8;

    private final int dim;
    private final int width;
    private final double[] basis; // row-major D×N: G, or U on the fallback
    private final double[] factor; // upper N×N row-major R with RᵀR = GᵀG; null when the basis is orthonormal
    private final double[] coef;

    private HaarProjection(int dim, int width, double[] basis, double[] factor, double[] coef) {
        this.dim = dim;
        this.width = width;
        this.basis = basis;
        this.factor = factor;
        this.coef = coef;
    }

    /**
     * The arrays of one projection (G, its Gram matrix and factor, the column norms, the coefficients), reused by the
     * next {@link #sample(SplittableRandom, int, int, Scratch)}: a projection built in a scratch is valid until the
     * scratch is used again (one per trial of a Monte Carlo chunk). Each array is overwritten or cleared before use.
     */
    static final class Scratch {
        final double[] g;
        final double[] gram;
        final double[] norms;
        final double[] coef;

        Scratch(int d, int n) {
            g = new double[d * n];
            gram = new double[n * n];
            norms = new double[n];
            coef = new double[n];
        }
    }

    /** The projection of D·N fresh Gaussians (drawn column by column, as {@link StructuredSimulator#haarFrame}). */
    static HaarProjection sample(SplittableRandom rng, int d, int n) {
        return sample(rng, d, n, new Scratch(d, n));
    }

    /** {@link #sample(SplittableRandom, int, int)} in the arrays of {@code scratch} (the same Gaussians and operations). */
    static HaarProjection sample(SplittableRandom rng, int d, int n, Scratch scratch) {
        double[] g = scratch.g;
        for (int j = 0; j < n; j++) {
            gaussianColumn(rng, g, j, d, n);
        }
        return of(g, d, n, scratch);
    }

    /** Column j of the row-major D×N matrix {@code g} from the next D Gaussians (a small method: see StructuredSimulator.scaledGaussians). */
    private static void gaussianColumn(SplittableRandom rng, double[] g, int j, int d, int n) {
        for (int k = 0; k < d; k++) {
            g[k * n + j] = rng.nextGaussian();
        }
    }

    /** The projection onto the column span of the row-major D×N matrix {@code g} (kept, not copied). */
    static HaarProjection of(double[] g, int d, int n) {
        Scratch scratch = new Scratch(0, n);
        return of(g, d, n, scratch);
    }

    /** {@link #of(double[], int, int)} with the Gram matrix, norms and coefficients in {@code scratch} (its g unused). */
    private static HaarProjection of(double[] g, int d, int n, Scratch scratch) {
        java.util.Arrays.fill(scratch.gram, 0);
        gram(g, d, n, scratch.gram);
        double[] r = cholesky(scratch.gram, n, scratch.norms);
        if (r != null) {
            return new HaarProjection(d, n, g, r, scratch.coef);
        }
        double[] columns = new double[d * n];
        for (int k = 0; k < d; k++) {
            for (int j = 0; j < n; j++) {
                columns[j * d + k] = g[k * n + j];
            }
        }
        StructuredSimulator.gramSchmidtTwice(columns, d, n);
        double[] u = new double[d * n];
        for (int k = 0; k < d; k++) {
            for (int j = 0; j < n; j++) {
                u[k * n + j] = columns[j * d + k];
            }
        }
        return new HaarProjection(d, n, u, null, scratch.coef);
    }

    /** Whether the Cholesky route was taken (false: the Gram–Schmidt fallback). */
    boolean viaCholesky() {
        return factor != null;
    }

    /**
     * r += the upper triangle of GᵀG = Σ_k g_k g_kᵀ over the rows (r cleared by the caller), four rows per sweep of
     * the triangle (in L2 at N ≳ 64).
     */
    private static void gram(double[] a, int d, int n, double[] r) {
        int k = 0;
        for (; k + 3 < d; k += 4) {
            int r0 = k * n;
            int r1 = r0 + n;
            int r2 = r1 + n;
            int r3 = r2 + n;
            for (int i = 0; i < n; i++) {
                double a0 = a[r0 + i];
                double a1 = a[r1 + i];
                double a2 = a[r2 + i];
                double a3 = a[r3 + i];
                int ri = i * n;
                for (int j = i; j < n; j++) {
                    r[ri + j] += a0 * a[r0 + j] + a1 * a[r1 + j] + a2 * a[r2 + j] + a3 * a[r3 + j];
                }
            }
        }
        for (; k < d; k++) {
            int row = k * n;
            for (int i = 0; i < n; i++) {
                double ai = a[row + i];
                int ri = i * n;
                for (int j = i; j < n; j++) {
                    r[ri + j] += ai * a[row + j];
                }
            }
        }
    }

    /**
     * Upper Cholesky factor R (RᵀR = the Gram matrix whose upper triangle is {@code r}, overwritten), right-looking:
     * row i of R, then the trailing block minus its outer product; null if a pivot ratio falls below the threshold.
     */
    private static double[] cholesky(double[] r, int n, double[] norms) {
        for (int i = 0; i < n; i++) {
            norms[i] = r[i * n + i];
        }
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            double pivot = r[ri + i];
            if (!(pivot > MIN_PIVOT_RATIO * norms[i])) {
                return null;
            }
            double rii = Math.sqrt(pivot);
            r[ri + i] = rii;
            for (int j = i + 1; j < n; j++) {
                r[ri + j] /= rii;
            }
            for (int m = i + 1; m < n; m++) {
                double rim = r[ri + m];
                int rm = m * n;
                for (int j = m; j < n; j++) {
                    r[rm + j] -= rim * r[ri + j];
                }
            }
        }
        return r;
    }

    /** v ← Qv = B c with c = Bᵀv, and c ← (RᵀR)⁻¹c (two triangular solves) on the Cholesky route. */
    void apply(double[] v) {
        // each loop in a method of its own, compiled once by the JIT (see StructuredSimulator.trial)
        double[] c = coef;
        java.util.Arrays.fill(c, 0);
        // c_j += B_kj v_k over k, j (B_kj·(1.0·v_k) = B_kj·v_k: the same products and sums in the same order)
        Kernels.addTransposeTimes(basis, dim, width, v, 1.0, c);
        if (factor != null) {
            forwardSubstitute(factor, c, width);
            backSubstitute(factor, c, width);
        }
        // v = B c (B_k·c is c·B_k term by term: the same products in the same order)
        Kernels.multiplyInto(basis, dim, width, c, v);
    }

    /** Rᵀz = c in place, column-oriented: z_i = c_i / R_ii, then c_{>i} −= z_i R_{i,>i}. */
    private static void forwardSubstitute(double[] r, double[] c, int n) {
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            double zi = c[i] / r[ri + i];
            c[i] = zi;
            for (int j = i + 1; j < n; j++) {
                c[j] -= zi * r[ri + j];
            }
        }
    }

    /** R y = z in place, backward: y_i = (z_i − R_{i,>i}·y_{>i}) / R_ii. */
    private static void backSubstitute(double[] r, double[] c, int n) {
        for (int i = n - 1; i >= 0; i--) {
            int ri = i * n;
            double s = c[i];
            for (int j = i + 1; j < n; j++) {
                s -= r[ri + j] * c[j];
            }
            c[i] = s / r[ri + i];
        }
    }
}
