package org.iclscale.figures;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.iclscale.core.Depth;
import org.iclscale.simulate.Seeds;
import org.iclscale.spectrum.Spectrum;
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
 */
final class FiniteSizeLandscape implements GammaLandscape {

    private final int dim;
    private final int depth;
    private final double[][] mu; // [sample][a]
    private final double[][] weight; // [sample][a*D+b] = (VᵀΛV)_ab (VᵀΩV)_ab; null for ISO
    private final double maxMu;
    private final String method;

    /**
     * @param spectrum  Λ, ω (null: ISO, Λ = I, ω = 1/D)
     * @param dim       D (the spectrum's dimension when it is given)
     * @param contextLength P
     * @param depth     L
     * @param samples   sampled contexts
     * @param seed      seed of the samples
     */
    FiniteSizeLandscape(Spectrum spectrum, int dim, int contextLength, int depth, int samples, long seed) {
        this.dim = dim;
        this.depth = depth;
        double[] lambda = spectrum == null ? null : spectrum.lambda();
        double[] omega = spectrum == null ? null : spectrum.omega();
        mu = new double[samples][];
        weight = spectrum == null ? null : new double[samples][];
        IntStream.range(0, samples).parallel().forEach(s -> {
            SplittableRandom rng = Seeds.forTrial(seed, s);
            double[][] cov = new double[dim][dim];
            double[] x = new double[dim];
            for (int i = 0; i < contextLength; i++) {
                for (int j = 0; j < dim; j++) {
                    x[j] = rng.nextGaussian() * (lambda == null ? 1 : Math.sqrt(lambda[j]));
                }
                for (int a = 0; a < dim; a++) {
                    for (int b = 0; b <= a; b++) {
                        cov[a][b] += x[a] * x[b];
                    }
                }
            }
            for (int a = 0; a < dim; a++) {
                for (int b = 0; b <= a; b++) {
                    cov[a][b] /= contextLength;
                    cov[b][a] = cov[a][b];
                }
            }
            RealMatrix m = MatrixUtils.createRealMatrix(cov);
            EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(m);
            double[] ev = eig.getEigenvalues();
            mu[s] = ev.clone();
            if (lambda != null) {
                RealMatrix v = eig.getV(); // columns: eigenvectors
                double[] w = new double[dim * dim];
                for (int a = 0; a < dim; a++) {
                    for (int b = 0; b <= a; b++) {
                        double la = 0;
                        double om = 0;
                        for (int k = 0; k < dim; k++) {
                            double vv = v.getEntry(k, a) * v.getEntry(k, b);
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
        maxMu = max;
        method = "exact finite-size expectation along Gamma = gamma I over " + samples + " sampled contexts (D = " + dim
                + ", P = " + contextLength + ", seed " + seed + ")";
    }

    /** [loss, derivative] at γ. */
    private double[] lossAndDerivative(double gamma) {
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
