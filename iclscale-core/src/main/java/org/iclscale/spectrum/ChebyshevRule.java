package org.iclscale.spectrum;

/**
 * The n-point Gauss–Chebyshev rule of the second kind for ∫ λρ(λ) f(λ) dλ against the Marchenko–Pastur
 * bulk (λρ dλ is a semicircle, see {@link MarchenkoPastur}), as primitive arrays:
 * <pre>
 *   ∫ λρ f ≈ Σ_i w_i f(λ_i),   θ_i = iπ/(n+1),  w_i = (2/(n+1)) sin²θ_i,
 *   λ_i = λ₋ + 4√q cos²(θ_i/2)     ( = (1 + q) + 2√q cos θ_i ).
 * </pre>
 * The half-angle form of the nodes is free of cancellation: the textbook form (1 + q) + 2√q cos θ_i loses all
 * relative accuracy near λ₋ = 0 (α = 1), where a node's absolute error of ~4e-16 times the integrand's slope
 * ~γ² made successive node counts of a very deep model disagree (issue 17 item 2). Here λ_i − λ₋ carries the
 * relative accuracy of cos²(θ_i/2), which is computed from an argument in [0, π/4] (sine or cosine of the
 * complementary half angle) by its Taylor polynomial, so the rule can be generated in blocks without a
 * library call per node ({@link #fill}).
 *
 * <p>Immutable. {@link #lambda()}, {@link #weight()} and {@link #weightOverLambda()} return the internal arrays
 * for speed: callers must not modify them.
 */
public final class ChebyshevRule {

    private final int n;
    private final double[] lambda;
    private final double[] weight;
    private final double[] weightOverLambda;

    private ChebyshevRule(int n, double[] lambda, double[] weight, double[] weightOverLambda) {
        this.n = n;
        this.lambda = lambda;
        this.weight = weight;
        this.weightOverLambda = weightOverLambda;
    }

    /** The n-node rule for the bulk of {@code law} (α &lt; ∞), nodes in the order i = 1..n (λ decreasing). */
    static ChebyshevRule of(MarchenkoPastur law, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("quadrature needs at least one node: " + n);
        }
        double[] lambda = new double[n];
        double[] weight = new double[n];
        fill(law.lowerEdge(), 4 * Math.sqrt(law.ratio()), n + 1L, 1, 1, n, lambda, weight);
        double[] wol = new double[n];
        for (int i = 0; i < n; i++) {
            weight[i] *= 2.0 / (n + 1);
            wol[i] = weight[i] / lambda[i];
        }
        return new ChebyshevRule(n, lambda, weight, wol);
    }

    public int size() {
        return n;
    }

    /** Nodes λ_i (internal array: do not modify). */
    public double[] lambda() {
        return lambda;
    }

    /** Weights w_i = (2/(n+1)) sin²θ_i (internal array: do not modify). */
    public double[] weight() {
        return weight;
    }

    /** w_i/λ_i, for integrands with a 1/λ factor (internal array: do not modify; +∞ where λ_i = 0). */
    public double[] weightOverLambda() {
        return weightOverLambda;
    }

    /**
     * Nodes and unnormalised weights sin²θ_j of the rule with m = n + 1 panels, θ_j = jπ/m, for
     * j = first, first + stride, …, {@code count} of them: λ_j = lowerEdge + span·cos²(θ_j/2) into
     * {@code lambda[0..count)}, sin²θ_j into {@code sin2[0..count)}. The caller multiplies the weights by 2/m.
     * With stride 2 and an odd first index this gives the nodes that a doubled panel count m → 2m adds.
     *
     * @param span 4√q = λ₊ − λ₋
     */
    public static void fill(double lowerEdge, double span, long m, long first, int stride, int count,
            double[] lambda, double[] sin2) {
        double h = Math.PI / (2.0 * m); // half-angle step: θ_j/2 = j·h ∈ (0, π/2)
        for (int k = 0; k < count; k++) {
            long j = first + (long) k * stride;
            // s = sin(θ/2), c = cos(θ/2), both from an argument φ ∈ [0, π/4]
            long jj = 2 * j <= m ? j : m - j;
            double phi = jj * h;
            double p2 = phi * phi;
            double sinPhi = phi * sinSeries(p2);
            double cosPhi = cosSeries(p2);
            double s = 2 * j <= m ? sinPhi : cosPhi;
            double c = 2 * j <= m ? cosPhi : sinPhi;
            double c2 = c * c;
            lambda[k] = lowerEdge + span * c2;
            double sc = 2 * s * c; // sin θ
            sin2[k] = sc * sc;
        }
    }

    // Taylor polynomials of sin φ/φ and cos φ in p = φ², φ ≤ π/4: the first omitted terms are
    // φ^18/19! < 1e-18 and φ^18/18! < 2e-17 relative to values ≥ 0.7, below half an ulp
    private static double sinSeries(double p) {
        return 1 + p * (-1.0 / 6 + p * (1.0 / 120 + p * (-1.0 / 5040 + p * (1.0 / 362880 + p * (-1.0 / 39916800
                + p * (1.0 / 6227020800.0 + p * (-1.0 / 1307674368000.0 + p * (1.0 / 355687428096000.0))))))));
    }

    private static double cosSeries(double p) {
        return 1 + p * (-0.5 + p * (1.0 / 24 + p * (-1.0 / 720 + p * (1.0 / 40320 + p * (-1.0 / 3628800
                + p * (1.0 / 479001600 + p * (-1.0 / 87178291200.0 + p * (1.0 / 20922789888000.0))))))));
    }
}
