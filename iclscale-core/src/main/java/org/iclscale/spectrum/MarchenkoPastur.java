package org.iclscale.spectrum;

import java.util.function.DoubleUnaryOperator;
import org.iclscale.core.InvalidInputException;

/**
 * The Marchenko–Pastur law of Σ̂ = XᵀX/P for isotropic data (unit variance, ratio q = D/P = 1/α), and
 * exact quadrature against it (paper-notes §3.1).
 *
 * <p>ρ(λ) = (1 − α)₊ δ(λ) + √((λ₊ − λ)(λ − λ₋)) / (2π q λ) on [λ₋, λ₊], λ± = (1 ± √q)².
 *
 * <p>Key identity: on the bulk, λρ(λ)dλ = (2/π)√(1 − s²) ds with λ = (1 + q) + 2√q·s, s ∈ [−1, 1]: a
 * semicircle. Hence ∫ λρ(λ) f(λ) dλ for a polynomial f of degree ≤ 2n − 1 is computed <em>exactly</em> by
 * n-point Gauss–Chebyshev quadrature of the second kind. Every ISO integrand can be brought to this form by
 * cancelling one power of λ (the zero atom then drops out, see {@link #integrateLambdaWeighted}).
 */
public final class MarchenkoPastur {

    private final double alpha;
    private final double q;
    private final double centre;
    private final double halfWidth;

    /**
     * @param alpha context ratio α = P/D in (0, ∞]; α = ∞ is the degenerate law δ(λ − 1)
     */
    public MarchenkoPastur(double alpha) {
        if (!(alpha > 0)) {
            throw new InvalidInputException("alpha", alpha, "a number > 0, or inf");
        }
        this.alpha = alpha;
        this.q = Double.isInfinite(alpha) ? 0.0 : 1.0 / alpha;
        this.centre = 1.0 + q;
        this.halfWidth = 2.0 * Math.sqrt(q);
    }

    public double alpha() {
        return alpha;
    }

    /** q = D/P = 1/α. */
    public double ratio() {
        return q;
    }

    public double lowerEdge() {
        return (1 - Math.sqrt(q)) * (1 - Math.sqrt(q));
    }

    public double upperEdge() {
        return (1 + Math.sqrt(q)) * (1 + Math.sqrt(q));
    }

    /** Mass of the atom at λ = 0: (1 − α)₊. */
    public double zeroAtomMass() {
        return Double.isInfinite(alpha) ? 0.0 : Math.max(0.0, 1.0 - alpha);
    }

    /** Bulk density ρ(λ) (without the atom). */
    public double density(double lambda) {
        double lo = lowerEdge();
        double hi = upperEdge();
        if (q == 0 || lambda <= lo || lambda >= hi) {
            return 0.0;
        }
        return Math.sqrt((hi - lambda) * (lambda - lo)) / (2 * Math.PI * q * lambda);
    }

    /**
     * ∫ λ ρ(λ) f(λ) dλ with n-point Gauss–Chebyshev (second kind) quadrature in the semicircle variable:
     * exact when f is a polynomial of degree ≤ 2n − 1. The zero atom contributes nothing (λ·f(λ) = 0 at 0).
     * For α = ∞ the law is δ(λ − 1) and the result is f(1).
     */
    public double integrateLambdaWeighted(DoubleUnaryOperator f, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("quadrature needs at least one node: " + n);
        }
        if (q == 0) {
            return f.applyAsDouble(1.0);
        }
        double sum = 0;
        if (n <= CACHED_NODES) {
            ChebyshevRule r = rule(n);
            double[] lambda = r.lambda();
            double[] weight = r.weight();
            for (int i = 0; i < n; i++) {
                sum += weight[i] * f.applyAsDouble(lambda[i]);
            }
            return sum;
        }
        int block = 1024;
        double[] lambda = new double[block];
        double[] sin2 = new double[block];
        double lo = lowerEdge();
        double span = 4 * Math.sqrt(q);
        for (int first = 1; first <= n; first += block) {
            int len = Math.min(block, n - first + 1);
            ChebyshevRule.fill(lo, span, n + 1L, first, 1, len, lambda, sin2);
            for (int i = 0; i < len; i++) {
                sum += sin2[i] * f.applyAsDouble(lambda[i]);
            }
        }
        return sum * 2.0 / (n + 1);
    }

    /** Node counts up to this are served from {@link #rule} (cached per law). */
    static final int CACHED_NODES = 1024;

    /** Node counts up to this may be cached by {@link #rule}. */
    static final int CACHE_LIMIT = 1 << 16;

    /** At most this many rules are cached per law (an infinite-depth landscape asks for a new count per γ). */
    static final int CACHE_ENTRIES = 16;

    private final java.util.concurrent.ConcurrentHashMap<Integer, ChebyshevRule> rules =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The n-node Gauss–Chebyshev rule for ∫λρ f on the bulk (α &lt; ∞; {@link ChebyshevRule}), cached per law
     * for n ≤ {@value #CACHE_LIMIT} (a model asks for the same one or two counts at every γ).
     */
    public ChebyshevRule rule(int n) {
        if (q == 0) {
            throw new IllegalStateException("alpha = inf has no bulk: the law is a point mass at 1");
        }
        ChebyshevRule r = rules.get(n);
        if (r != null) {
            return r;
        }
        r = ChebyshevRule.of(this, n);
        if (n <= CACHE_LIMIT && rules.size() < CACHE_ENTRIES) {
            rules.putIfAbsent(n, r);
        }
        return r;
    }

    /**
     * The k-th moment m_k = ∫ λ^k ρ(λ) dλ (k ≥ 1) as a Narayana polynomial in q:
     * m_k = Σ_{r=0}^{k−1} N(k, r+1) q^r with N(k, j) = C(k, j) C(k, j−1) / k. Independent of the quadrature;
     * used to check it.
     */
    public double moment(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("moment order must be >= 1: " + k);
        }
        double sum = 0;
        double qr = 1;
        for (int r = 0; r < k; r++) {
            sum += narayana(k, r + 1) * qr;
            qr *= q;
        }
        return sum;
    }

    static double narayana(int k, int j) {
        return binomial(k, j) * binomial(k, j - 1) / k;
    }

    static double binomial(int n, int k) {
        double b = 1;
        for (int i = 1; i <= k; i++) {
            b = b * (n - k + i) / i;
        }
        return b;
    }
}
