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

    /** Both pairs and both samplings reproduce the closed forms (dense output: interpolated between steps). */
    @Test
    void everyPairAndSamplingMatchesTheClosedForms() {
        double[] times = {0, 0, 0.3, 0.5, 2, 2, 7, 10};
        for (OdeSampler.Integrator pair : OdeSampler.Integrator.values()) {
            for (OdeSampler.Sampling sampling : OdeSampler.Sampling.values()) {
                double[][] seen = new double[times.length][];
                int evaluations = OdeSampler.sample(pair, sampling, "test flow", new double[] {1, 0, 1}, times, 1e-11,
                        1e-11, (t, y) -> new double[] {y[1], -y[0], -y[2]}, (i, y) -> seen[i] = y.clone(), y -> false);
                for (int i = 0; i < times.length; i++) {
                    double t = times[i];
                    assertArrayEquals(new double[] {Math.cos(t), -Math.sin(t), Math.exp(-t)}, seen[i], 1e-8,
                            pair + ", " + sampling + ", t = " + t);
                }
                assertTrue(evaluations > 0);
            }
        }
    }

    /** Dense output does not restart at the sample times: fewer evaluations than restarting, same pair. */
    @Test
    void denseOutputSavesTheRestarts() {
        double[] times = new double[41];
        for (int i = 0; i < times.length; i++) {
            times[i] = 0.25 * i;
        }
        int[] counts = new int[2];
        for (OdeSampler.Sampling sampling : OdeSampler.Sampling.values()) {
            counts[sampling.ordinal()] = OdeSampler.sample(OdeSampler.Integrator.DORMAND_PRINCE_54, sampling, "test flow",
                    new double[] {1}, times, 1e-8, 1e-6, (t, y) -> new double[] {-y[0]}, (i, y) -> {
                    }, y -> false);
        }
        assertTrue(counts[OdeSampler.Sampling.DENSE_OUTPUT.ordinal()] < counts[OdeSampler.Sampling.RESTART.ordinal()] / 2,
                "dense " + counts[1] + ", restart " + counts[0]);
    }

    /** A frozen state is held for the remaining times in both samplings (no further evaluations after it). */
    @Test
    void frozenStateIsHeld() {
        double[] times = {1, 2, 50, 100};
        for (OdeSampler.Sampling sampling : OdeSampler.Sampling.values()) {
            double[][] seen = new double[times.length][];
            OdeSampler.sample(OdeSampler.Integrator.DORMAND_PRINCE_54, sampling, "test flow", new double[] {1}, times,
                    1e-12, 1e-10, (t, y) -> new double[] {-y[0]}, (i, y) -> seen[i] = y.clone(), y -> y[0] < 0.2);
            assertEquals(Math.exp(-2), seen[1][0], 1e-8, sampling.toString());
            assertEquals(seen[1][0], seen[2][0], 0.0, sampling + ": held after the frozen sample");
            assertEquals(seen[1][0], seen[3][0], 0.0, sampling.toString());
        }
    }

    /** The failure report names the chosen pair, in both samplings. */
    @Test
    void failureNamesTheChosenPair() {
        for (OdeSampler.Sampling sampling : OdeSampler.Sampling.values()) {
            ComputationException e = assertThrows(ComputationException.class, () -> OdeSampler.sample(
                    OdeSampler.Integrator.DORMAND_PRINCE_54, sampling, "blow-up flow", new double[] {1},
                    new double[] {0.5, 2}, 1e-12, 1e-11, (t, y) -> new double[] {y[0] * y[0]}, (i, y) -> {
                    }, y -> false));
            assertTrue(e.getMessage().contains("Dormand-Prince 5(4) blow-up flow"), e.getMessage());
            assertTrue(e.getMessage().contains("t = 2.0") && e.getMessage().contains("1.0E-12 abs, 1.0E-11 rel"),
                    e.getMessage());
        }
    }
}
