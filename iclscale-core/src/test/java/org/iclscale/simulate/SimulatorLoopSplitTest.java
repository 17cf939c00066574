package org.iclscale.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.iclscale.core.Setting;
import org.iclscale.spectrum.Spectrum;
import org.junit.jupiter.api.Test;

/**
 * The simulators' trials with every loop in a method of its own (issue 17, the cold run: fewer and smaller JIT
 * compilations) against the former single-method trials of 2ec8a4a kept verbatim below ({@link FormerStructured},
 * {@link FormerProjection}, {@link FormerIso}): the same operations in the same order, so the same doubles, bit for
 * bit.
 */
class SimulatorLoopSplitTest {

    @Test
    void structuredTrialsAreBitIdenticalToTheFormerLoops() {
        Spectrum s200 = Spectrum.powerLaw(1.25, 0.75, 200);
        Spectrum s64 = Spectrum.powerLaw(1.25, 0.75, 64);
        Spectrum s30 = Spectrum.powerLaw(1.5, 0.8, 30);
        Object[][] cases = {
            {s200, Setting.RRS, 50, 1.0, 2, 3.0, 0.0},
            {s64, Setting.RRS, 16, 2.0, 4, 3.0, 0.5},
            {s64, Setting.RRS, 63, 1.0, 3, 2.0, 0.1},
            {s64, Setting.RRS, 16, Double.POSITIVE_INFINITY, 4, 24.0, 0.0},
            {s64, Setting.RRS, 8, Double.POSITIVE_INFINITY, 1, 2.0, 0.3},
            {s30, Setting.RRS, Integer.MAX_VALUE, 1.5, 2, 1.0, 0.1},
            {s30, Setting.FS, Integer.MAX_VALUE, 1.0, 4, 2.0, 0.0},
            {s30, Setting.FS, Integer.MAX_VALUE, Double.POSITIVE_INFINITY, 3, 2.0, 0.2},
            {Spectrum.powerLaw(1.5, 0.8, 7), Setting.FS, Integer.MAX_VALUE, 0.5, 5, 1.5, 0.4},
        };
        for (Object[] c : cases) {
            Spectrum spectrum = (Spectrum) c[0];
            Setting setting = (Setting) c[1];
            int width = (Integer) c[2];
            double alpha = (Double) c[3];
            int depth = (Integer) c[4];
            double gamma = (Double) c[5];
            double sigma = (Double) c[6];
            StructuredSimulator now = new StructuredSimulator(spectrum, setting, width, alpha, depth, gamma, sigma);
            FormerStructured former = new FormerStructured(spectrum, setting, width, alpha, depth, gamma, sigma);
            for (int t = 0; t < 20; t++) {
                assertEquals(Double.doubleToRawLongBits(former.trial(Seeds.forTrial(3, t))),
                        Double.doubleToRawLongBits(now.trial(Seeds.forTrial(3, t))),
                        setting + " D = " + spectrum.dim() + ", N = " + width + ", alpha = " + alpha + ", trial " + t);
            }
        }
    }

    @Test
    void isoTrialsAreBitIdenticalToTheFormerLoops() {
        double[][] cases = {{200, 1, 4, 2, 0}, {50, 0.5, 3, 1, 0.3}, {17, 2.3, 1, 0.7, 1.1}, {3, 1, 6, 2, 0.5}};
        for (double[] c : cases) {
            IsoSimulator now = new IsoSimulator((int) c[0], c[1], (int) c[2], c[3], c[4]);
            FormerIso former = new FormerIso((int) c[0], c[1], (int) c[2], c[3], c[4]);
            for (int t = 0; t < 20; t++) {
                assertEquals(Double.doubleToRawLongBits(former.trial(Seeds.forTrial(7, t))),
                        Double.doubleToRawLongBits(now.trial(Seeds.forTrial(7, t))),
                        "D = " + c[0] + ", alpha = " + c[1] + ", trial " + t);
            }
        }
    }

    /** StructuredSimulator's fields and trial at 2ec8a4a, verbatim. */
    private static final class FormerStructured {
        private final Setting setting;
        private final double[] sqrtLambda;
        private final double[] lambda;
        private final double[] sqrtOmega;
        private final int dim;
        private final int width;
        private final int contextLength;
        private final int depth;
        private final double gamma;
        private final double sigma;

        FormerStructured(Spectrum spectrum, Setting setting, int width, double alpha, int depth, double gamma,
                double sigma) {
            this.dim = spectrum.dim();
            this.setting = setting;
            this.lambda = spectrum.lambda();
            this.sqrtLambda = new double[dim];
            this.sqrtOmega = new double[dim];
            for (int k = 0; k < dim; k++) {
                sqrtLambda[k] = Math.sqrt(lambda[k]);
                sqrtOmega[k] = Math.sqrt(spectrum.omegaAt(k));
            }
            this.width = Math.min(width, dim);
            this.contextLength = Double.isInfinite(alpha) ? Integer.MAX_VALUE : (int) Math.max(1, Math.round(alpha * dim));
            this.depth = depth;
            this.gamma = gamma;
            this.sigma = sigma;
        }

    /** One context: returns Σ_k λ_k(w_k − w⋆_k)² + σ². */
    double trial(SplittableRandom rng) {
        int d = dim;
        boolean projected = setting == Setting.RRS && width < d;
        FormerProjection projection = projected ? FormerProjection.sample(rng, d, width) : null;
        double[] target = new double[d];
        for (int k = 0; k < d; k++) {
            target[k] = sqrtOmega[k] * rng.nextGaussian();
        }
        double[] w = new double[d];
        double[] grad = new double[d];
        if (contextLength == Integer.MAX_VALUE) {
            double c = gamma / depth;
            for (int l = 0; l < depth; l++) {
                for (int k = 0; k < d; k++) {
                    grad[k] = lambda[k] * (target[k] - w[k]);
                }
                if (projected) {
                    projection.apply(grad);
                }
                for (int k = 0; k < d; k++) {
                    w[k] += c * grad[k];
                }
            }
        } else {
            int p = contextLength;
            double[] x = new double[p * d];
            for (int i = 0; i < p; i++) {
                int b = i * d;
                for (int k = 0; k < d; k++) {
                    x[b + k] = sqrtLambda[k] * rng.nextGaussian();
                }
            }
            double[] y = Kernels.multiply(x, p, d, target);
            for (int i = 0; i < p; i++) {
                y[i] += sigma * rng.nextGaussian();
            }
            double[] residual = new double[p];
            double step = gamma / ((double) depth * p);
            for (int l = 0; l < depth; l++) {
                Kernels.multiplyInto(x, p, d, w, residual);
                for (int i = 0; i < p; i++) {
                    residual[i] = y[i] - residual[i];
                }
                java.util.Arrays.fill(grad, 0);
                Kernels.addTransposeTimes(x, p, d, residual, 1.0, grad);
                if (projected) {
                    projection.apply(grad);
                }
                for (int k = 0; k < d; k++) {
                    w[k] += step * grad[k];
                }
            }
        }
        double loss = 0;
        for (int k = 0; k < d; k++) {
            double e = w[k] - target[k];
            loss += lambda[k] * e * e;
        }
        return loss + sigma * sigma;
    }
    }

    /** HaarProjection at 2ec8a4a, verbatim (renamed). */
    private static final class FormerProjection {

        static final double MIN_PIVOT_RATIO = HaarProjection.MIN_PIVOT_RATIO;

    private final int dim;
    private final int width;
    private final double[] basis; // row-major D×N: G, or U on the fallback
    private final double[] factor; // upper N×N row-major R with RᵀR = GᵀG; null when the basis is orthonormal
    private final double[] coef;

    FormerProjection(int dim, int width, double[] basis, double[] factor) {
        this.dim = dim;
        this.width = width;
        this.basis = basis;
        this.factor = factor;
        this.coef = new double[width];
    }

    /** The projection of D·N fresh Gaussians (drawn column by column, as {@link StructuredSimulator#haarFrame}). */
    static FormerProjection sample(SplittableRandom rng, int d, int n) {
        double[] g = new double[d * n];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < d; k++) {
                g[k * n + j] = rng.nextGaussian();
            }
        }
        return of(g, d, n);
    }

    /** The projection onto the column span of the row-major D×N matrix {@code g} (kept, not copied). */
    static FormerProjection of(double[] g, int d, int n) {
        double[] r = cholesky(gram(g, d, n), n);
        if (r != null) {
            return new FormerProjection(d, n, g, r);
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
        return new FormerProjection(d, n, u, null);
    }

    /** Whether the Cholesky route was taken (false: the Gram–Schmidt fallback). */
    boolean viaCholesky() {
        return factor != null;
    }

    /** Upper triangle of GᵀG = Σ_k g_k g_kᵀ over the rows, four rows per sweep of the triangle (in L2 at N ≳ 64). */
    private static double[] gram(double[] a, int d, int n) {
        double[] r = new double[n * n];
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
        return r;
    }

    /**
     * Upper Cholesky factor R (RᵀR = the Gram matrix whose upper triangle is {@code r}, overwritten), right-looking:
     * row i of R, then the trailing block minus its outer product; null if a pivot ratio falls below the threshold.
     */
    private static double[] cholesky(double[] r, int n) {
        double[] norms = new double[n];
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
        int d = dim;
        int n = width;
        double[] b = basis;
        double[] c = coef;
        java.util.Arrays.fill(c, 0);
        for (int k = 0; k < d; k++) {
            double vk = v[k];
            int row = k * n;
            for (int j = 0; j < n; j++) {
                c[j] += b[row + j] * vk;
            }
        }
        if (factor != null) {
            double[] r = factor;
            // Rᵀz = c, column-oriented: z_i = c_i / R_ii, then c_{>i} −= z_i R_{i,>i}
            for (int i = 0; i < n; i++) {
                int ri = i * n;
                double zi = c[i] / r[ri + i];
                c[i] = zi;
                for (int j = i + 1; j < n; j++) {
                    c[j] -= zi * r[ri + j];
                }
            }
            // R y = z, backward: y_i = (z_i − R_{i,>i}·y_{>i}) / R_ii
            for (int i = n - 1; i >= 0; i--) {
                int ri = i * n;
                double s = c[i];
                for (int j = i + 1; j < n; j++) {
                    s -= r[ri + j] * c[j];
                }
                c[i] = s / r[ri + i];
            }
        }
        // v = B c (B_k·c is c·B_k term by term: the same products in the same order)
        Kernels.multiplyInto(b, d, n, c, v);
    }
    }

    /** IsoSimulator's fields and trial at 2ec8a4a, verbatim. */
    private static final class FormerIso {
        private final int dim;
        private final int contextLength;
        private final int depth;
        private final double gamma;
        private final double sigma;

        FormerIso(int dim, double alpha, int depth, double gamma, double sigma) {
            this.dim = dim;
            this.contextLength = (int) Math.max(1, Math.round(alpha * dim));
            this.depth = depth;
            this.gamma = gamma;
            this.sigma = sigma;
        }

    /** One context: returns ‖w_L − w⋆‖² + σ². */
    double trial(SplittableRandom rng) {
        int p = contextLength;
        int d = dim;
        double[] x = new double[p * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        double[] target = new double[d];
        double scale = 1.0 / Math.sqrt(d);
        for (int j = 0; j < d; j++) {
            target[j] = rng.nextGaussian() * scale;
        }
        double[] y = Kernels.multiply(x, p, d, target);
        for (int i = 0; i < p; i++) {
            y[i] += sigma * rng.nextGaussian();
        }
        double[] w = new double[d];
        double[] residual = new double[p];
        double step = gamma / ((double) depth * p);
        for (int l = 0; l < depth; l++) {
            Kernels.multiplyInto(x, p, d, w, residual);
            for (int i = 0; i < p; i++) {
                residual[i] = y[i] - residual[i];
            }
            Kernels.addTransposeTimes(x, p, d, residual, step, w);
        }
        double loss = 0;
        for (int j = 0; j < d; j++) {
            double e = w[j] - target[j];
            loss += e * e;
        }
        return loss + sigma * sigma;
    }
    }
}
