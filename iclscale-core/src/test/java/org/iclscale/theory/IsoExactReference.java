package org.iclscale.theory;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The finite-depth ISO loss and its γ-derivative in 140-digit decimal arithmetic: the exact L-node
 * Gauss–Chebyshev rule for ∫λρ f (exact for the polynomial integrands of paper Result 1, see {@link IsoModel}),
 * with the nodes cos θ_i from the Chebyshev recurrence cos iθ = 2cos θ·cos (i−1)θ − cos (i−2)θ started from a
 * Taylor series, and the integrands in their textbook form
 * <pre>
 *   𝓛 = σ² + 1 + Σ w_i [ ((1 − cλ_i)^{2L} − 1)/λ_i + (σ²/α)((1 − (1 − cλ_i)^L)/λ_i)² ],
 *   𝓛' = Σ w_i [ −2(1 − cλ_i)^{2L−1} + 2(σ²/α)(1 − (1 − cλ_i)^L)/λ_i·(1 − cλ_i)^{L−1} ].
 * </pre>
 * Independent of both double-precision kernels (no S_L doubling, no expm1/log1p); its rounding is ~1e-130, so it
 * decides which of two double routes is the more accurate. O(L) big-decimal products per node: for tests only.
 */
final class IsoExactReference {

    private static final MathContext MC = new MathContext(140);
    private static final BigDecimal PI = new BigDecimal(
            "3.14159265358979323846264338327950288419716939937510582097494459230781640628620899862803482534211706798");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private final double loss;
    private final double derivative;

    /** The loss and derivative at γ for α &lt; ∞, finite L, σ. */
    IsoExactReference(double alpha, int depth, double sigma, double gamma) {
        BigDecimal q = BigDecimal.ONE.divide(new BigDecimal(alpha), MC);
        BigDecimal sqrtQ = q.sqrt(MC);
        BigDecimal centre = BigDecimal.ONE.add(q);
        BigDecimal halfWidth = TWO.multiply(sqrtQ);
        BigDecimal c = new BigDecimal(gamma).divide(BigDecimal.valueOf(depth), MC);
        BigDecimal s2 = new BigDecimal(sigma).multiply(new BigDecimal(sigma));
        BigDecimal noise = s2.multiply(q, MC); // σ²/α
        int n = depth;
        BigDecimal theta = PI.divide(BigDecimal.valueOf(n + 1L), MC);
        BigDecimal cos1 = cos(theta);
        BigDecimal prev = BigDecimal.ONE; // cos 0
        BigDecimal cur = cos1;
        BigDecimal sumLoss = BigDecimal.ZERO;
        BigDecimal sumDerivative = BigDecimal.ZERO;
        for (int i = 1; i <= n; i++) {
            BigDecimal lambda = centre.add(halfWidth.multiply(cur, MC), MC);
            BigDecimal w = BigDecimal.ONE.subtract(cur.multiply(cur, MC), MC); // sin²θ_i
            BigDecimal x = BigDecimal.ONE.subtract(c.multiply(lambda, MC), MC);
            BigDecimal xl1 = x.pow(depth - 1, MC);
            BigDecimal xl = xl1.multiply(x, MC);
            BigDecimal x2l1 = xl1.multiply(xl, MC);
            BigDecimal x2l = xl.multiply(xl, MC);
            BigDecimal qTerm = x2l.subtract(BigDecimal.ONE).divide(lambda, MC);
            BigDecimal r = BigDecimal.ONE.subtract(xl).divide(lambda, MC);
            sumLoss = sumLoss.add(w.multiply(qTerm.add(noise.multiply(r.multiply(r, MC), MC), MC), MC), MC);
            BigDecimal dTerm = TWO.negate().multiply(x2l1, MC).add(TWO.multiply(noise, MC).multiply(r, MC)
                    .multiply(xl1, MC), MC);
            sumDerivative = sumDerivative.add(w.multiply(dTerm, MC), MC);
            BigDecimal next = TWO.multiply(cos1, MC).multiply(cur, MC).subtract(prev, MC);
            prev = cur;
            cur = next;
        }
        BigDecimal norm = TWO.divide(BigDecimal.valueOf(n + 1L), MC);
        loss = s2.add(BigDecimal.ONE).add(sumLoss.multiply(norm, MC), MC).doubleValue();
        derivative = sumDerivative.multiply(norm, MC).doubleValue();
    }

    double loss() {
        return loss;
    }

    double derivative() {
        return derivative;
    }

    private static BigDecimal cos(BigDecimal t) {
        BigDecimal t2 = t.multiply(t, MC);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal eps = new BigDecimal("1e-150");
        for (int k = 1; term.abs().compareTo(eps) > 0; k++) {
            term = term.multiply(t2, MC).divide(BigDecimal.valueOf((2L * k - 1) * (2L * k)), MC).negate();
            sum = sum.add(term, MC);
        }
        return sum;
    }
}
