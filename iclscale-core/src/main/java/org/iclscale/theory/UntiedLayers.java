package org.iclscale.theory;

import org.iclscale.spectrum.Spectrum;

/**
 * Untied layers Γ^ℓ = γ^ℓI in RRS (paper §5, App. G.1, notes §2.6, §3.6), N = D.
 * <pre>
 *   signal (α = ∞):  Σ_k p_k Π_ℓ (1 − γ^ℓλ_k/L)²                       (permutation symmetric in the γ^ℓ)
 *   noise (App. G.1.2, leading order in 1/α):
 *     σ²/(L²α) Σ_{ℓℓ'} γ^ℓγ^{ℓ'} tr Λ(Π_{j>ℓ}A^j)Λ(Π_{j>ℓ'}A^j) = (σ²/P) Σ_k λ_k² (Σ_ℓ (γ^ℓ/L) Π_{j>ℓ}(1 − γ^jλ_k/L))²
 * </pre>
 * with tr the normalised trace and P = αD. <b>Assumptions of the noise term</b>: the product
 * A^j = I − γ^jL^{−1}M is evaluated at the mean M → Λ (empirical covariance replaced by its mean, exact to
 * leading order in 1/α, i.e. for P much larger than the effective dimension of the learned modes), and the
 * signal term at α = ∞; finite-α corrections of the signal term (O(1/α)) are not included — those belong to
 * the deterministic equivalents. For tied layers the noise reduces to (σ²/P)Σ_k(1 − (1 − γλ_k/L)^L)².
 *
 * <p>Flow (noise-free, α = ∞) with learning rate η = η₀L, in the ½ convention: dγ^ℓ/dt = −½ L ∂𝓛/∂γ^ℓ; from
 * equal initial values it stays balanced, γ^ℓ(t) = γ(t) of the tied flow (paper App. G.1).
 */
public final class UntiedLayers {

    private final double[] lambda;
    private final double[] p;
    private final int layers;

    public UntiedLayers(Spectrum spectrum, int layers) {
        if (layers < 1) {
            throw new IllegalArgumentException("layers >= 1");
        }
        this.lambda = spectrum.lambda();
        this.p = spectrum.weights();
        this.layers = layers;
    }

    public int layers() {
        return layers;
    }

    /** Signal part Σ_k p_k Π_ℓ (1 − γ^ℓλ_k/L)² (α = ∞). */
    public double signal(double[] gamma) {
        double s = 0;
        for (int k = 0; k < lambda.length; k++) {
            double prod = 1;
            for (int l = 0; l < layers; l++) {
                double a = 1 - gamma[l] * lambda[k] / layers;
                prod *= a * a;
            }
            s += p[k] * prod;
        }
        return s;
    }

    /** The leading-order noise term (σ²/P) Σ_k λ_k² (Σ_ℓ (γ^ℓ/L) Π_{j>ℓ} a_j)² (see the class comment). */
    public double noise(double[] gamma, double sigma, double contextLength) {
        double s = 0;
        for (int k = 0; k < lambda.length; k++) {
            // Horner from the first layer: acc_ℓ = a_ℓ acc_{ℓ−1} + γ^ℓ/L (acc after layer ℓ = Σ_{m≤ℓ} γ^m/L Π_{m<j≤ℓ} a_j)
            double acc = 0;
            for (int l = 0; l < layers; l++) {
                acc = (1 - gamma[l] * lambda[k] / layers) * acc + gamma[l] / layers;
            }
            s += lambda[k] * lambda[k] * acc * acc;
        }
        return sigma * sigma * s / contextLength;
    }

    /** Total loss σ² + signal + noise at context length P (P = ∞: no in-context noise term). */
    public double loss(double[] gamma, double sigma, double contextLength) {
        double n = Double.isInfinite(contextLength) ? 0 : noise(gamma, sigma, contextLength);
        return sigma * sigma + signal(gamma) + n;
    }

    /** ∂signal/∂γ^ℓ by prefix/suffix products (O(L·D)). */
    public double[] signalGradient(double[] gamma) {
        double[] grad = new double[layers];
        double[] a = new double[layers];
        double[] suffix = new double[layers + 1];
        for (int k = 0; k < lambda.length; k++) {
            for (int l = 0; l < layers; l++) {
                a[l] = 1 - gamma[l] * lambda[k] / layers;
            }
            suffix[layers] = 1;
            for (int l = layers - 1; l >= 0; l--) {
                suffix[l] = suffix[l + 1] * a[l] * a[l];
            }
            double prefix = 1;
            for (int l = 0; l < layers; l++) {
                grad[l] += p[k] * prefix * suffix[l + 1] * 2 * a[l] * (-lambda[k] / layers);
                prefix *= a[l] * a[l];
            }
        }
        return grad;
    }

    /**
     * Largest {@link #work} accepted by the callers (about 15 s of one core): the flow has no fixed point to be
     * held at (from equal init the balanced point is a saddle for L ≥ 2), so its cost grows with the final time.
     */
    public static final double MAX_WORK = 1e8;

    /**
     * The cost model of {@link #flow}: (t_end + 100) · L · D — stability-limited steps ∝ t_end (plus the start-up
     * steps), each an O(L·D) gradient ({@link #signalGradient}). Measured: 1.5e-7 s per unit on one core (t = 1e6,
     * L = 2, D = 16 in 5 s; t = 10, L = 1e5, D = 16 in 26 s).
     */
    public static double work(double tEnd, int layers, int modes) {
        return (tEnd + 100) * layers * (double) modes;
    }

    /** Per-layer γ^ℓ(t) (rows: times) of dγ^ℓ/dt = −½ L ∂signal/∂γ^ℓ from the given initial values. */
    public double[][] flow(double[] initial, double[] times) {
        double[][] out = new double[times.length][];
        OdeSampler.sample("untied-layer flow", initial, times, 1e-12, 1e-12, (t, y) -> {
            double[] g = signalGradient(y);
            for (int l = 0; l < layers; l++) {
                g[l] *= -0.5 * layers;
            }
            return g;
        }, (i, y) -> out[i] = y.clone());
        return out;
    }
}
