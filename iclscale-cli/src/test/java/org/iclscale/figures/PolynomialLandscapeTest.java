package org.iclscale.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.iclscale.simulate.ProjectionAverage;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.GradientFlow;
import org.junit.jupiter.api.Test;

/**
 * Fig. 5's projection average is a polynomial of degree 2L in γ: its Chebyshev interpolants ({@link PolynomialLandscape})
 * equal the direct pooled mode sums (the former route of Fig. 5's flows) up to rounding, for the loss and the
 * derivative, at random γ on [0, stability edge], at its ends and beyond it (direct); and the gradient flows of
 * Fig. 5c's widths at D = 180 on the interpolant equal those on the direct sums to {@link #FLOW_AGREEMENT}.
 */
class PolynomialLandscapeTest {

    /** Rounding of the barycentric form relative to the landscape's scale there (measured: below 1e-15). */
    private static final double ROUNDING = 1e-12;
    /** Relative agreement of the flows' losses, interpolant vs direct (measured: 4e-15 on figure 5's CSVs). */
    private static final double FLOW_AGREEMENT = 1e-12;

    private static void check(GammaLandscape direct, int degree) {
        PolynomialLandscape p = new PolynomialLandscape(direct, degree);
        double edge = direct.stabilityEdge();
        double scale = Math.max(Math.abs(direct.loss(0)), Math.abs(direct.loss(edge)));
        double slope = Math.max(Math.abs(direct.lossDerivative(0)), Math.abs(direct.lossDerivative(edge)));
        SplittableRandom rng = new SplittableRandom(11);
        double[] gammas = new double[44];
        for (int i = 0; i < 40; i++) {
            gammas[i] = edge * rng.nextDouble();
        }
        gammas[40] = 0;
        gammas[41] = edge;
        gammas[42] = edge * (1 - 1e-9);
        gammas[43] = 1.3 * edge; // beyond: direct
        for (double g : gammas) {
            double l = direct.loss(g);
            double d = direct.lossDerivative(g);
            assertEquals(l, p.loss(g), ROUNDING * Math.max(scale, Math.abs(l)), "loss at " + g);
            assertEquals(d, p.lossDerivative(g), ROUNDING * Math.max(slope, Math.abs(d)), "derivative at " + g);
        }
        assertEquals(direct.lossDerivative(1.3 * edge), p.lossDerivative(1.3 * edge), 0.0, "beyond the edge: direct");
    }

    @Test
    void interpolantsAreTheProjectionAverage() {
        Spectrum s = Spectrum.powerLaw(Fig5.NU, Fig5.BETA, 48);
        for (int l : new int[] {1, 2, 5, 13, 32}) {
            check(new ProjectionAverage(s, 8, l, 0, 30, 1), 2 * l);
        }
        check(new ProjectionAverage(s, 16, 4, 0.5, 20, 3), 8); // σ² is a constant term
    }

    @Test
    void fig5cFlowsEqualTheDirectSums() {
        Spectrum s = Spectrum.powerLaw(Fig5.NU, Fig5.BETA, Fig5.DIM_C);
        double[] t = Curves.decades(-1, 5, 10);
        int[][] models = {{4, 1}, {16, 5}, {64, 32}};
        for (int[] m : models) {
            ProjectionAverage direct = new ProjectionAverage(s, m[0], m[1], 0, 40, 1);
            double[] before = GradientFlow.integrate(direct, t).loss();
            double[] after = GradientFlow.integrate(new PolynomialLandscape(direct, 2 * m[1]), t).loss();
            for (int i = 0; i < t.length; i++) {
                assertEquals(before[i], after[i], FLOW_AGREEMENT * before[i], "N = " + m[0] + " at t = " + t[i]);
            }
        }
    }
}
