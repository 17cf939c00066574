package org.iclscale.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iclscale.core.Depth;
import org.iclscale.spectrum.Spectrum;
import org.junit.jupiter.api.Test;

/** {@link FullAttentionFlow#balanced} and the stop at a converged fixed point (paper Result 9, notes §3.7). */
class FullAttentionFlowTest {

    /** The 1-D w̃ flow from 2^{1/5}σ₀ at time factor 2^{2/5}g equals the 4-factor flow of {@link BalancedAttentionFlow}. */
    @Test
    void balancedStartEqualsTheFourFactorFlow() {
        double[] t = {0.5, 2, 5, 20, 200};
        for (GammaLandscape m : new GammaLandscape[] {new IsoModel(1.0, Depth.of(4), 0),
            new RrsModel(Spectrum.powerLaw(1.25, 1.2, 80), Depth.of(8), 0)}) {
            FullAttentionFlow.Trajectory one = FullAttentionFlow.balanced(m, 0.4, t, 1.0);
            BalancedAttentionFlow.Trajectory four = BalancedAttentionFlow.integrate(m, 0.4, 1.0, t);
            for (int i = 0; i < t.length; i++) {
                assertEquals(four.gamma()[i], one.gamma()[i], 1e-8 * Math.max(1, four.gamma()[i]), m.method() + " t " + t[i]);
            }
            // time factor g: the flow at g·t
            double[] scaled = {1, 4, 10, 40, 400};
            FullAttentionFlow.Trajectory twice = FullAttentionFlow.balanced(m, 0.4, t, 2.0);
            FullAttentionFlow.Trajectory later = FullAttentionFlow.balanced(m, 0.4, scaled, 1.0);
            for (int i = 0; i < t.length; i++) {
                assertEquals(later.gamma()[i], twice.gamma()[i], 1e-8 * Math.max(1, later.gamma()[i]));
            }
        }
    }

    /**
     * On the plateau the explicit integrator is stability-limited (O(rate·t) steps); once the Newton distance to the
     * stable fixed point is below 1e-10 the flow stops: ISO α = 1, L = 1 to t = 10⁵ takes few evaluations and sits at
     * γ* = α/(1+α) = 0.5 with 𝓛 = 1/(1+α) = 0.5 (notes §3.1).
     */
    @Test
    void stopsAtTheConvergedPlateau() {
        IsoModel m = new IsoModel(1.0, Depth.of(1), 0);
        FullAttentionFlow.Trajectory r = FullAttentionFlow.integrate(m, 0.5, new double[] {10, 100, 1e3, 1e4, 1e5}, 1.0);
        assertTrue(r.evaluations() < 20_000, r.evaluations() + " evaluations");
        for (int i = 1; i < 5; i++) {
            assertEquals(0.5, r.gamma()[i], 1e-9);
            assertEquals(0.5, r.loss()[i], 1e-15);
        }
        // unstable start (w small, f' > 0) is not mistaken for convergence: the flow leaves the initial plateau
        FullAttentionFlow.Trajectory slow = FullAttentionFlow.integrate(m, 0.1, new double[] {1, 1e4}, 1.0);
        assertTrue(slow.gamma()[0] < 1e-3);
        assertEquals(0.5, slow.gamma()[1], 1e-9);
    }
}
