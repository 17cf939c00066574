package org.iclscale.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iclscale.core.Depth;
import org.iclscale.spectrum.Spectrum;
import org.junit.jupiter.api.Test;

/** {@link ModeFlow} (Dormand–Prince 5(4) on D modes) against the exact separable Result 4 solution of {@link FsModel}. */
class ModeFlowTest {

    private static final Spectrum SPEC = Spectrum.powerLaw(1.25, 1.25, 64);
    private static final double[] TIMES = {0, 0.5, 1, 10, 100, 1000};

    @Test
    void reproducesTheExactResultFourSolution() {
        for (int l : new int[] {1, 2, 4}) {
            FsModel fs = new FsModel(SPEC, Depth.of(l), 0.1, TimeConvention.HALF);
            ModeFlow.Trajectory tr = ModeFlow.integrate(fs, new double[SPEC.dim()], TIMES);
            for (int i = 0; i < TIMES.length; i++) {
                assertEquals(fs.loss(TIMES[i]), tr.loss()[i], 1e-5 * fs.loss(TIMES[i]), "L " + l + ", t " + TIMES[i]);
                double mean = 0;
                for (int k = 0; k < SPEC.dim(); k++) {
                    assertEquals(fs.gamma(k, TIMES[i]), tr.gamma()[i][k], 1e-5 * fs.gamma(k, TIMES[i]) + 1e-9,
                            "L " + l + ", mode " + k + ", t " + TIMES[i]);
                    mean += fs.gamma(k, TIMES[i]) / SPEC.dim();
                }
                assertEquals(mean, tr.meanGamma()[i], 1e-5 * mean + 1e-12);
            }
            assertTrue(tr.evaluations() < 2000, "evaluations " + tr.evaluations());
        }
    }

    /** scale s: dγ_k/dt = −(s/2)∂𝓛/∂γ_k is the scale-1 flow at time s·t. */
    @Test
    void scaleIsATimeRescaling() {
        FsModel fs = new FsModel(SPEC, Depth.of(2), 0, TimeConvention.HALF);
        double d = SPEC.dim();
        ModeFlow.Trajectory scaled = ModeFlow.integrate(fs, new double[SPEC.dim()], new double[] {0.01, 0.1, 1}, d);
        for (int i = 0; i < 3; i++) {
            double t = new double[] {0.01, 0.1, 1}[i];
            assertEquals(fs.loss(d * t), scaled.loss()[i], 1e-5 * fs.loss(d * t));
        }
    }

    @Test
    void startsFromTheGivenState() {
        FsModel fs = new FsModel(SPEC, Depth.of(2), 0, TimeConvention.HALF);
        double[] start = fs.zeroLossGamma();
        ModeFlow.Trajectory tr = ModeFlow.integrate(fs, start, new double[] {0, 5});
        // Γ = LΣ⁻¹ is a fixed point (Result 3): nothing moves, zero loss
        assertEquals(0, tr.loss()[0], 1e-15);
        assertEquals(0, tr.loss()[1], 1e-15);
        assertEquals(start[3], tr.gamma()[1][3], 1e-12 * start[3]);
    }
}
