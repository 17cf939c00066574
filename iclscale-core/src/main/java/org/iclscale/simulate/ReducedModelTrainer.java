package org.iclscale.simulate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.iclscale.core.InvalidInputException;

/**
 * Online SGD on the reduced-Γ model (paper §2.2, §2.6; paper-notes §2.2): the depth-L predictor is L steps of
 * preconditioned in-context GD,
 *
 * <pre>
 *   w⁰ = 0,   w^{ℓ+1} = w^ℓ + Γ^ℓ u^ℓ,   u^ℓ = Xᵀ(y − Xw^ℓ)/(LP),   f(x⋆) = x⋆·w^L,
 * </pre>
 *
 * with one Γ (tied, Γ^ℓ = Γ, the paper's looped model) or L independent Γ^ℓ (untied). The batch loss is
 * ℒ = (1/B)Σ_c (1/K)Σ_μ (f(x_μ) − y_μ)² over the K queries of B fresh contexts.
 *
 * <p><b>Gradient by hand</b> (backprop through the GD steps, matrix–vector products only):
 * g^L = ∂ℒ/∂w^L = (2/K)X⋆ᵀ(X⋆w^L − y⋆); then for ℓ = L−1..0: ∂ℒ/∂Γ^ℓ = g^{ℓ+1}(u^ℓ)ᵀ and
 * g^ℓ = g^{ℓ+1} − (1/LP) XᵀX (Γ^ℓ)ᵀ g^{ℓ+1}. Cost O(L(P + K + D)·D) per context; the D×D outer products are
 * summed once per batch (parallel over rows of Γ in a fixed order, so the result does not depend on the
 * number of threads).
 *
 * <p><b>Learning-rate convention</b> (that of the paper's Result 10): Γ ← Γ − η·(D/2)·∇_Γℒ. For depth 1 this
 * is exactly Γ ← Γ + ηG with the paper's G (∇_Γℒ = −(2/D)G since w⋆ = β/√D), and in general the mean update
 * is −η·½·∂_Γ𝓛 with ∂_Γ the gradient in normalised-trace units (d𝓛/dγ = tr ∂_Γ𝓛 on Γ = γI). Hence n SGD
 * steps of the tied model follow the gradient flow dγ/dt = −½ d𝓛/dγ of Results 1/6 at time <b>t = η·n</b>;
 * for untied layers each Γ^ℓ receives only its 1/L share of d𝓛/dγ, so <b>t = η·n/L</b> (paper §2.6 uses
 * η = η₀L for this reason).
 */
public final class ReducedModelTrainer implements Trainer {

    private final ContextSampler sampler;
    private final int depth;
    private final boolean untied;
    private final double eta;
    private final int batch;
    private final long seed;
    private final int testContexts;
    private final double[][] gammas; // [layer group][D*D]
    private final int dim;

    /**
     * @param sampler      context distribution (setting, D, P, K, σ)
     * @param depth        L ≥ 1
     * @param untied       independent Γ^ℓ per layer
     * @param eta          learning rate η > 0
     * @param batch        B ≥ 1 contexts per step
     * @param gamma0       initial Γ = γ₀ I (0 is the paper's zero initialisation)
     * @param seed         seed of every batch and of the test contexts
     * @param testContexts fresh contexts used to measure the test loss (the same set at every measurement)
     */
    public ReducedModelTrainer(ContextSampler sampler, int depth, boolean untied, double eta, int batch,
            double gamma0, long seed, int testContexts) {
        if (depth < 1) {
            throw new InvalidInputException("depth", depth, "an integer >= 1");
        }
        this.sampler = sampler;
        this.depth = depth;
        this.untied = untied;
        this.eta = eta;
        this.batch = batch;
        this.seed = seed;
        this.testContexts = testContexts;
        this.dim = sampler.dim();
        this.gammas = new double[untied ? depth : 1][dim * dim];
        for (double[] g : gammas) {
            for (int i = 0; i < dim; i++) {
                g[i * dim + i] = gamma0;
            }
        }
    }

    @Override
    public double eta() {
        return eta;
    }

    /** The current Γ^ℓ (row-major D×D); layer is ignored for tied weights. */
    public double[] gamma(int layer) {
        return gammas[untied ? layer : 0].clone();
    }

    /** Replaces Γ^ℓ (for tests). */
    public void setGamma(int layer, double[] value) {
        System.arraycopy(value, 0, gammas[untied ? layer : 0], 0, dim * dim);
    }

    private double[] layerGamma(int l) {
        return gammas[untied ? l : 0];
    }

    /** Per-context forward pass: returns w^L; stores u^ℓ in us if non-null. */
    double[] forward(ContextSampler.Context c, double[][] us) {
        int d = dim;
        int p = sampler.contextLength();
        double[] w = new double[d];
        double[] r = new double[p];
        double[] u = new double[d];
        double scale = 1.0 / ((double) depth * p);
        for (int l = 0; l < depth; l++) {
            Kernels.multiplyInto(c.x(), p, d, w, r);
            for (int i = 0; i < p; i++) {
                r[i] = c.y()[i] - r[i];
            }
            java.util.Arrays.fill(u, 0);
            Kernels.addTransposeTimes(c.x(), p, d, r, scale, u);
            if (us != null) {
                System.arraycopy(u, 0, us[l], 0, d);
            }
            double[] g = layerGamma(l);
            for (int i = 0; i < d; i++) {
                double s = 0;
                int base = i * d;
                for (int j = 0; j < d; j++) {
                    s += g[base + j] * u[j];
                }
                w[i] += s;
            }
        }
        return w;
    }

    /**
     * Query loss of one context and the factors of its gradient: ∂ℒ_c/∂Γ^ℓ = gs[ℓ] ⊗ us[ℓ].
     * Returns the context's loss (1/K)Σ(f − y)².
     */
    double lossAndGradient(ContextSampler.Context c, double[][] us, double[][] gs) {
        int d = dim;
        int p = sampler.contextLength();
        int k = c.yq().length;
        double[] w = forward(c, us);
        double[] e = Kernels.multiply(c.xq(), k, d, w);
        double loss = 0;
        for (int i = 0; i < k; i++) {
            e[i] -= c.yq()[i];
            loss += e[i] * e[i];
        }
        loss /= k;
        double[] g = new double[d];
        Kernels.addTransposeTimes(c.xq(), k, d, e, 2.0 / k, g);
        double[] t = new double[d];
        double[] r = new double[p];
        double scale = 1.0 / ((double) depth * p);
        for (int l = depth - 1; l >= 0; l--) {
            System.arraycopy(g, 0, gs[l], 0, d);
            if (l == 0) {
                break;
            }
            double[] gam = layerGamma(l);
            // t = Γᵀ g
            java.util.Arrays.fill(t, 0);
            for (int i = 0; i < d; i++) {
                double gi = g[i];
                int base = i * d;
                for (int j = 0; j < d; j++) {
                    t[j] += gam[base + j] * gi;
                }
            }
            Kernels.multiplyInto(c.x(), p, d, t, r);
            Kernels.addTransposeTimes(c.x(), p, d, r, -scale, g);
        }
        return loss;
    }

    @Override
    public double step(int n, boolean update) {
        int d = dim;
        long stepSeed = Seeds.forTrial(seed, n).nextLong();
        double[][][] us = new double[batch][depth][d];
        double[][][] gs = new double[batch][depth][d];
        double[] losses = new double[batch];
        IntStream.range(0, batch).parallel().forEach(c -> {
            SplittableRandom rng = Seeds.forTrial(stepSeed, c);
            losses[c] = lossAndGradient(sampler.sample(rng), us[c], gs[c]);
        });
        if (!update) {
            return Kernels.mean(losses);
        }
        double lr = eta * d / 2.0 / batch;
        int groups = gammas.length;
        IntStream.range(0, d).parallel().forEach(i -> {
            double[] row = new double[d];
            for (int grp = 0; grp < groups; grp++) {
                java.util.Arrays.fill(row, 0);
                int lFrom = untied ? grp : 0;
                int lTo = untied ? grp + 1 : depth;
                for (int c = 0; c < batch; c++) {
                    for (int l = lFrom; l < lTo; l++) {
                        double gi = gs[c][l][i];
                        double[] u = us[c][l];
                        for (int j = 0; j < d; j++) {
                            row[j] += gi * u[j];
                        }
                    }
                }
                double[] gam = gammas[grp];
                int base = i * d;
                for (int j = 0; j < d; j++) {
                    gam[base + j] -= lr * row[j];
                }
            }
        });
        return Kernels.mean(losses);
    }

    @Override
    public MonteCarloResult testLoss() {
        return sampler.testLoss(seed, testContexts, c -> forward(c, null));
    }

    /** tr Γ^ℓ / D for each layer group. */
    public double[] layerGammas() {
        double[] out = new double[gammas.length];
        for (int grp = 0; grp < gammas.length; grp++) {
            double s = 0;
            for (int i = 0; i < dim; i++) {
                s += gammas[grp][i * dim + i];
            }
            out[grp] = s / dim;
        }
        return out;
    }

    @Override
    public Map<String, Double> observables() {
        Map<String, Double> m = new LinkedHashMap<>();
        double[] lg = layerGammas();
        double mean = 0;
        for (double v : lg) {
            mean += v;
        }
        m.put("gamma", mean / lg.length);
        double norm = 0;
        double off = 0;
        for (int grp = 0; grp < gammas.length; grp++) {
            for (int i = 0; i < dim; i++) {
                for (int j = 0; j < dim; j++) {
                    double v = gammas[grp][i * dim + j];
                    norm += v * v;
                    double dev = v - (i == j ? lg[grp] : 0);
                    off += dev * dev;
                }
            }
        }
        // (1/D)‖Γ‖²_F = γ² on Γ = γI; the deviation from tr(Γ)/D · I measures the anisotropy SGD noise adds
        m.put("parameterNorm", Math.sqrt(norm / (dim * gammas.length)));
        m.put("gammaDeviation", Math.sqrt(off / (dim * gammas.length)));
        if (untied && depth <= 16) {
            for (int l = 0; l < depth; l++) {
                m.put("gammaLayer" + (l + 1), lg[l]);
            }
        }
        return m;
    }
}
