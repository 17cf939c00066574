package org.iclscale.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The primitive Gauss–Chebyshev rule of {@link ChebyshevRule}: its nodes against the textbook form and against
 * 4 sin²(·) evaluated by {@link Math#sin} (relative accuracy near λ₋ = 0, issue 17 item 2), its weights against
 * sin²θ, its exactness on the Narayana moments, and the odd nodes that a doubled panel count adds.
 */
class ChebyshevRuleTest {

    @Test
    void nodesAndWeightsMatchTheTrigonometricForms() {
        for (double alpha : new double[] {0.1, 0.5, 1, 2, 30}) {
            MarchenkoPastur law = new MarchenkoPastur(alpha);
            for (int n : new int[] {1, 2, 7, 64, 1000, 4097}) {
                ChebyshevRule r = law.rule(n);
                double q = law.ratio();
                for (int i = 1; i <= n; i++) {
                    double theta = i * Math.PI / (n + 1);
                    double textbook = 1 + q + 2 * Math.sqrt(q) * Math.cos(theta);
                    assertEquals(textbook, r.lambda()[i - 1], 1e-14 * law.upperEdge(), "alpha " + alpha + " n " + n);
                    // sin θ from the smaller of θ and π − θ (Math.sin near π has only absolute accuracy)
                    double sin = Math.sin(Math.min(i, n + 1 - i) * Math.PI / (n + 1));
                    double w = 2.0 / (n + 1) * sin * sin;
                    assertEquals(w, r.weight()[i - 1], 1e-14 * w + 1e-300, "weight, alpha " + alpha + " n " + n);
                    assertEquals(r.weight()[i - 1] / r.lambda()[i - 1], r.weightOverLambda()[i - 1],
                            1e-15 * r.weightOverLambda()[i - 1]);
                }
            }
        }
    }

    /** At α = 1, λ_i = 4cos²(θ_i/2) = 4 sin²((n+1−i)π/(2(n+1))): relative accuracy even at λ_n ≈ 1e-12. */
    @Test
    void nodesNearAZeroEdgeKeepTheirRelativeAccuracy() {
        int n = 2_000_000;
        double[] lambda = new double[8];
        double[] sin2 = new double[8];
        ChebyshevRule.fill(0, 4, n + 1L, n - 7, 1, 8, lambda, sin2);
        for (int k = 0; k < 8; k++) {
            long i = n - 7 + k;
            double s = Math.sin((n + 1 - i) * Math.PI / (2.0 * (n + 1)));
            assertEquals(4 * s * s, lambda[k], 4e-16 * lambda[k], "node " + i);
            // the textbook form has only absolute accuracy there
            double textbook = 2 + 2 * Math.cos(i * Math.PI / (n + 1));
            assertTrue(Math.abs(textbook - lambda[k]) > 1e-8 * lambda[k] || k > 6, "textbook node " + i);
        }
    }

    @Test
    void ruleIsExactOnNarayanaMoments() {
        for (double alpha : new double[] {0.25, 1, 3}) {
            MarchenkoPastur law = new MarchenkoPastur(alpha);
            ChebyshevRule r = law.rule(12);
            for (int k = 1; k <= 24; k++) { // ∫λρ λ^{k−1} = m_k, degree k − 1 ≤ 2·12 − 1
                double sum = 0;
                for (int i = 0; i < r.size(); i++) {
                    sum += r.weight()[i] * Math.pow(r.lambda()[i], k - 1);
                }
                assertEquals(law.moment(k), sum, 1e-13 * law.moment(k), "alpha " + alpha + " k " + k);
            }
        }
    }

    /** The odd nodes of 2m panels (stride 2) are the nodes of the (2m − 1)-rule that the (m − 1)-rule lacks. */
    @Test
    void stridedFillGivesTheNodesADoublingAdds() {
        MarchenkoPastur law = new MarchenkoPastur(0.7);
        int m = 50;
        ChebyshevRule fine = law.rule(2 * m - 1);
        double[] lambda = new double[m];
        double[] sin2 = new double[m];
        ChebyshevRule.fill(law.lowerEdge(), 4 * Math.sqrt(law.ratio()), 2L * m, 1, 2, m, lambda, sin2);
        for (int k = 0; k < m; k++) {
            int j = 2 * k + 1;
            assertEquals(fine.lambda()[j - 1], lambda[k], 0.0);
            assertEquals(fine.weight()[j - 1], sin2[k] * 2.0 / (2 * m), 3e-16 * fine.weight()[j - 1]);
        }
    }
}
