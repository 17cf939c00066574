package org.iclscale.simulate;

import java.util.SplittableRandom;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Setting;
import org.iclscale.spectrum.Spectrum;

/**
 * Finite-dimension Monte Carlo of the structured reduced-Γ predictor with Γ = γI (paper §2.2, §2.4, §2.5),
 * in the eigenbasis of Λ:
 * <ul>
 *   <li><b>FS</b>: fixed Σ = Λ and Ω = diag(ω_k): x ~ N(0, Λ), w⋆ ~ N(0, Ω).</li>
 *   <li><b>RRS</b>: per context Σ_c = OΛOᵀ, Ω_c = OΩOᵀ with O Haar, and the frozen rank-N read-in (AᵀA a
 *       coordinate projection, notes §2.5). Moving O onto the projection (App. E), the context is drawn in
 *       the eigenbasis and the projection becomes Q = UUᵀ, U the Q factor (sign-fixed so diag R &gt; 0, hence
 *       Haar) of a D×N Gaussian. For N = D, Q = I and RRS coincides with FS along Γ = γI.</li>
 * </ul>
 * Labels y = Xw⋆ + σε from P context rows; L steps of in-context GD w ← w + (γ/(LP)) Q Xᵀ(y − Xw) from
 * w = 0 (the push-through form of the predictor). P = ∞ (α = inf) replaces XᵀX/P by Λ and drops the
 * in-context noise (O(1/P)): w ← w + (γ/L) QΛ(w⋆ − w). Query loss Σ_k λ_k(w_k − w⋆_k)² + σ² exactly.
 *
 * <p>Cost per trial O(L·P·D + D·N²) (matrix–vector products; the projection's Cholesky factor of GᵀG, G the
 * D×N Gaussian, in {@link HaarProjection}, is the only factorisation). Trials run in parallel; trial i uses {@link Seeds#forTrial}(seed, i).
 */
public final class StructuredSimulator {

    private final Setting setting;
    private final double[] sqrtLambda;
    private final double[] lambda;
    private final double[] sqrtOmega;
    private final int dim;
    private final int width;
    private final int contextLength; // Integer.MAX_VALUE: P = ∞
    private final int depth;
    private final double gamma;
    private final double sigma;

    /**
     * @param width N (≥ D or {@link Integer#MAX_VALUE}: no bottleneck; FS requires no bottleneck)
     * @param alpha α = P/D, P = round(αD); +∞ for infinite context
     */
    public StructuredSimulator(Spectrum spectrum, Setting setting, int width, double alpha, int depth, double gamma,
            double sigma) {
        if (setting == Setting.ISO) {
            throw new InvalidInputException("setting", "iso", "fs or rrs for the structured simulator");
        }
        this.dim = spectrum.dim();
        if (setting == Setting.FS && width < dim) {
            throw new InvalidInputException("width", width, "inf for setting fs (width is an RRS read-in)");
        }
        if (!(alpha > 0)) {
            throw new InvalidInputException("alpha", alpha, "a number > 0, or inf");
        }
        if (depth < 1) {
            throw new InvalidInputException("depth", depth, "a finite integer >= 1 for simulation");
        }
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

    /** P, or {@link Integer#MAX_VALUE} for infinite context. */
    public int contextLength() {
        return contextLength;
    }

    public int width() {
        return width;
    }

    public Setting setting() {
        return setting;
    }

    public MonteCarloResult run(int trials, long seed) {
        return MonteCarloResult.parallel(trials, seed, this::workspace, this::trial);
    }

    /**
     * The arrays of one trial, reused by the next trial of the same chunk ({@link MonteCarloResult#parallel(int,
     * long, java.util.function.Supplier, MonteCarloResult.WorkspaceTrial)}): each is overwritten or cleared before
     * it is read, so a trial computes the same bits as in fresh arrays.
     */
    private static final class Workspace {
        final double[] target;
        final double[] w;
        final double[] grad;
        final double[] x; // P×D context (empty at P = ∞)
        final double[] y;
        final double[] residual;
        final HaarProjection.Scratch projection; // null without a bottleneck

        Workspace(int d, int p, int n) {
            target = new double[d];
            w = new double[d];
            grad = new double[d];
            x = new double[p * d];
            y = new double[p];
            residual = new double[p];
            projection = n > 0 ? new HaarProjection.Scratch(d, n) : null;
        }
    }

    private Workspace workspace() {
        return new Workspace(dim, contextLength == Integer.MAX_VALUE ? 0 : contextLength, projected() ? width : 0);
    }

    /** Whether a trial passes through a Haar bottleneck (RRS with N < D): decides its projection and its scratch. */
    private boolean projected() {
        return setting == Setting.RRS && width < dim;
    }

    /**
     * Orthonormal D×N basis U (column-major: column j at [j*D, (j+1)*D)) of a Haar-random N-plane by twice-applied
     * modified Gram–Schmidt: the frame of {@link ProjectionAverage}, and the former route of this simulator (now
     * {@link HaarProjection}, the same UUᵀ up to rounding).
     */
    static double[] haarFrame(SplittableRandom rng, int d, int n) {
        double[] u = new double[d * n];
        for (int i = 0; i < u.length; i++) {
            u[i] = rng.nextGaussian();
        }
        gramSchmidtTwice(u, d, n);
        return u;
    }

    /** The columns of the column-major D×N matrix u orthonormalised in place (the QR's Q with diag R &gt; 0). */
    static void gramSchmidtTwice(double[] u, int d, int n) {
        // modified Gram-Schmidt, applied twice for orthogonality to machine precision; this is the QR with
        // positive diagonal R (the sign fix that makes the Q factor Haar-distributed). Column i's update of column
        // j and the next column's dot product with the updated entries share one pass over k: the same operations
        // in the same order as an update loop followed by a dot-product loop (the same doubles; one memory pass
        // fewer per projection, issue 17: Fig. 5's 400 frames at D = 180, N = 64)
        for (int j = 0; j < n; j++) {
            int bj = j * d;
            for (int pass = 0; pass < 2 && j > 0; pass++) {
                double dot = 0;
                for (int k = 0; k < d; k++) {
                    dot += u[k] * u[bj + k];
                }
                for (int i = 0; i < j; i++) {
                    int bi = i * d;
                    if (i + 1 < j) {
                        int bn = bi + d;
                        double next = 0;
                        for (int k = 0; k < d; k++) {
                            double v = u[bj + k] - dot * u[bi + k];
                            u[bj + k] = v;
                            next += u[bn + k] * v;
                        }
                        dot = next;
                    } else {
                        for (int k = 0; k < d; k++) {
                            u[bj + k] -= dot * u[bi + k];
                        }
                    }
                }
            }
            double norm = 0;
            for (int k = 0; k < d; k++) {
                norm += u[bj + k] * u[bj + k];
            }
            norm = Math.sqrt(norm);
            for (int k = 0; k < d; k++) {
                u[bj + k] /= norm;
            }
        }
    }

    /** One context: returns Σ_k λ_k(w_k − w⋆_k)² + σ². */
    double trial(SplittableRandom rng) {
        return trial(rng, workspace());
    }

    /** {@link #trial(SplittableRandom)} in the arrays of {@code ws}. */
    private double trial(SplittableRandom rng, Workspace ws) {
        // every loop is in a small method of its own (the JIT compiles each once, from its call counts, where one
        // method holding them all was compiled on stack again for each long loop: 3 C2 compilations of the whole
        // trial in the README's RRS example, issue 17's cold run); the same operations in the same order
        int d = dim;
        boolean projected = projected();
        HaarProjection projection = projected ? HaarProjection.sample(rng, d, width, ws.projection) : null;
        double[] target = ws.target;
        scaledGaussians(rng, sqrtOmega, target, 0, d);
        double[] w = ws.w;
        java.util.Arrays.fill(w, 0);
        double[] grad = ws.grad;
        if (contextLength == Integer.MAX_VALUE) {
            double c = gamma / depth;
            for (int l = 0; l < depth; l++) {
                weightedDifference(lambda, target, w, grad);
                if (projected) {
                    projection.apply(grad);
                }
                Kernels.addScaled(c, grad, w);
            }
        } else {
            int p = contextLength;
            double[] x = ws.x;
            scaledGaussianRows(rng, sqrtLambda, x, p, d);
            double[] y = ws.y;
            Kernels.multiplyInto(x, p, d, target, y);
            addGaussians(rng, sigma, y);
            double[] residual = ws.residual;
            double step = gamma / ((double) depth * p);
            for (int l = 0; l < depth; l++) {
                Kernels.multiplyInto(x, p, d, w, residual);
                Kernels.subtractFrom(y, residual);
                java.util.Arrays.fill(grad, 0);
                Kernels.addTransposeTimes(x, p, d, residual, 1.0, grad);
                if (projected) {
                    projection.apply(grad);
                }
                Kernels.addScaled(step, grad, w);
            }
        }
        return weightedSquaredDistance(lambda, w, target) + sigma * sigma;
    }

    /** out[offset + k] = scale[k]·g_k for k &lt; d, g_k the next d Gaussians of {@code rng} in order. */
    static void scaledGaussians(SplittableRandom rng, double[] scale, double[] out, int offset, int d) {
        for (int k = 0; k < d; k++) {
            out[offset + k] = scale[k] * rng.nextGaussian();
        }
    }

    /** The rows × d row-major x, row by row: x_ik = scale[k]·g (x ~ N(0, diag(scale²)) per row). */
    private static void scaledGaussianRows(SplittableRandom rng, double[] scale, double[] x, int rows, int d) {
        for (int i = 0; i < rows; i++) {
            scaledGaussians(rng, scale, x, i * d, d);
        }
    }

    /** v_i += σ·g_i in order (label noise; σ = 0 still draws, keeping the stream of the trial). */
    private static void addGaussians(SplittableRandom rng, double sigma, double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] += sigma * rng.nextGaussian();
        }
    }

    /** out_k = λ_k(w⋆_k − w_k): the P = ∞ gradient direction Λ(w⋆ − w). */
    private static void weightedDifference(double[] lambda, double[] target, double[] w, double[] out) {
        for (int k = 0; k < out.length; k++) {
            out[k] = lambda[k] * (target[k] - w[k]);
        }
    }

    /** Σ_k λ_k(w_k − w⋆_k)², summed in k order. */
    private static double weightedSquaredDistance(double[] lambda, double[] w, double[] target) {
        double loss = 0;
        for (int k = 0; k < w.length; k++) {
            double e = w[k] - target[k];
            loss += lambda[k] * e * e;
        }
        return loss;
    }
}
