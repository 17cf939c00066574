package org.iclscale.figures;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.iclscale.core.Depth;
import org.iclscale.simulate.Seeds;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.ChebyshevInterpolant;
import org.iclscale.theory.GammaLandscape;

/**
 * The exact finite-D, finite-P landscape of the reduced model along Γ = γI, σ = 0, estimated over sampled
 * sample covariances (the finite-size reference of the training overlays: the training runs at D = 8..32,
 * the figures' theories are at D = ∞ or P = ∞). With Σ̂ = XᵀX/P = V diag(μ) Vᵀ (rows of X ~ N(0, Λ)),
 * f_a(γ) = (1 − γμ_a/L)^L and the task variances ω (target w⋆ = ±√ω_k in the eigenbasis of Σ):
 *
 * <pre>
 *   𝓛(γ) = E tr Ω (I − γΣ̂/L)^L Λ (I − γΣ̂/L)^L = E Σ_ab f_a f_b (VᵀΛV)_ab (VᵀΩV)_ab,
 * </pre>
 *
 * the query loss (w^L − w⋆)ᵀΣ(w^L − w⋆) of paper §2.2 averaged over the context and the target signs. RRS:
 * the Haar rotation O commutes with Γ = γI and drops out (App. E). ISO (Λ = I, ω = 1/D): 𝓛 = E (1/D)Σ_a f_a².
 * The samples are fixed at construction (common random numbers), so 𝓛 is a smooth function of γ and its
 * derivative Σ 2 f'_a f_b C_ab, f'_a = −μ_a(1 − γμ_a/L)^{L−1}, is exact for the sample.
 *
 * <p>𝓛 is a polynomial of degree 2L in γ, so on [0, 2L/max μ] (the stability edge, where every flow and optimum
 * lives) it and its derivative are their interpolants at 2L + 1 Chebyshev points, exactly up to rounding
 * (barycentric form, Lebesgue constant ~ (2/π) ln 2L): built once from 2L + 1 sums over the samples, each later
 * evaluation costs O(L) instead of O(samples · D²) (Fig. 6b's flows at D = 80, P = 256: 200 · 6400 products per
 * evaluation). Beyond the edge, and for L > {@value #MAX_INTERPOLATED_DEPTH}, the sums are evaluated directly.
 */
final class FiniteSizeLandscape implements GammaLandscape {

    private final int dim;
    private final int depth;
    private final double[][] mu; // [sample][a]
    private final double[][] weight; // [sample][a*D+b] = (VᵀΛV)_ab (VᵀΩV)_ab; null for ISO
    private final double maxMu;
    private final String method;
    /** Chebyshev points on [0, stability edge], the loss and derivative there; null: direct sums only. */
    private final ChebyshevInterpolant lossInterpolant; // null: not interpolated (deep, or no modes)
    private final ChebyshevInterpolant derivativeInterpolant;

    /** Depths above this are evaluated directly (2L + 1 sums at construction would outweigh a short use). */
    static final int MAX_INTERPOLATED_DEPTH = 64;

    /**
     * The sampled sample covariances of one (Λ, ω, D, P, seed): shared by the landscapes of every depth (Fig. 6b's
     * five depths use the same contexts, as the port's runs do; sampling once saves four eigendecompositions each).
     */
    static final class Samples {
        final int dim;
        final double[][] mu;
        final double[][] weight;
        final double maxMu;
        final String method;

        private Samples(int dim, double[][] mu, double[][] weight, double maxMu, String method) {
            this.dim = dim;
            this.mu = mu;
            this.weight = weight;
            this.maxMu = maxMu;
            this.method = method;
        }
    }

    /**
     * @param spectrum  Λ, ω (null: ISO, Λ = I, ω = 1/D)
     * @param dim       D (the spectrum's dimension when it is given)
     * @param contextLength P
     * @param samples   sampled contexts
     * @param seed      seed of the samples
     */
    static Samples sample(Spectrum spectrum, int dim, int contextLength, int samples, long seed) {
        double[] lambda = spectrum == null ? null : spectrum.lambda();
        double[] omega = spectrum == null ? null : spectrum.omega();
        double[][] mu = new double[samples][];
        double[][] weight = spectrum == null ? null : new double[samples][];
        IntStream.range(0, samples).parallel().forEach(s -> {
            RealMatrix m = MatrixUtils.createRealMatrix(sampleCovariance(Seeds.forTrial(seed, s), lambda, dim, contextLength));
            EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(m);
            double[] ev = eig.getEigenvalues();
            mu[s] = ev.clone();
            if (lambda != null) {
                double[][] v = eig.getV().transpose().getData(); // rows: eigenvectors
                double[] w = new double[dim * dim];
                for (int a = 0; a < dim; a++) {
                    for (int b = 0; b <= a; b++) {
                        double la = 0;
                        double om = 0;
                        double[] va = v[a];
                        double[] vb = v[b];
                        for (int k = 0; k < dim; k++) {
                            double vv = va[k] * vb[k];
                            la += lambda[k] * vv;
                            om += omega[k] * vv;
                        }
                        w[a * dim + b] = la * om;
                        w[b * dim + a] = la * om;
                    }
                }
                weight[s] = w;
            }
        });
        double max = 0;
        for (double[] m : mu) {
            for (double v : m) {
                max = Math.max(max, v);
            }
        }
        return new Samples(dim, mu, weight, max, "exact finite-size expectation along Gamma = gamma I over " + samples
                + " sampled contexts (D = " + dim + ", P = " + contextLength + ", seed " + seed + ")");
    }

    /**
     * Σ̂ = XᵀX/P of one context: P rows x_i ~ N(0, Λ) (Λ = I when {@code lambda} is null), drawn row by row. Each entry
     * Σ_i x_ia x_ib is summed in the order of i, in a register over the stored columns of X (the same doubles as
     * adding each row's products into the matrix, FiniteSizeLandscapeCovarianceTest; one load and store of the
     * entry per sum instead of per row: Fig. 6b's 200 contexts at D = 80, P = 256).
     */
    static double[][] sampleCovariance(SplittableRandom rng, double[] lambda, int dim, int contextLength) {
        double[][] columns = new double[dim][contextLength];
        for (int i = 0; i < contextLength; i++) {
            for (int j = 0; j < dim; j++) {
                columns[j][i] = rng.nextGaussian() * (lambda == null ? 1 : Math.sqrt(lambda[j]));
            }
        }
        double[][] cov = new double[dim][dim];
        for (int a = 0; a < dim; a++) {
            double[] xa = columns[a];
            for (int b = 0; b <= a; b++) {
                double[] xb = columns[b];
                double sum = 0;
                for (int i = 0; i < contextLength; i++) {
                    sum += xa[i] * xb[i];
                }
                cov[a][b] = sum / contextLength;
                cov[b][a] = cov[a][b];
            }
        }
        return cov;
    }

    /** The landscape at depth L over freshly sampled contexts ({@link #sample}). */
    FiniteSizeLandscape(Spectrum spectrum, int dim, int contextLength, int depth, int samples, long seed) {
        this(sample(spectrum, dim, contextLength, samples, seed), depth);
    }

    /** The landscape at depth L over the given samples. */
    FiniteSizeLandscape(Samples samples, int depth) {
        this.dim = samples.dim;
        this.depth = depth;
        this.mu = samples.mu;
        this.weight = samples.weight;
        this.maxMu = samples.maxMu;
        this.method = samples.method;
        if (depth <= MAX_INTERPOLATED_DEPTH && maxMu > 0) {
            int n = 2 * depth;
            double[] nodes = ChebyshevInterpolant.points(0, stabilityEdge(), n);
            double[] nodeLoss = new double[n + 1];
            double[] nodeDerivative = new double[n + 1];
            for (int j = 0; j <= n; j++) {
                double[] v = direct(nodes[j]);
                nodeLoss[j] = v[0];
                nodeDerivative[j] = v[1];
            }
            lossInterpolant = new ChebyshevInterpolant(nodes, nodeLoss);
            derivativeInterpolant = new ChebyshevInterpolant(nodes, nodeDerivative);
        } else {
            lossInterpolant = null;
            derivativeInterpolant = null;
        }
    }

    /** [loss, derivative] at γ: the interpolants on [0, stability edge], else the direct sums. */
    private double[] lossAndDerivative(double gamma) {
        if (lossInterpolant == null || !lossInterpolant.covers(gamma)) {
            return direct(gamma);
        }
        return new double[] {lossInterpolant.value(gamma), derivativeInterpolant.value(gamma)};
    }

    /** [loss, derivative] at γ, summed over the samples. */
    double[] direct(double gamma) {
        int d = dim;
        int l = depth;
        double loss = 0;
        double deriv = 0;
        double[] f = new double[d];
        double[] fp = new double[d];
        for (int s = 0; s < mu.length; s++) {
            for (int a = 0; a < d; a++) {
                double base = 1 - gamma * mu[s][a] / l;
                double pow = Math.pow(base, l - 1);
                f[a] = pow * base;
                fp[a] = -mu[s][a] * pow;
            }
            if (weight == null) {
                for (int a = 0; a < d; a++) {
                    loss += f[a] * f[a] / d;
                    deriv += 2 * fp[a] * f[a] / d;
                }
            } else {
                double[] w = weight[s];
                for (int a = 0; a < d; a++) {
                    double sf = 0;
                    for (int b = 0; b < d; b++) {
                        sf += w[a * d + b] * f[b];
                    }
                    loss += f[a] * sf;
                    deriv += 2 * fp[a] * sf;
                }
            }
        }
        return new double[] {loss / mu.length, deriv / mu.length};
    }

    @Override
    public double loss(double gamma) {
        return lossAndDerivative(gamma)[0];
    }

    @Override
    public double lossDerivative(double gamma) {
        return lossAndDerivative(gamma)[1];
    }

    @Override
    public double noiseVariance() {
        return 0;
    }

    @Override
    public double stabilityEdge() {
        return 2.0 * depth / maxMu;
    }

    @Override
    public String method() {
        return method;
    }

    /** The depth L of this landscape. */
    Depth depth() {
        return Depth.of(depth);
    }
}
