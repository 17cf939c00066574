package org.iclscale.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.iclscale.core.Depth;
import org.junit.jupiter.api.Test;

/**
 * The converged node count for very deep models (L &gt; {@link IsoModel#EXACT_NODE_LIMIT}) against two independent
 * references: the exact L-node quadrature (same model with the exact route forced) at random α, γ, σ, and the
 * Catalan closed form of paper-notes §3.1 at γ* for depths where L nodes would be far too slow.
 */
class IsoModelDeepRouteTest {

    @Test
    void convergedCountAgreesWithTheExactCount() {
        SplittableRandom rng = new SplittableRandom(20261129);
        for (int trial = 0; trial < 40; trial++) {
            double alpha = Math.exp(rng.nextDouble(Math.log(0.2), Math.log(20)));
            int l = 4097 + rng.nextInt(60_000);
            double sigma = trial % 2 == 0 ? 0 : rng.nextDouble(0.05, 1.0);
            IsoModel fast = new IsoModel(alpha, Depth.of(l), sigma);
            IsoModel exact = new IsoModel(alpha, Depth.of(l), sigma, Integer.MAX_VALUE);
            // from γ ≪ L (smooth integrand) to just below the stability edge (sharp endpoint layers)
            double edge = fast.stabilityEdge();
            double gamma = edge * Math.exp(rng.nextDouble(Math.log(1e-6), Math.log(0.98)));
            String at = "alpha " + alpha + " L " + l + " sigma " + sigma + " gamma " + gamma;
            double reference = exact.loss(gamma);
            if (reference > 1e-250) {
                assertEquals(1, fast.loss(gamma) / reference, 1e-11, at);
            } else {
                assertTrue(fast.loss(gamma) < 1e-240, at + ": " + fast.loss(gamma));
            }
            double dRef = exact.lossDerivative(gamma);
            double dScale = Math.abs(dRef) + 1e-12 * Math.abs(exact.lossDerivative(gamma / 2));
            assertEquals(dRef, fast.lossDerivative(gamma), 1e-10 * dScale + 1e-300, at);
        }
    }

    /**
     * α = 1, L = 2·10^9 (one O(L) closed-form evaluation, ~7 s): quadrature, Catalan closed form and the asymptote
     * 𝓛* = ½ Σ_{n≥L} C_n 4^{−n} = (πL)^{−1/2}(1 + O(1/L)) agree. Found by this test: the Catalan ratio
     * 2(2n+1)/(n+2) overflowed int for n &gt; 2^30 (the closed form gave 1.72e-5 instead of 1.26e-5).
     */
    @Test
    void depthNearTheIntLimitAtAlphaOne() {
        int l = 2_000_000_000;
        double closed = IsoModel.optimalNoiselessLoss(1, Depth.of(l));
        double quad = new IsoModel(1, Depth.of(l), 0).loss(IsoModel.optimalNoiselessGamma(1, l));
        assertEquals(1, closed * Math.sqrt(Math.PI * l), 1e-8);
        // 2·10^9 rounded recurrences against ~10^6 rounded nodes: agreement to 1e-7 relative (2e-8 observed)
        assertEquals(1, quad / closed, 1e-7);
    }

    @Test
    void hugeDepthsMatchTheCatalanClosedForm() {
        for (double alpha : new double[] {0.5, 0.9, 1.0, 1.3, 3}) {
            for (int l : new int[] {100_000, 3_000_000}) {
                double closed = IsoModel.optimalNoiselessLoss(alpha, Depth.of(l));
                double quad = new IsoModel(alpha, Depth.of(l), 0).loss(IsoModel.optimalNoiselessGamma(alpha, l));
                if (closed > 1e-250) {
                    assertEquals(1, quad / closed, 1e-9, "alpha " + alpha + " L " + l);
                } else {
                    assertTrue(quad < 1e-240, "alpha " + alpha + " L " + l + ": " + quad);
                }
            }
        }
    }
}
