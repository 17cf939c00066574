package org.iclscale.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.iclscale.core.Depth;
import org.iclscale.core.Extent;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Setting;
import org.iclscale.deteq.OnePointDensity;
import org.iclscale.deteq.StructuredLandscapes;
import org.iclscale.deteq.TwoPointContour;
import org.iclscale.model.Landscapes;
import org.iclscale.model.Regime;
import org.iclscale.spectrum.PowerLawContinuum;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.RrsContinuum;
import org.iclscale.theory.RrsModel;
import org.junit.jupiter.api.Test;

/**
 * The exact joint loss takes its landscapes from the model layer: each (N, L, P) gets the regime of the table in
 * {@link Landscapes}, and the landscape is bit-for-bit the construction ExactJointLoss made itself before (the
 * continuum, the D-mode sum, the one-point density, the two-point contour built directly here).
 */
class ExactJointLossRoutingTest {

    private static final double NU = 1.5;
    private static final double BETA = 0.8;
    private static final Extent INF = Extent.INFINITE;

    private static void assertSameLandscape(GammaLandscape expected, GammaLandscape actual, double... gammas) {
        for (double g : gammas) {
            assertEquals(expected.loss(g), actual.loss(g), 0, "loss at gamma = " + g);
            assertEquals(expected.lossDerivative(g), actual.lossDerivative(g), 0, "derivative at gamma = " + g);
        }
        assertEquals(expected.stabilityEdge(), actual.stabilityEdge(), 0);
    }

    @Test
    void regimesFollowTheTable() {
        ExactJointLoss e = new ExactJointLoss(NU, BETA, 49);
        Depth four = Depth.of(4);
        assertEquals(Regime.CONTINUUM, Landscapes.regime(e.spec(INF, four, INF)));
        assertEquals(Regime.CONTINUUM, Landscapes.regime(e.spec(INF, Depth.INFINITE, INF)));
        assertEquals(Regime.MODE_SUM, Landscapes.regime(e.spec(Extent.of(49), four, INF)));
        assertEquals(Regime.ONE_POINT_DENSITY, Landscapes.regime(e.spec(Extent.of(8), four, INF)));
        assertEquals(Regime.STRUCTURED_WISHART, Landscapes.regime(e.spec(INF, four, Extent.of(16))));
        assertEquals(Regime.STRUCTURED_WISHART, Landscapes.regime(e.spec(Extent.of(49), four, Extent.of(16))));
        assertEquals(Regime.TWO_POINT_CONTOUR, Landscapes.regime(e.spec(Extent.of(8), four, Extent.of(16))));
        // P = 16 at D = 49 is alpha = 16/49, whose product with 49 misses 16 by an ulp: the spec gives 16 back
        assertEquals(16, e.spec(Extent.of(8), four, Extent.of(16)).contextLength(), 0);
        assertEquals("RRS sum over all modes at D = inf (exact head + Euler-Maclaurin tail, notes 3.4)", e.method(INF, INF));
        assertEquals("RRS exact mode sum at N = D = 49 (no width bottleneck, P = inf)", e.method(Extent.of(49), INF));
        assertEquals("one-point density of Lambda^1/2 Q Lambda^1/2 (RRS, P = inf, N < D, notes 3.5) at D = 49",
                e.method(Extent.of(1), INF));
        assertEquals("two-point contour (E1)-(E3) (RRS, sigma = 0, finite P, N = D, deteq-general.md) at D = 49",
                e.method(INF, Extent.of(1)));
        assertEquals("two-point contour (E1)-(E3) (RRS, sigma = 0, finite P, N < D, deteq-general.md) at D = 49",
                e.method(Extent.of(1), Extent.of(1)));
    }

    @Test
    void landscapesAreTheDirectConstructions() {
        int d = 49;
        ExactJointLoss e = new ExactJointLoss(NU, BETA, d);
        Spectrum s = Spectrum.powerLaw(NU, BETA, d);
        for (Depth l : new Depth[] {Depth.of(4), Depth.INFINITE}) {
            assertSameLandscape(new RrsContinuum(new PowerLawContinuum(NU, BETA), l, 0), e.landscape(INF, l, INF), 0.5, 3, 40);
            assertSameLandscape(new RrsModel(s, l, 0), e.landscape(Extent.of(d), l, INF), 0.5, 3, 40);
        }
        Depth four = Depth.of(4);
        assertSameLandscape(StructuredLandscapes.width(new OnePointDensity(s, 8), s, four, 0),
                e.landscape(Extent.of(8), four, INF), 0.5, 3, 20);
        assertSameLandscape(StructuredLandscapes.context(Setting.RRS, new TwoPointContour(s, 8, 16), 8, 16, four, 0),
                e.landscape(Extent.of(8), four, Extent.of(16)), 0.5, 2);
        assertSameLandscape(StructuredLandscapes.context(Setting.RRS, new TwoPointContour(s, Double.POSITIVE_INFINITY, 16),
                Double.POSITIVE_INFINITY, 16, four, 0), e.landscape(INF, four, Extent.of(16)), 0.5, 2);
    }

    @Test
    void refusals() {
        ExactJointLoss e = new ExactJointLoss(NU, BETA, 49);
        assertThrows(InvalidInputException.class, () -> e.spec(Extent.of(50), Depth.of(4), INF));
        assertThrows(InvalidInputException.class, () -> e.spec(Extent.of(2.5), Depth.of(4), INF));
        assertThrows(InvalidInputException.class, () -> e.landscape(Extent.of(8), Depth.INFINITE, Extent.of(16)));
    }
}
