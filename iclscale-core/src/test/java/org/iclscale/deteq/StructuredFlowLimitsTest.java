package org.iclscale.deteq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iclscale.core.Depth;
import org.iclscale.core.Setting;
import org.iclscale.core.Extent;
import org.iclscale.model.ExplicitSpectrum;
import org.iclscale.model.Landscapes;
import org.iclscale.model.ModelSpec;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.FsModel;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.GradientFlow;
import org.iclscale.theory.ModeFlow;
import org.iclscale.theory.RrsModel;
import org.iclscale.theory.TimeConvention;
import org.junit.jupiter.api.Test;

/**
 * The finite-α training theories of {@code train} tend to their α = ∞ counterparts: the FS per-mode flow on
 * {@link FsModeLandscape} → the exact Result 4 solution ({@link FsModel}); the RRS scalar flow on the N = D
 * landscape of {@link StructuredLandscapes} → the Result 6 flow on {@link RrsModel}. At α = 1 both differ
 * from the limit by far more than the tolerance (the finite-α theory is not the α = ∞ curve in disguise).
 */
class StructuredFlowLimitsTest {

    private static final Spectrum SPEC = Spectrum.powerLaw(1.5, 0.8, 32);
    private static final double[] TIMES = {0, 0.3, 1, 3, 10};

    @Test
    void fsPerModeFlowTendsToResultFour() {
        Depth depth = Depth.of(2);
        FsModel inf = new FsModel(SPEC, depth, 0, TimeConvention.HALF);
        ModeFlow.Trajectory big = ModeFlow.integrate(new FsModeLandscape(SPEC, 1e6, depth, 0), new double[SPEC.dim()],
                TIMES);
        ModeFlow.Trajectory one = ModeFlow.integrate(new FsModeLandscape(SPEC, 1, depth, 0), new double[SPEC.dim()],
                TIMES);
        for (int i = 1; i < TIMES.length; i++) {
            double exact = inf.loss(TIMES[i]);
            assertEquals(exact, big.loss()[i], 1e-4 * exact, "alpha 1e6, t " + TIMES[i]);
            assertTrue(one.loss()[i] > exact, "alpha 1 is higher: " + one.loss()[i] + " vs " + exact);
            for (int k : new int[] {0, 3, 10}) {
                assertEquals(inf.gamma(k, TIMES[i]), big.gamma()[i][k], 1e-4 * inf.gamma(k, TIMES[i]) + 1e-10);
            }
        }
        int last = TIMES.length - 1;
        assertTrue(one.loss()[last] > 1.05 * inf.loss(TIMES[last]), one.loss()[last] + " vs " + inf.loss(TIMES[last]));
    }

    @Test
    void rrsScalarFlowTendsToResultSix() {
        Depth depth = Depth.of(3);
        GradientFlow.Trajectory inf = GradientFlow.integrate(new RrsModel(SPEC, depth, 0), TIMES);
        GammaLandscape bigAlpha = Landscapes.of(ModelSpec.rrs(ExplicitSpectrum.of(SPEC)).alpha(1e6).depth(depth).build());
        GammaLandscape alphaOne = Landscapes.of(ModelSpec.rrs(ExplicitSpectrum.of(SPEC)).alpha(1).depth(depth).build());
        GradientFlow.Trajectory big = GradientFlow.integrate(bigAlpha, TIMES);
        GradientFlow.Trajectory one = GradientFlow.integrate(alphaOne, TIMES);
        for (int i = 1; i < TIMES.length; i++) {
            assertEquals(inf.loss()[i], big.loss()[i], 1e-4 * inf.loss()[i], "t " + TIMES[i]);
            assertEquals(inf.gamma()[i], big.gamma()[i], 1e-4 * inf.gamma()[i], "t " + TIMES[i]);
        }
        assertTrue(one.loss()[TIMES.length - 1] > 1.05 * inf.loss()[TIMES.length - 1]);
    }
}
