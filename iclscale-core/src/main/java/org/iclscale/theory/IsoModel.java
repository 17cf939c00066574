package org.iclscale.theory;

import org.iclscale.core.Depth;
import org.iclscale.core.InvalidInputException;
import org.iclscale.spectrum.ChebyshevRule;
import org.iclscale.spectrum.MarchenkoPastur;
import org.iclscale.theory.IsoKernel.Integrand;

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
 * quadrature; the atom is accounted for by the "1"). Q and R are evaluated by {@link IsoKernel}: with
 * y = (γ/L)·S_L(1 − cλ), S_L(x) = Σ_{j<L} x^j built by binary doubling, Q = −y(2 − λy) and R = y, free of
 * the cancellation at small λ, on the cached primitive nodes of {@link ChebyshevRule}.
 *
 * <p>Very deep models (L &gt; {@value #EXACT_NODE_LIMIT}): L nodes would cost O(L) per evaluation (minutes for an
 * optimum at L = 10^7). In θ (λ = centre + halfWidth·cos θ) Gauss–Chebyshev is the midpoint rule for a smooth
 * periodic integrand whose sharpest feature is the endpoint layer of (1 − cλ)^{2L} ≈ e^{2L ln|1 − cλ_e|
 * − γ·halfWidth·θ²/|1 − cλ_e|}, of width ~ (γ·halfWidth)^{−1/2} in θ independently of L. So the count starts at
 * {@link #startNodes} ~ 4π(γ·halfWidth)^{1/2} and doubles until two counts agree to {@value #CONVERGED_RELATIVE}
 * (relative to the integral of |f|), falling back to the exact count if that is reached first; the tests check
 * the result against the exact L-node value. Bounded time (issue 18): where the exact count exceeds
 * {@value #MAX_CONVERGED_NODES} (L up to 2³¹ − 1, where the exact rule took 70 s per evaluation) the doubling ends
 * there; its last two counts must then agree to the integrand's own rounding floor 4Lε·∫λρ|f| (reached only where
 * x = 1 − cλ ≈ −1 keeps the integrand O(1) at the upper edge, i.e. γ at the stability edge, and where the
 * derivative's two endpoint layers cancel at the optimum), or the evaluation ends with a
 * {@link org.iclscale.core.ComputationException} (exit 1) naming both counts.
 *
 * <p>Infinite depth: (1 − γλ/L)^L → e^{−γλ}; the integrands are entire and the Chebyshev series converges
 * geometrically; the node count grows with γ(λ₊ − λ₋) and is verified against twice as many nodes in the
 * tests.
 */
public final class IsoModel implements GammaLandscape {

    private final MarchenkoPastur law;
    private final Depth depth;
    private final double sigma;
    private final int exactNodeLimit;
    /** {@link #poleNodes()}, computed once (it costs a logarithm and was evaluated at every γ). */
    private final int poleNodes;
    /** The rules with L and L + {@link #poleNodes} nodes, built on first use (racy but immutable). */
    private ChebyshevRule rule;
    private ChebyshevRule poleRule;

    public IsoModel(double alpha, Depth depth, double sigma) {
        this(alpha, depth, sigma, EXACT_NODE_LIMIT);
    }

    /** With another depth limit for exact node counts ({@code Integer.MAX_VALUE}: always exact; for tests). */
    IsoModel(double alpha, Depth depth, double sigma, int exactNodeLimit) {
        this.exactNodeLimit = exactNodeLimit;
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new InvalidInputException("sigma", sigma, "a finite number >= 0");
        }
        this.law = new MarchenkoPastur(alpha);
        this.depth = depth;
        this.sigma = sigma;
        this.poleNodes = computePoleNodes();
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
        int n = nodes(gamma);
        double w = noiseWeight();
        boolean poleSignal = !anchoredSignal(n);
        if (w == 0 || poleSignal && !exactNodeCount()) {
            return twoPassLoss(gamma);
        }
        // both terms on the same nodes in one pass: 𝓛 − σ² = 1 + ∫λρ (Q + (σ²/α) R²) (IsoKernel). Also at α > 1
        // where the signal alone would take the pole route: with σ > 0 the noise term needs the L-node pass anyway,
        // and the one anchored pass (exact on L nodes: Q has degree 2L − 1, R² degree 2L − 2) carries ~1e-15
        // absolute, so it is kept there wherever the loss is ≥ ONE_PASS_ACCURATE_ABOVE (at L = 1024, α = 2 the pole
        // route's x^{2L} in double-double over L + 68 nodes took twice the anchored pass, the noise pass as long)
        double excess = 1.0 + integrate(Integrand.EXCESS, gamma, w, n);
        double loss = noiseVariance() + excess;
        if (poleNodes() >= 0 && excess < ANCHORED_ACCURATE_ABOVE || poleSignal && loss < ONE_PASS_ACCURATE_ABOVE) {
            // tiny loss at α > 1: the signal term needs the pole route for its relative accuracy
            return twoPassLoss(gamma);
        }
        return loss;
    }

    /** Whether the model uses the exact L-node rule (finite L ≤ the exact-count limit; class comment). */
    private boolean exactNodeCount() {
        return !depth.infinite() && depth.steps() <= exactNodeLimit;
    }

    /**
     * The loss by the two passes {@link #signalLoss} + {@link #noiseLoss} (+ σ²), the route {@link #loss} takes
     * where the one anchored pass is not accurate enough or not exact; for tests that compare the routes.
     */
    double twoPassLoss(double gamma) {
        return noiseVariance() + signalLoss(gamma) + noiseLoss(gamma);
    }

    /** Whether {@link #signalLoss} starts from the anchored route (L nodes, like the noise term). */
    private boolean anchoredSignal(int n) {
        return !(poleNodes >= 0 && poleNodes <= n / 4);
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
        if (law.ratio() == 0) { // α = ∞: (1 − γ/L)^{2L} itself, not 1 + ((1 − γ/L)^{2L} − 1)
            return integrate(Integrand.POLE, gamma, 0, 1);
        }
        int n = nodes(gamma);
        int extra = poleNodes();
        if (extra >= 0 && extra <= n / 4) {
            return integrate(Integrand.POLE, gamma, 0, (long) n + extra);
        }
        double anchored = 1.0 + integrate(Integrand.EXCESS, gamma, 0, n);
        // when the pole route needs many extra nodes compared with L (α near 1, small L) the anchored value is
        // used unless the loss is tiny: its relative accuracy is ~1e-16/𝓛 (this keeps sweeps fast)
        if (extra >= 0 && anchored < ANCHORED_ACCURATE_ABOVE) {
            return integrate(Integrand.POLE, gamma, 0, (long) n + extra);
        }
        return anchored;
    }

    /** Depths up to this use the exact node count; deeper models a converged count (class comment). */
    static final int EXACT_NODE_LIMIT = 4096;

    /** Agreement of two successive node counts, relative to ∫λρ|f|, that ends the doubling. */
    static final double CONVERGED_RELATIVE = 1e-13;

    /**
     * ∫λρ f with {@code exactNodes} Gauss–Chebyshev nodes (exact for the polynomial integrands at finite depth),
     * or, for L &gt; {@value #EXACT_NODE_LIMIT}, with a converged smaller count: the panel count m = n + 1 doubles,
     * so each doubling evaluates only the m new nodes (I_{2m} = ½I_m + (1/m)Σ_{odd j} sin²θ_j f(λ_j)).
     *
     * @param noise σ²/α for {@link Integrand#EXCESS}
     */
    private double integrate(Integrand f, double gamma, double noise, long exactNodes) {
        if (law.ratio() == 0) { // α = ∞: the law is δ(λ − 1)
            return IsoKernel.get().sum(f, gamma, kernelDepth(), noise, false, UNIT, UNIT, 0, 1);
        }
        if (depth.infinite() || depth.steps() <= exactNodeLimit) {
            return exactSum(f, gamma, noise, exactNodes);
        }
        return convergedSum(f, gamma, noise, exactNodes, null);
    }

    /**
     * The converged route of {@link #integrate}; {@code nodesUsed[0]} (if given) receives the final node count,
     * or −1 when the doubling reached the exact count first.
     */
    private double convergedSum(Integrand f, double gamma, double noise, long exactNodes, long[] nodesUsed) {
        int n = startNodes(gamma);
        if (exactNodes > MAX_CONVERGED_NODES) {
            // up to the stability edge n ≤ 64 + 4π√L ≤ 582,403; far beyond it (a γ of 1e15) every node overflows
            n = (int) Math.min(n, MAX_CONVERGED_NODES / 16);
        }
        if (n >= exactNodes / 2) {
            record(nodesUsed, -1);
            return exactSum(f, gamma, noise, exactNodes);
        }
        long panels = n + 1L;
        double previous = generatedSum(f, gamma, noise, panels, 1, 1, n) * (2.0 / panels);
        double scale = IsoKernel.get().lastAbsSum() * (2.0 / panels); // ∫λρ|f| at the start count
        // beyond MAX_CONVERGED_NODES the exact L-node rule is out of reach (70 s per evaluation at L = 2³¹ − 2)
        boolean bounded = exactNodes > MAX_CONVERGED_NODES;
        while (2 * panels - 1 < exactNodes) {
            boolean last = bounded && 4 * panels - 1 > MAX_CONVERGED_NODES;
            // the nodes of 2m panels are those of m panels and the m odd ones between them
            double next = 0.5 * previous + generatedSum(f, gamma, noise, 2 * panels, 1, 2, panels) / panels;
            panels *= 2;
            if (next == Double.POSITIVE_INFINITY && previous == Double.POSITIVE_INFINITY) {
                // beyond the stability edge: two node counts overflow. The integrands are bounded below, so far
                // beyond the edge the exact L-node rule (minutes at L ~ 2³¹) gives +∞ too; within ~35/(2L)
                // (relative) of the edge a true value just below 1.8e308 could be reported as this overflow
                record(nodesUsed, panels - 1);
                return next;
            }
            double change = Math.abs(next - previous);
            if (change <= CONVERGED_RELATIVE * Math.max(Math.abs(next), scale)) {
                record(nodesUsed, panels - 1);
                return next;
            }
            if (last) {
                // the largest count of the bounded route, ≥ 16× the count that resolves the endpoint layers: what
                // is left is the integrand's own rounding (d = −cλ carries ε relative, which x^{2L} amplifies
                // ~2L|d| ≤ 4L-fold where x ≈ −1, i.e. γ at the stability edge; the exact rule carries it too)
                double floor = roundingFloor(scale);
                if (change <= floor) {
                    record(nodesUsed, panels - 1);
                    return next;
                }
                throw new org.iclscale.core.ComputationException("ISO Gauss-Chebyshev quadrature (L = " + depth.steps()
                        + ", node count doubled from " + n + ")", "node counts " + (panels / 2 - 1) + " and "
                        + (panels - 1) + " differ by " + (Double.isNaN(change) ? "an undefined amount" : change)
                        + " at gamma = " + gamma + ", above the tolerance " + CONVERGED_RELATIVE + " x " + scale
                        + " and the rounding floor " + floor + "; the exact " + depth.steps()
                        + "-node rule is beyond the bound of " + MAX_CONVERGED_NODES + " nodes");
            }
            previous = next;
        }
        record(nodesUsed, -1);
        return exactSum(f, gamma, noise, exactNodes);
    }

    /**
     * Largest node count of the converged route when the exact L-node rule has more nodes (2²⁴: about 0.2 s for its
     * last doubling; ≥ 16 times the start count 64 + 4π(γ·halfWidth)^{1/2} ≤ 64 + 4π√L for any γ up to the edge).
     */
    static final long MAX_CONVERGED_NODES = 1L << 24;

    /** Relative rounding of the deep integrands per in-context step: |δ(x^{2L})| ≲ 2L|d|·ε|x^{2L}|, |d| ≤ 2. */
    static final double ROUNDING_PER_STEP = 4 * Math.ulp(1.0) / 2;

    /** The rounding floor 4Lε·∫λρ|f| that the deep route accepts at its largest node count. */
    private double roundingFloor(double scale) {
        return ROUNDING_PER_STEP * depth.steps() * scale;
    }

    private static void record(long[] nodesUsed, long count) {
        if (nodesUsed != null) {
            nodesUsed[0] = count;
        }
    }

    /**
     * For tests: the node count at which the converged route of the anchored excess (signal + noise) stopped at γ
     * for L &gt; {@value #EXACT_NODE_LIMIT}, or −1 if it fell back to the exact L-node rule.
     */
    long convergedExcessNodes(double gamma) {
        long[] used = {-1};
        convergedSum(Integrand.EXCESS, gamma, noiseWeight(), depth.steps(), used);
        return used[0];
    }

    /** The single node λ = 1 with weight 1 (α = ∞). */
    private static final double[] UNIT = {1.0};

    /** L for {@link IsoKernel}, 0 for L = ∞. */
    private int kernelDepth() {
        return depth.infinite() ? 0 : depth.steps();
    }

    /** Σ w_i f(λ_i) with the n-node rule: cached for the model's own counts, generated in blocks otherwise. */
    private double exactSum(Integrand f, double gamma, double noise, long n) {
        ChebyshevRule r = cachedRule(n);
        if (r == null) {
            return generatedSum(f, gamma, noise, n + 1L, 1, 1, n) * (2.0 / (n + 1L));
        }
        double[] weight = f == Integrand.POLE ? r.weightOverLambda() : r.weight();
        return IsoKernel.get().sum(f, gamma, kernelDepth(), noise, false, r.lambda(), weight, 0, r.size());
    }

    /** The rule with L or L + {@link #poleNodes} nodes (L ≤ {@value #EXACT_NODE_LIMIT}), else null. */
    private ChebyshevRule cachedRule(long n) {
        if (depth.infinite() || depth.steps() > EXACT_NODE_LIMIT) {
            return null;
        }
        if (n == depth.steps()) {
            ChebyshevRule r = rule;
            if (r == null) {
                r = law.rule((int) n);
                rule = r;
            }
            return r;
        }
        if (poleNodes >= 0 && n == depth.steps() + poleNodes) {
            ChebyshevRule r = poleRule;
            if (r == null) {
                r = law.rule((int) n);
                poleRule = r;
            }
            return r;
        }
        return null;
    }

    /**
     * Σ sin²θ_j f(λ_j) (unnormalised weights) over the nodes j = first, first + stride, … ({@code count} of them)
     * of the rule with m panels, generated in blocks ({@link ChebyshevRule#fill}); Σ sin²θ_j |f(λ_j)| is left
     * in {@link IsoKernel#lastAbsSum()}.
     */
    private double generatedSum(Integrand f, double gamma, double noise, long panels, long first,
            int stride, long count) {
        IsoKernel kernel = IsoKernel.get();
        double[] lambda = kernel.lambdaBlock();
        double[] weight = kernel.weightBlock();
        double lo = law.lowerEdge();
        double span = 4 * Math.sqrt(law.ratio());
        boolean accurate = !depth.infinite() && depth.steps() > EXACT_NODE_LIMIT;
        double total = 0;
        double totalAbs = 0;
        for (long done = 0; done < count; done += IsoKernel.BLOCK) {
            int len = (int) Math.min(IsoKernel.BLOCK, count - done);
            ChebyshevRule.fill(lo, span, panels, first + done * stride, stride, len, lambda, weight);
            if (f == Integrand.POLE) {
                for (int i = 0; i < len; i++) {
                    weight[i] /= lambda[i];
                }
            }
            total += kernel.sum(f, gamma, kernelDepth(), noise, accurate, lambda, weight, 0, len);
            totalAbs += kernel.lastAbsSum();
        }
        kernel.setLastAbsSum(totalAbs);
        return total;
    }

    /** First node count of the converged route: resolves the endpoint layers of width ~ (γ·halfWidth)^{−1/2} in θ. */
    int startNodes(double gamma) {
        double halfWidth = (law.upperEdge() - law.lowerEdge()) / 2;
        double n = 64 + Math.ceil(4 * Math.PI * Math.sqrt(Math.abs(gamma) * halfWidth));
        return (int) Math.min(n, Integer.MAX_VALUE / 4);
    }

    /**
     * Anchored values above this have a relative accuracy better than ~1e-13 (no pole route needed): the
     * anchored sum 1 + (−1 + 𝓛) carries an absolute rounding error of ~1e-15 (IsoKernelEquivalenceTest measures
     * it against a 140-digit reference; it was 1e-4, where that error is ~1e-12 relative).
     */
    static final double ANCHORED_ACCURATE_ABOVE = 1e-2;

    /**
     * Where the signal alone takes the pole route (α &gt; 1, m ≤ L/4 extra nodes) and σ &gt; 0, {@link #loss} keeps the
     * one anchored pass for losses above this: its ~1e-15 absolute rounding (7e-16 measured against the two-pass
     * route, IsoModelOnePassTest) is then ≤ 1e-14 relative.
     */
    static final double ONE_PASS_ACCURATE_ABOVE = 0.1;

    /** Largest extra node count for the direct (pole) route; beyond it the anchored route is used. */
    static final int MAX_POLE_NODES = 20_000;

    /**
     * Extra Gauss–Chebyshev nodes that make the 1/λ factor converge to 1e-18 (α &gt; 1), or −1 when the
     * anchored route must be used (α ≤ 1, α = ∞, or α so close to 1 that the pole touches the bulk).
     */
    int poleNodes() {
        return poleNodes;
    }

    private int computePoleNodes() {
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
        return w * integrate(Integrand.NOISE, gamma, 0, n);
    }

    @Override
    public double lossDerivative(double gamma) {
        // d/dγ (1−cλ)^{2L} = −2λ(1−cλ)^{2L−1};  d/dγ (1−x^L)²/λ = 2(1−x^L)x^{L−1}, x = 1 − cλ: one integrand
        // −2x^{2L−1} + 2(σ²/α)R·x^{L−1} against λρ (IsoKernel)
        return integrate(Integrand.DERIVATIVE, gamma, noiseWeight(), nodes(gamma));
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
                : depth.steps() <= exactNodeLimit
                ? "exact Gauss-Chebyshev quadrature against Marchenko-Pastur (L nodes, polynomial integrand)"
                : "Gauss-Chebyshev quadrature against Marchenko-Pastur (L > " + exactNodeLimit
                        + ": node count doubled until converged to 1e-13, exact L-node rule if not"
                        + (depth.steps() > MAX_CONVERGED_NODES ? ", or to the rounding floor 4 L eps at "
                                + MAX_CONVERGED_NODES + " nodes" : "") + ")";
    }

    /** Quadrature nodes: L (exact) at finite depth; at infinite depth enough for the entire integrand. */
    int nodes(double gamma) {
        if (!depth.infinite()) {
            return depth.steps();
        }
        double spread = gamma * (law.upperEdge() - law.lowerEdge());
        return (int) Math.min(1 << 22, 48 + Math.ceil(2.0 * spread));
    }

    // ---- closed forms (paper-notes §3.1), used as an independent check of the quadrature ----

    /**
     * σ = 0 optimum over γ: 𝓛* = 1 − (α/(1+α)) Σ_{n&lt;L} C_n x^n, x = α/(1+α)² (Catalan numbers C_n), with
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
        int l = depth.steps();
        if (4 * x < 0.95) {
            // tail form, free of cancellation when the loss is tiny: since Σ_{n≥0} C_n x^n = (1+α)/α·min(α,1),
            // 𝓛* = [1 − α]₊ + (α/(1+α)) Σ_{n≥L} C_n x^n
            return Math.max(0.0, 1.0 - alpha) + alpha / (1 + alpha) * catalanTail(l, x, Long.MAX_VALUE);
        }
        // Neumaier-compensated: at 4x ≈ 1 the terms fall only like n^{−3/2} and up to 2^31 of them land on a sum ≈ 2
        double term = 1.0; // C_0 x^0
        double sum = 0;
        double compensation = 0;
        for (int n = 0; n < l; n++) {
            double t = sum + term;
            compensation += Math.abs(sum) >= Math.abs(term) ? (sum - t) + term : (term - t) + sum;
            sum = t;
            term *= 2.0 * (2.0 * n + 1) / (n + 2.0) * x; // in double: 2n + 1 overflows int beyond n = 2^30
        }
        sum += compensation;
        double head = 1.0 - alpha / (1 + alpha) * sum;
        if (alpha > 1 && head < 1e-3) {
            // 1 < α < 1.58 (4x ≥ 0.95): the head form cancels when the loss is small (it returned −2e-16 for
            // α = 1.36, L = 4968). There the tail converges within O(L) terms (ratio → 4x); use it when it does.
            double tail = catalanTail(l, x, 4L * l + 1000);
            if (!Double.isNaN(tail)) {
                return alpha / (1 + alpha) * tail;
            }
        }
        return Math.max(0.0, head);
    }

    /** Σ_{n≥L} C_n x^n to relative 1e-19, or NaN if that needs more than {@code maxTerms} terms. */
    private static double catalanTail(int l, double x, long maxTerms) {
        double term = Math.exp(logCatalan(l) + l * Math.log(x));
        double tail = 0;
        long count = 0;
        // stop at the normal range too: a subnormal term times a ratio > ½ rounds back to itself, and
        // once 1e-19·tail underflows to 0 the loop would otherwise never end (seconds per call)
        for (long n = l; term > 1e-19 * tail && term >= Double.MIN_NORMAL; n++) {
            if (++count > maxTerms) {
                return Double.NaN;
            }
            tail += term;
            term *= 2.0 * (2.0 * n + 1) / (n + 2.0) * x; // in double: 2n + 1 overflows int beyond n = 2^30
        }
        return tail;
    }

    /** ln C_n = ln((2n)!/(n!(n+1)!)). */
    static double logCatalan(int n) {
        return org.hipparchus.special.Gamma.logGamma(2.0 * n + 1) - org.hipparchus.special.Gamma.logGamma(n + 1.0)
                - org.hipparchus.special.Gamma.logGamma(n + 2.0);
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

    /** Relative agreement asked of the numeric search against a closed-form minimiser (loss values). */
    static final double CLOSED_FORM_CHECK = 1e-9;

    /**
     * The minimiser of the ISO loss. Where a closed form holds it is reported exactly and the numeric search is
     * its check (the search must not find a lower loss): σ = 0 at finite L, γ* = Lα/(1 + α) (paper-notes §3.1;
     * the valley is so flat at small α or large L that a numeric search alone lands far from γ*); L = 1 at any
     * σ, γ* = α/(α + 1 + σ²). At L = ∞ with σ = 0 the loss decreases monotonically to [1 − α]₊ as γ → ∞ (an
     * infimum); at L = ∞ with σ &gt; 0 the loss tends to a finite limit as γ → ∞ and the minimum is bracketed on a
     * geometric grid (one evaluation costs O(γ(λ₊ − λ₋)) nodes, so a uniform grid would take minutes near α = 1).
     * Elsewhere: a global grid up to the stability edge and Brent.
     */
    @Override
    public OptimumSearch.Optimum optimum() {
        if (depth.infinite()) {
            return sigma == 0 ? OptimumSearch.Optimum.infimum(optimalNoiselessLoss(law.alpha(), depth),
                    "closed form: infimum [1 - alpha]_+ approached as gamma -> inf (loss decreases monotonically)")
                    : infiniteDepthOptimum();
        }
        double closed = sigma == 0 ? optimalNoiselessGamma(law.alpha(), depth.steps())
                : depth.steps() == 1 ? optimalDepthOne(law.alpha(), sigma)[0] : Double.NaN;
        OptimumSearch.Optimum numeric = OptimumSearch.minimise(this);
        if (Double.isNaN(closed)) {
            return numeric;
        }
        double loss = loss(closed);
        double excess = loss - noiseVariance();
        double numericExcess = numeric.loss() - noiseVariance();
        if (numericExcess < excess - CLOSED_FORM_CHECK * Math.abs(excess) - 1e-300) {
            throw new org.iclscale.core.ComputationException("ISO closed-form optimum check", "the numeric search found loss "
                    + numeric.loss() + " at gamma = " + numeric.gamma() + ", below the closed-form minimiser's " + loss
                    + " at gamma = " + closed + " (relative tolerance " + CLOSED_FORM_CHECK + ")");
        }
        String form = sigma == 0 ? "gamma* = L alpha/(1 + alpha)" : "gamma* = alpha/(alpha + 1 + sigma^2)";
        // the exact minimiser: never "at the bound with the loss still falling", even where it is the edge (α = 1)
        return new OptimumSearch.Optimum(closed, loss, numeric.evaluations() + 1, false, stabilityEdge(), "closed form "
                + form + " (exact minimiser), checked by a " + numeric.search() + " (numeric gamma "
                + org.iclscale.core.Numbers.prose(numeric.gamma()) + ", loss not below the closed form's)");
    }

    /** L = ∞, σ &gt; 0: geometric bracketing (8 points per octave up to 100/λ₋), then grid + Brent. */
    private OptimumSearch.Optimum infiniteDepthOptimum() {
        // the loss tends to a finite limit as γ → ∞; search a wide range (100× the scale 1/λ₋ of the slowest mode)
        double upper = 100.0 / Math.max(law.lowerEdge(), 1e-3);
        double first = 1e-3 * Math.min(1.0, upper);
        int perOctave = 8;
        int points = (int) Math.ceil(perOctave * Math.log(upper / first) / Math.log(2));
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestK = 0;
        for (int k = 0; k <= points; k++) {
            double value = loss(Math.min(upper, first * Math.pow(2, (double) k / perOctave)));
            if (value < bestLoss) {
                bestLoss = value;
                bestK = k;
            }
        }
        double bound = Math.min(upper, first * Math.pow(2, (bestK + 1.0) / perOctave));
        OptimumSearch.Optimum opt = OptimumSearch.minimise(this, bound, OptimumSearch.DEFAULT_GRID);
        return new OptimumSearch.Optimum(opt.gamma(), opt.loss(), opt.evaluations() + points + 1,
                opt.atUpperBound() && bound == upper, upper, "geometric grid on [" + first + ", " + upper
                        + "], then grid + Brent on (0, " + bound + "]");
    }
}
