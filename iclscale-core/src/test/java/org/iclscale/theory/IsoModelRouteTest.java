package org.iclscale.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iclscale.core.Depth;
import org.junit.jupiter.api.Test;

/**
 * The quadrature route choice of {@link IsoModel#signalLoss} (pole route only when cheap or when the loss is
 * tiny; anchored route otherwise, e.g. α just above 1 at small L): at γ* = Lα/(1+α) the loss must equal the
 * Catalan closed form of paper-notes §3.1 in relative terms, across the switch.
 */
class IsoModelRouteTest {

    @Test
    void alphaJustAboveOneMatchesTheCatalanClosedForm() {
        for (double alpha : new double[] {1.001, 1.01, 1.02, 1.05, 1.2, 1.5}) {
            for (int l : new int[] {1, 2, 3, 5, 8, 20, 50, 100}) {
                IsoModel m = new IsoModel(alpha, Depth.of(l), 0);
                double exact = IsoModel.optimalNoiselessLoss(alpha, Depth.of(l));
                double quad = m.loss(IsoModel.optimalNoiselessGamma(alpha, l));
                assertEquals(1, quad / exact, 1e-11, "alpha " + alpha + " L " + l);
            }
        }
    }

    @Test
    void tinyLossesKeepRelativeAccuracy() {
        // α = 10, L = 100: 𝓛* ≈ 6.4e-52 (far below the anchored route's absolute accuracy)
        for (double alpha : new double[] {4, 10}) {
            for (int l : new int[] {60, 100}) {
                double exact = IsoModel.optimalNoiselessLoss(alpha, Depth.of(l));
                double quad = new IsoModel(alpha, Depth.of(l), 0).loss(IsoModel.optimalNoiselessGamma(alpha, l));
                assertTrue(exact < 1e-6, "a tiny-loss case");
                assertEquals(1, quad / exact, 1e-9, "alpha " + alpha + " L " + l);
            }
        }
    }

    @Test
    void pointsAwayFromTheOptimumAgreeWithTheMomentExpansion() {
        // 𝓛(γ) = Σ_j C(2L, j)(−c)^j m_j (Narayana moments, exact for small L): an independent route at γ ≠ γ*
        double alpha = 1.02;
        int l = 3;
        IsoModel m = new IsoModel(alpha, Depth.of(l), 0);
        for (double gamma : new double[] {0.3, 1.0, 1.4}) {
            double c = gamma / l;
            double sum = 1;
            double binom = 1;
            for (int j = 1; j <= 2 * l; j++) {
                binom = binom * (2 * l - j + 1) / j;
                sum += binom * Math.pow(-c, j) * m.law().moment(j);
            }
            assertEquals(sum, m.loss(gamma), 1e-12, "gamma " + gamma);
        }
    }
}
