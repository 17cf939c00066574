package org.iclscale.simulate;

import java.util.SplittableRandom;
import org.iclscale.core.InvalidInputException;

/**
 * Finite-dimension Monte Carlo of the ISO reduced-Γ predictor with Γ = γI (paper §2.2): per trial draw a
 * context X ∈ ℝ^{P×D} with N(0, 1) entries (P = round(αD)), a task w⋆ = β⋆/√D with β⋆ ~ N(0, I), labels
 * y = Xw⋆ + σε, run L steps of in-context GD w ← w + (γ/(LP)) Xᵀ(y − Xw) from w = 0 (the push-through
 * form of the paper's predictor), and record the exact query loss ‖w − w⋆‖² + σ² (Σ = I).
 *
 * <p>Cost O(L·P·D) per trial: matrix–vector products only, never D×D matrices. Trials run in parallel;
 * trial i uses its own generator seeded from (seed, i), so results do not depend on the thread count.
 */
public final class IsoSimulator {

    private final int dim;
    private final int contextLength;
    private final int depth;
    private final double gamma;
    private final double sigma;

    public IsoSimulator(int dim, double alpha, int depth, double gamma, double sigma) {
        if (dim < 1) {
            throw new InvalidInputException("dim", dim, "an integer >= 1");
        }
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new InvalidInputException("alpha", alpha, "a finite number > 0 for simulation");
        }
        this.dim = dim;
        this.contextLength = (int) Math.max(1, Math.round(alpha * dim));
        this.depth = depth;
        this.gamma = gamma;
        this.sigma = sigma;
    }

    public int contextLength() {
        return contextLength;
    }

    public MonteCarloResult run(int trials, long seed) {
        return MonteCarloResult.parallel(trials, seed, this::workspace, this::trial);
    }

    /** The arrays of one trial, reused by the next trial of the same chunk (every one overwritten or cleared). */
    private static final class Workspace {
        final double[] x;
        final double[] target;
        final double[] y;
        final double[] w;
        final double[] residual;

        Workspace(int p, int d) {
            x = new double[p * d];
            target = new double[d];
            y = new double[p];
            w = new double[d];
            residual = new double[p];
        }
    }

    private Workspace workspace() {
        return new Workspace(contextLength, dim);
    }

    /** One context: returns ‖w_L − w⋆‖² + σ². */
    double trial(SplittableRandom rng) {
        return trial(rng, workspace());
    }

    /** {@link #trial(SplittableRandom)} in the arrays of {@code ws} (the same operations: x, w⋆, y overwritten, w cleared). */
    private double trial(SplittableRandom rng, Workspace ws) {
        // every loop in a small method of its own, compiled once by the JIT (see StructuredSimulator.trial); the
        // same operations in the same order
        int p = contextLength;
        int d = dim;
        double[] x = ws.x;
        gaussians(rng, x);
        double[] target = ws.target;
        scaledGaussians(rng, 1.0 / Math.sqrt(d), target);
        double[] y = ws.y;
        Kernels.multiplyInto(x, p, d, target, y);
        addGaussians(rng, sigma, y);
        double[] w = ws.w;
        java.util.Arrays.fill(w, 0);
        double[] residual = ws.residual;
        double step = gamma / ((double) depth * p);
        for (int l = 0; l < depth; l++) {
            Kernels.multiplyInto(x, p, d, w, residual);
            Kernels.subtractFrom(y, residual);
            Kernels.addTransposeTimes(x, p, d, residual, step, w);
        }
        return squaredDistance(w, target) + sigma * sigma;
    }

    /** v_i = g_i, the next v.length Gaussians in order. */
    private static void gaussians(SplittableRandom rng, double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextGaussian();
        }
    }

    /** v_j = g_j·scale in order. */
    private static void scaledGaussians(SplittableRandom rng, double scale, double[] v) {
        for (int j = 0; j < v.length; j++) {
            v[j] = rng.nextGaussian() * scale;
        }
    }

    /** v_i += σ·g_i in order (σ = 0 still draws, keeping the trial's stream). */
    private static void addGaussians(SplittableRandom rng, double sigma, double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] += sigma * rng.nextGaussian();
        }
    }

    /** ‖w − w⋆‖², summed in index order. */
    private static double squaredDistance(double[] w, double[] target) {
        double loss = 0;
        for (int j = 0; j < w.length; j++) {
            double e = w[j] - target[j];
            loss += e * e;
        }
        return loss;
    }
}
