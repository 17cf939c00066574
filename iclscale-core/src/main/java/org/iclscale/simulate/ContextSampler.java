package org.iclscale.simulate;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.QueryLabels;
import org.iclscale.core.Setting;
import org.iclscale.spectrum.Spectrum;

/**
 * Draws in-context regression tasks for pretraining (paper §2.4; paper-notes §2.4): P labelled pairs and K
 * queries per context, labels y = x·w⋆ + σε.
 *
 * <ul>
 *   <li>ISO: x ~ N(0, I), w⋆ = β/√D with β ~ N(0, I) (the paper's y = D^{−1/2}β·x + σε).</li>
 *   <li>FS: x = Λ^{1/2}z, w⋆_k = √ω_k · s_k with random signs s_k = ±1 (⟨w⋆w⋆ᵀ⟩ = Ω, as in the authors'
 *       scripts; Σ_k λ_kω_k = 1 for the default power law, so the loss at Γ = 0 is 1 + σ²).</li>
 *   <li>RRS: as FS, then both rotated by a fresh Haar O per context: x = OΛ^{1/2}z, w⋆ = O w̄. O is the Q
 *       factor of a Gaussian matrix with the signs of diag(R) folded in (Hipparchus QRDecomposition), which
 *       makes it exactly Haar distributed.</li>
 * </ul>
 * Matrices are row-major arrays; x has P rows, the queries K rows. Query labels are noisy like every label
 * ({@link QueryLabels#NOISY}) unless {@link #withQueryLabels} says otherwise; the noise of a query label is drawn
 * last, so both conventions see the same inputs, targets and context labels from the same generator.
 */
public final class ContextSampler {

    /** One context: training inputs/labels, query inputs/labels, the task and (RRS) the rotation. */
    public record Context(double[] x, double[] y, double[] xq, double[] yq, double[] target, double[] rotation) {
    }

    private final Setting setting;
    private final int dim;
    private final int contextLength;
    private final int queries;
    private final double sigma;
    private final double[] sqrtLambda;
    private final double[] lambda;
    private final double[] sqrtOmega;
    private final QueryLabels queryLabels;
    private final Spectrum spectrum; // null for ISO

    public ContextSampler(Setting setting, int dim, int contextLength, int queries, double sigma, Spectrum spectrum) {
        this(setting, dim, contextLength, queries, sigma, spectrum, QueryLabels.NOISY);
    }

    private ContextSampler(Setting setting, int dim, int contextLength, int queries, double sigma, Spectrum spectrum,
            QueryLabels queryLabels) {
        this.queryLabels = java.util.Objects.requireNonNull(queryLabels, "queryLabels");
        this.spectrum = setting == Setting.ISO ? null : spectrum;
        if (dim < 1) {
            throw new InvalidInputException("dim", dim, "an integer >= 1");
        }
        this.setting = setting;
        this.dim = dim;
        this.contextLength = contextLength;
        this.queries = queries;
        this.sigma = sigma;
        if (setting == Setting.ISO) {
            sqrtLambda = null;
            lambda = null;
            sqrtOmega = null;
        } else {
            if (spectrum == null || spectrum.dim() != dim) {
                throw new InvalidInputException("dim", dim, "the dimension of the spectrum for fs/rrs");
            }
            lambda = spectrum.lambda().clone();
            sqrtLambda = new double[dim];
            sqrtOmega = new double[dim];
            for (int k = 0; k < dim; k++) {
                sqrtLambda[k] = Math.sqrt(lambda[k]);
                sqrtOmega[k] = Math.sqrt(spectrum.omega()[k]);
            }
        }
    }

    /** The same distribution with query labels in convention {@code labels} (context labels stay noisy). */
    public ContextSampler withQueryLabels(QueryLabels labels) {
        return new ContextSampler(setting, dim, contextLength, queries, sigma, spectrum, labels);
    }

    public QueryLabels queryLabels() {
        return queryLabels;
    }

    public int dim() {
        return dim;
    }

    public int contextLength() {
        return contextLength;
    }

    public int queries() {
        return queries;
    }

    public double sigma() {
        return sigma;
    }

    public Setting setting() {
        return setting;
    }

    /** A context with {@code queries()} query points. */
    public Context sample(SplittableRandom rng) {
        return sample(rng, queries);
    }

    /** A context with k query points (k = 0 for test contexts scored by the exact query loss). */
    public Context sample(SplittableRandom rng, int k) {
        int d = dim;
        double[] rotation = setting == Setting.RRS ? haar(rng, d) : null;
        double[] target = new double[d];
        if (setting == Setting.ISO) {
            double scale = 1.0 / Math.sqrt(d);
            for (int j = 0; j < d; j++) {
                target[j] = rng.nextGaussian() * scale;
            }
        } else {
            double[] bar = new double[d];
            for (int j = 0; j < d; j++) {
                bar[j] = rng.nextBoolean() ? sqrtOmega[j] : -sqrtOmega[j];
            }
            target = rotation == null ? bar : rotate(rotation, d, bar);
        }
        double[] x = inputs(rng, contextLength, rotation);
        double[] y = labels(rng, x, contextLength, target, true);
        double[] xq = inputs(rng, k, rotation);
        double[] yq = labels(rng, xq, k, target, queryLabels == QueryLabels.NOISY);
        return new Context(x, y, xq, yq, target, rotation);
    }

    private double[] inputs(SplittableRandom rng, int rows, double[] rotation) {
        int d = dim;
        double[] x = new double[rows * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        if (sqrtLambda != null) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < d; j++) {
                    x[i * d + j] *= sqrtLambda[j];
                }
            }
        }
        if (rotation != null) {
            // row x_i ← O x_i, i.e. X ← X Oᵀ
            double[] z = new double[d];
            for (int i = 0; i < rows; i++) {
                System.arraycopy(x, i * d, z, 0, d);
                for (int a = 0; a < d; a++) {
                    double s = 0;
                    int base = a * d;
                    for (int b = 0; b < d; b++) {
                        s += rotation[base + b] * z[b];
                    }
                    x[i * d + a] = s;
                }
            }
        }
        return x;
    }

    private double[] labels(SplittableRandom rng, double[] x, int rows, double[] target, boolean noisy) {
        double[] y = Kernels.multiply(x, rows, dim, target);
        if (sigma > 0 && noisy) {
            for (int i = 0; i < rows; i++) {
                y[i] += sigma * rng.nextGaussian();
            }
        }
        return y;
    }

    /**
     * The ICL test loss of a trained model: the exact {@link #queryLoss} of its linear predictor on {@code contexts}
     * fresh test contexts (no query points), context i drawn from {@link Seeds#forTrial}(s, i) with
     * s = Seeds.forTrial(seed, −1).nextLong() (a stream disjoint from the training batches); in parallel.
     */
    public MonteCarloResult testLoss(long seed, int contexts, Function<Context, double[]> predictor) {
        long testSeed = Seeds.forTrial(seed, -1).nextLong();
        double[] samples = new double[contexts];
        IntStream.range(0, contexts).parallel().forEach(i -> {
            Context c = sample(Seeds.forTrial(testSeed, i), 0);
            samples[i] = queryLoss(c, predictor.apply(c));
        });
        return MonteCarloResult.of(samples);
    }

    /**
     * Exact query loss of the linear predictor f(x) = x·w on this context's distribution:
     * (w − w⋆)ᵀΣ(w − w⋆) + σ², Σ = I (ISO), Λ (FS) or OΛOᵀ (RRS).
     */
    public double queryLoss(Context c, double[] w) {
        int d = dim;
        double[] e = new double[d];
        for (int j = 0; j < d; j++) {
            e[j] = w[j] - c.target()[j];
        }
        double loss = 0;
        if (lambda == null) {
            for (int j = 0; j < d; j++) {
                loss += e[j] * e[j];
            }
        } else if (c.rotation() == null) {
            for (int j = 0; j < d; j++) {
                loss += lambda[j] * e[j] * e[j];
            }
        } else {
            double[] r = c.rotation();
            for (int k = 0; k < d; k++) {
                double s = 0; // (Oᵀe)_k
                for (int a = 0; a < d; a++) {
                    s += r[a * d + k] * e[a];
                }
                loss += lambda[k] * s * s;
            }
        }
        return loss + sigma * sigma;
    }

    /** Haar-distributed orthogonal D×D matrix (row-major): Q of a Gaussian matrix, columns times sign(R_jj). */
    static double[] haar(SplittableRandom rng, int d) {
        double[][] g = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                g[i][j] = rng.nextGaussian();
            }
        }
        RealMatrix m = MatrixUtils.createRealMatrix(g);
        QRDecomposition qr = new QRDecomposition(m);
        RealMatrix q = qr.getQ();
        RealMatrix r = qr.getR();
        double[] o = new double[d * d];
        for (int j = 0; j < d; j++) {
            double sign = r.getEntry(j, j) < 0 ? -1.0 : 1.0;
            for (int i = 0; i < d; i++) {
                o[i * d + j] = sign * q.getEntry(i, j);
            }
        }
        return o;
    }

    private static double[] rotate(double[] o, int d, double[] v) {
        return Kernels.multiply(o, d, d, v);
    }
}
