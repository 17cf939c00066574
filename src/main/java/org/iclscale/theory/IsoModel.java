package org.iclscale.theory;

import org.iclscale.core.Depth;
import org.iclscale.core.InvalidInputException;
import org.iclscale.spectrum.MarchenkoPastur;

/**
 * The isotropic (ISO) limiting loss of the reduced-Γ model with Γ = γI (paper Result 1, App. C.2;
 * paper-notes §3.1):
 *
 * <pre>
 *   𝓛(γ) = σ² + ∫ρ(λ) [ (1 − cλ)^{2L} + σ²/(αλ) · (1 − (1 − cλ)^L)² ] dλ,     c = γ/L,
 * </pre>
 *
 * ρ the Marchenko–Pastur law of ratio 1/α, including the zero atom (1 − α)₊ for α &lt; 1.
 *
 * <p>Exactness: write (1 − cλ)^{2L} = 1 + λ·Q(λ) and (1 − (1 − cλ)^L)²/λ = λ·R(λ)², with polynomials
 * Q = ((1 − cλ)^{2L} − 1)/λ of degree 2L − 1 and R = (1 − (1 − cλ)^L)/λ of degree L − 1. Since ∫ρ = 1,
 * <pre>  𝓛 − σ² = 1 + ∫λρ Q + (σ²/α) ∫λρ R²,</pre>
 * and λρ is a semicircle, so L-point Gauss–Chebyshev quadrature is exact (O(L) work, no adaptive
 * quadrature; the atom is accounted for by the "1"). Q and R are evaluated with expm1/log1p, which avoids
 * the cancellation at small λ and overflow for L up to 10^6 and beyond.
 *
 * <p>Infinite depth: (1 − γλ/L)^L → e^{−γλ}; the integrands are entire and the Chebyshev series converges
 * geometrically; the node count grows with γ(λ₊ − λ₋) and is verified against twice as many nodes in the
 * tests.
 */
public final class IsoModel implements GammaLandscape {

    private final MarchenkoPastur law;
    private final Depth depth;
    private final double sigma;

    public IsoModel(double alpha, Depth depth, double sigma) {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new InvalidInputException("--sigma", sigma, "a finite number >= 0");
        }
        this.law = new MarchenkoPastur(alpha);
        this.depth = depth;
        this.sigma = sigma;
    }

    public double alpha() {
        return law.alpha();
    }

    public Depth depth() {
        return depth;
    }

    public double sigma() {
        return sigma;
    }

    public MarchenkoPastur law() {
        return law;
    }

    @Override
    public double noiseVariance() {
        return sigma * sigma;
    }

    /** σ²/α, the prefactor of the noise term (0 at α = ∞). */
    private double noiseWeight() {
        return Double.isInfinite(law.alpha()) ? 0.0 : sigma * sigma / law.alpha();
    }

    @Override
    public double loss(double gamma) {
        return noiseVariance() + signalLoss(gamma) + noiseLoss(gamma);
    }

    /** The signal term ∫ρ(1 − cλ)^{2L}. */
    public double signalLoss(double gamma) {
        int n = nodes(gamma);
        return 1.0 + law.integrateLambdaWeighted(lambda -> powerMinusOneOverLambda(gamma, lambda, 2), n);
    }

    /** The noise term (σ²/α)∫ρ(1 − (1 − cλ)^L)²/λ (excluding the σ² floor). */
    public double noiseLoss(double gamma) {
        double w = noiseWeight();
        if (w == 0) {
            return 0.0;
        }
        int n = nodes(gamma);
        return w * law.integrateLambdaWeighted(lambda -> {
            double r = -powerMinusOneOverLambda(gamma, lambda, 1);
            return r * r;
        }, n);
    }

    @Override
    public double lossDerivative(double gamma) {
        int n = nodes(gamma);
        // d/dγ (1−cλ)^{2L} = −2λ(1−cλ)^{2L−1};  d/dγ (1−x^L)²/λ = 2(1−x^L)x^{L−1}, x = 1 − cλ
        double signal = -2.0 * law.integrateLambdaWeighted(lambda -> power(gamma, lambda, 2, -1), n);
        double w = noiseWeight();
        if (w == 0) {
            return signal;
        }
        double noise = 2.0 * w * law.integrateLambdaWeighted(
                lambda -> -powerMinusOneOverLambda(gamma, lambda, 1) * power(gamma, lambda, 1, -1), n);
        return signal + noise;
    }

    @Override
    public double stabilityEdge() {
        return depth.infinite() ? Double.POSITIVE_INFINITY : 2.0 * depth.steps() / law.upperEdge();
    }

    @Override
    public String method() {
        if (Double.isInfinite(law.alpha())) {
            return "closed form (alpha = inf: Sigma-hat = I)";
        }
        return depth.infinite()
                ? "Gauss-Chebyshev quadrature against Marchenko-Pastur (L = inf, converged node count)"
                : "exact Gauss-Chebyshev quadrature against Marchenko-Pastur (L nodes, polynomial integrand)";
    }

    /** Quadrature nodes: L (exact) at finite depth; at infinite depth enough for the entire integrand. */
    int nodes(double gamma) {
        if (!depth.infinite()) {
            return depth.steps();
        }
        double spread = gamma * (law.upperEdge() - law.lowerEdge());
        return (int) Math.min(1 << 22, 48 + Math.ceil(2.0 * spread));
    }

    /**
     * ((1 − cλ)^{mL} − 1)/λ for m ∈ {1, 2}; at infinite depth (e^{−mγλ} − 1)/λ. Uses expm1(mL·log1p(−cλ))
     * where 1 − cλ &gt; 0 to avoid cancellation.
     */
    private double powerMinusOneOverLambda(double gamma, double lambda, int m) {
        if (depth.infinite()) {
            return Math.expm1(-m * gamma * lambda) / lambda;
        }
        int l = depth.steps();
        double c = gamma / l;
        double cl = c * lambda;
        if (cl < 1) {
            return Math.expm1((double) m * l * Math.log1p(-cl)) / lambda;
        }
        return (Math.pow(1 - cl, (double) m * l) - 1) / lambda;
    }

    /** (1 − cλ)^{mL + shift}; at infinite depth e^{−mγλ} (the shift is then irrelevant). */
    private double power(double gamma, double lambda, int m, int shift) {
        if (depth.infinite()) {
            return Math.exp(-m * gamma * lambda);
        }
        int l = depth.steps();
        double x = 1 - gamma / l * lambda;
        return Math.pow(x, (double) m * l + shift);
    }

    // ---- closed forms (paper-notes §3.1), used as an independent check of the quadrature ----

    /**
     * σ = 0 optimum over γ: 𝓛* = 1 − (α/(1+α)) Σ_{n<L} C_n x^n, x = α/(1+α)² (Catalan numbers C_n), with
     * γ* = Lα/(1+α); at L = ∞ the infimum is [1 − α]₊. Terms are accumulated with the ratio
     * C_{n+1}/C_n = 2(2n+1)/(n+2), so L up to 10^6 costs O(L).
     */
    public static double optimalNoiselessLoss(double alpha, Depth depth) {
        if (Double.isInfinite(alpha)) {
            return 0.0;
        }
        if (depth.infinite()) {
            return Math.max(0.0, 1.0 - alpha);
        }
        double x = alpha / ((1 + alpha) * (1 + alpha));
        double term = 1.0; // C_0 x^0
        double sum = 0;
        for (int n = 0; n < depth.steps(); n++) {
            sum += term;
            term *= 2.0 * (2 * n + 1) / (n + 2) * x;
            if (term < 1e-18 * sum) {
                break;
            }
        }
        return 1.0 - alpha / (1 + alpha) * sum;
    }

    /** σ = 0 optimal γ* = Lα/(1+α) (per-layer step α/(1+α) = 2/(λ₋ + λ₊)); α = ∞ gives L. */
    public static double optimalNoiselessGamma(double alpha, int depth) {
        return Double.isInfinite(alpha) ? depth : depth * alpha / (1 + alpha);
    }

    /** Depth 1, any σ: γ* = α/(α + 1 + σ²), 𝓛* = σ² + (1 + σ²)/(α + 1 + σ²) (paper-notes §3.1). */
    public static double[] optimalDepthOne(double alpha, double sigma) {
        double s2 = sigma * sigma;
        if (Double.isInfinite(alpha)) {
            return new double[] {1.0, s2};
        }
        return new double[] {alpha / (alpha + 1 + s2), s2 + (1 + s2) / (alpha + 1 + s2)};
    }
}
