package org.iclscale.theory;

import java.util.function.DoubleUnaryOperator;
import org.iclscale.core.Depth;
import org.iclscale.core.InvalidInputException;
import org.iclscale.spectrum.MarchenkoPastur;

/**
 * The ISO loss as {@link IsoModel} computed it before the kernel of issue 17 (commit dc33b1c), kept verbatim as
 * the independent reference of {@code IsoKernelEquivalenceTest} and of the before/after benchmarks: integrands
 * through expm1/log1p/pow behind a {@link DoubleUnaryOperator} per node, and the textbook Gauss–Chebyshev nodes
 * (1 + q) + 2√q cos θ_i (copied from the former {@code MarchenkoPastur.integrateLambdaWeighted}).
 * Not for production use: its deep route does not converge at α = 1, σ &gt; 0 (issue 17 item 2).
 */
public final class LegacyIsoModel {

    private final MarchenkoPastur law;
    private final Depth depth;
    private final double sigma;
    private final int exactNodeLimit;

    public LegacyIsoModel(double alpha, Depth depth, double sigma) {
        this(alpha, depth, sigma, EXACT_NODE_LIMIT);
    }

    /** With another depth limit for exact node counts ({@code Integer.MAX_VALUE}: always exact; for tests). */
    public LegacyIsoModel(double alpha, Depth depth, double sigma, int exactNodeLimit) {
        this.exactNodeLimit = exactNodeLimit;
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

    public double noiseVariance() {
        return sigma * sigma;
    }

    /** σ²/α, the prefactor of the noise term (0 at α = ∞). */
    private double noiseWeight() {
        return Double.isInfinite(law.alpha()) ? 0.0 : sigma * sigma / law.alpha();
    }

    public double loss(double gamma) {
        int n = nodes(gamma);
        double w = noiseWeight();
        if (w == 0 || !anchoredSignal(n)) {
            return noiseVariance() + signalLoss(gamma) + noiseLoss(gamma);
        }
        // both terms on the same nodes in one pass: with e = (1 − cλ)^L − 1 (one expm1/log1p per node),
        // Q = ((1 − cλ)^{2L} − 1)/λ = e(e + 2)/λ and R = −e/λ, so 𝓛 − σ² = 1 + ∫λρ (Q + (σ²/α) R²)
        double excess = 1.0 + integrate(gamma, lambda -> {
            double r = powerMinusOneOverLambda(gamma, lambda, 1);
            return r * (r * lambda + 2) + w * r * r;
        }, n);
        if (poleNodes() >= 0 && excess < ANCHORED_ACCURATE_ABOVE) {
            // tiny loss at α > 1: the signal term needs the pole route for its relative accuracy
            return noiseVariance() + signalLoss(gamma) + noiseLoss(gamma);
        }
        return noiseVariance() + excess;
    }

    /** Whether {@link #signalLoss} starts from the anchored route (L nodes, like the noise term). */
    private boolean anchoredSignal(int n) {
        int extra = poleNodes();
        return !(extra >= 0 && extra <= n / 4 && n <= Integer.MAX_VALUE - 1 - extra);
    }

    /**
     * The signal term ∫ρ(1 − cλ)^{2L}.
     *
     * <p>Two exact routes. For α ≤ 1 (or α just above 1) the anchored form 1 + ∫λρ Q is used (it accounts
     * for the zero atom). For α &gt; 1 there is no atom and λ ≥ λ₋ &gt; 0, and the anchored form would lose
     * relative accuracy when the loss is tiny (1 + (−1 + 𝓛)); there the integrand (1 − cλ)^{2L}/λ is a
     * polynomial times 1/λ, whose pole at s = −(1+q)/(2√q) lies outside [−1, 1]: Gauss–Chebyshev with
     * L + m nodes is exact for the polynomial part and the 1/λ part converges like ϱ^{−2m},
     * ϱ = |s_p| + √(s_p² − 1); m is chosen so that ϱ^{−2m} &lt; 1e-18.
     */
    public double signalLoss(double gamma) {
        int n = nodes(gamma);
        int extra = poleNodes();
        if (extra >= 0 && extra <= n / 4 && n <= Integer.MAX_VALUE - 1 - extra) { // n + extra must not overflow
            return integrate(gamma, lambda -> power(gamma, lambda, 2, 0) / lambda, n + extra);
        }
        double anchored = 1.0 + integrate(gamma, lambda -> powerMinusOneOverLambda(gamma, lambda, 2), n);
        // when the pole route needs many extra nodes compared with L (α near 1, small L) the anchored value is
        // used unless the loss is tiny: its relative accuracy is ~1e-16/𝓛 (this keeps sweeps fast)
        if (extra >= 0 && anchored < ANCHORED_ACCURATE_ABOVE && n <= Integer.MAX_VALUE - 1 - extra) {
            return integrate(gamma, lambda -> power(gamma, lambda, 2, 0) / lambda, n + extra);
        }
        return anchored;
    }

    /** Depths up to this use the exact node count; deeper models a converged count (class comment). */
    static final int EXACT_NODE_LIMIT = 4096;

    /** Agreement of two successive node counts, relative to ∫λρ|f|, that ends the doubling. */
    static final double CONVERGED_RELATIVE = 1e-13;

    /**
     * ∫λρ f with {@code exactNodes} Gauss–Chebyshev nodes (exact for the polynomial integrands at finite depth),
     * or, for L &gt; {@value #EXACT_NODE_LIMIT}, with a converged smaller count.
     */
    private double integrate(double gamma, DoubleUnaryOperator f, int exactNodes) {
        if (depth.infinite() || depth.steps() <= exactNodeLimit) {
            return integrateLambdaWeighted(f, exactNodes);
        }
        int n = startNodes(gamma);
        if (n >= exactNodes / 2) {
            return integrateLambdaWeighted(f, exactNodes);
        }
        int start = n;
        double scale = -1; // ∫λρ|f| at the start count, computed only if the check relative to |next| fails
        double previous = integrateLambdaWeighted(f, n);
        while (2L * n < exactNodes) {
            n *= 2;
            double next = integrateLambdaWeighted(f, n);
            double change = Math.abs(next - previous);
            if (change <= CONVERGED_RELATIVE * Math.abs(next)) {
                return next;
            }
            if (scale < 0) {
                scale = integrateLambdaWeighted(x -> Math.abs(f.applyAsDouble(x)), start);
            }
            if (change <= CONVERGED_RELATIVE * scale) {
                return next;
            }
            previous = next;
        }
        return integrateLambdaWeighted(f, exactNodes);
    }

    /** First node count of the converged route: resolves the endpoint layers of width ~ (γ·halfWidth)^{−1/2} in θ. */
    int startNodes(double gamma) {
        double halfWidth = (law.upperEdge() - law.lowerEdge()) / 2;
        double n = 64 + Math.ceil(4 * Math.PI * Math.sqrt(Math.abs(gamma) * halfWidth));
        return (int) Math.min(n, Integer.MAX_VALUE / 4);
    }

    /** Anchored values above this have a relative accuracy better than ~1e-12 (no pole route needed). */
    static final double ANCHORED_ACCURATE_ABOVE = 1e-4;

    /** Largest extra node count for the direct (pole) route; beyond it the anchored route is used. */
    static final int MAX_POLE_NODES = 20_000;

    /**
     * Extra Gauss–Chebyshev nodes that make the 1/λ factor converge to 1e-18 (α &gt; 1), or −1 when the
     * anchored route must be used (α ≤ 1, α = ∞, or α so close to 1 that the pole touches the bulk).
     */
    int poleNodes() {
        double q = law.ratio();
        if (!(q > 0 && q < 1)) {
            return -1;
        }
        double sp = (1 + q) / (2 * Math.sqrt(q));
        double rho = sp + Math.sqrt(sp * sp - 1);
        double m = Math.ceil(18 * Math.log(10) / (2 * Math.log(rho))) + 8;
        return m > MAX_POLE_NODES || !Double.isFinite(m) ? -1 : (int) m;
    }

    /** The noise term (σ²/α)∫ρ(1 − (1 − cλ)^L)²/λ (excluding the σ² floor). */
    public double noiseLoss(double gamma) {
        double w = noiseWeight();
        if (w == 0) {
            return 0.0;
        }
        int n = nodes(gamma);
        return w * integrate(gamma, lambda -> {
            double r = -powerMinusOneOverLambda(gamma, lambda, 1);
            return r * r;
        }, n);
    }

    public double lossDerivative(double gamma) {
        int n = nodes(gamma);
        // d/dγ (1−cλ)^{2L} = −2λ(1−cλ)^{2L−1};  d/dγ (1−x^L)²/λ = 2(1−x^L)x^{L−1}, x = 1 − cλ
        double signal = -2.0 * integrate(gamma, lambda -> power(gamma, lambda, 2, -1), n);
        double w = noiseWeight();
        if (w == 0) {
            return signal;
        }
        double noise = 2.0 * w * integrate(gamma, 
                lambda -> -powerMinusOneOverLambda(gamma, lambda, 1) * power(gamma, lambda, 1, -1), n);
        return signal + noise;
    }

    public double stabilityEdge() {
        return depth.infinite() ? Double.POSITIVE_INFINITY : 2.0 * depth.steps() / law.upperEdge();
    }

    public String method() {
        if (Double.isInfinite(law.alpha())) {
            return "closed form (alpha = inf: Sigma-hat = I)";
        }
        return depth.infinite()
                ? "Gauss-Chebyshev quadrature against Marchenko-Pastur (L = inf, converged node count)"
                : depth.steps() <= exactNodeLimit
                ? "exact Gauss-Chebyshev quadrature against Marchenko-Pastur (L nodes, polynomial integrand)"
                : "Gauss-Chebyshev quadrature against Marchenko-Pastur (L > " + exactNodeLimit
                        + ": node count doubled until converged to 1e-13, exact L-node rule if not)";
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

    private double integrateLambdaWeighted(DoubleUnaryOperator f, int n) {
        double q = law.ratio();
        if (q == 0) {
            return f.applyAsDouble(1.0);
        }
        double centre = 1.0 + q;
        double halfWidth = 2.0 * Math.sqrt(q);
        double h = Math.PI / (n + 1);
        double sum = 0;
        for (int i = 1; i <= n; i++) {
            double theta = i * h;
            double sin = Math.sin(theta);
            double lambda = centre + halfWidth * Math.cos(theta);
            sum += sin * sin * f.applyAsDouble(lambda);
        }
        return sum * 2.0 / (n + 1);
    }
}
