package org.iclscale.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iclscale.core.ComputationException;
import org.junit.jupiter.api.Test;

/** The shared flow integrator: exact linear solutions, sampling order, and the failure report. */
class OdeSamplerTest {

    /** dy/dt = A y with A = [[0, 1], [-1, 0]] (a rotation) and dz/dt = −z: closed forms cos, −sin, e^{−t}. */
    @Test
    void matchesClosedFormsAtEachSampleTime() {
        double[] times = {0, 0, 0.5, 2, 2, 10};
        double[][] seen = new double[times.length][];
        int evaluations = OdeSampler.sample("test flow", new double[] {1, 0, 1}, times, 1e-13, 1e-13,
                (t, y) -> new double[] {y[1], -y[0], -y[2]}, (i, y) -> seen[i] = y.clone());
        for (int i = 0; i < times.length; i++) {
            double t = times[i];
            assertArrayEquals(new double[] {Math.cos(t), -Math.sin(t), Math.exp(-t)}, seen[i], 1e-10, "t = " + t);
        }
        assertTrue(evaluations > 0);
    }

    @Test
    void noTimesNoSteps() {
        assertEquals(0, OdeSampler.sample("test flow", new double[] {1}, new double[0], 1e-12, 1e-12,
                (t, y) -> new double[] {-y[0]}, (i, y) -> {
                    throw new AssertionError();
                }));
    }

    /** A blow-up (dy/dt = y², y(0) = 1 explodes at t = 1) is reported with solver, flow, time and tolerances. */
    @Test
    void failureIsAComputationException() {
        ComputationException e = assertThrows(ComputationException.class, () -> OdeSampler.sample("blow-up flow",
                new double[] {1}, new double[] {0.5, 2}, 1e-12, 1e-11, (t, y) -> new double[] {y[0] * y[0]}, (i, y) -> {
                }));
        assertTrue(e.getMessage().contains("Dormand-Prince 8(5,3) blow-up flow"), e.getMessage());
        assertTrue(e.getMessage().contains("t = 2.0") && e.getMessage().contains("1.0E-12 abs, 1.0E-11 rel"), e.getMessage());
    }
}
