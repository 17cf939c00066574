package org.iclscale.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.iclscale.core.ComputationException;
import org.iclscale.simulate.MonteCarloResult;
import org.iclscale.simulate.Trainer;
import org.junit.jupiter.api.Test;

/**
 * A diverging run ends a Fig. 1a/1b curve at the last step every run reached (the drop before it is data); the other
 * overlays still fail on a divergence.
 */
class TrainingOverlayDivergenceTest {

    /** Loss 1/(1 + n) until step {@code blowUp}, where the batch loss overflows (never, if negative). */
    private static Trainer trainer(int blowUp) {
        return new Trainer() {
            int steps;

            @Override
            public double step(int n, boolean update) {
                steps++;
                return n == blowUp ? Double.POSITIVE_INFINITY : 1.0;
            }

            @Override
            public MonteCarloResult testLoss() {
                return new MonteCarloResult(1.0 / (1 + steps), 0, 1);
            }

            @Override
            public Map<String, Double> observables() {
                return Map.of();
            }

            @Override
            public double eta() {
                return 0.02;
            }
        };
    }

    private static final double[] STEPS = {0, 10, 20, 30, 40};

    @Test
    void theCurveEndsWhereTheFirstRunDiverged() {
        int[] blowUps = {35, 17, -1};
        int[] run = {0};
        TrainingOverlay.Curve c = TrainingOverlay.runUntilDivergence("fig1a", 0, 1, seed -> trainer(blowUps[run[0]++]),
                3, STEPS);
        assertArrayEquals(new double[] {0, 10}, c.steps());
        assertEquals(1.0, c.mean()[0]);
        assertEquals(1.0 / 11, c.mean()[1], 1e-15);
        assertTrue(c.divergence().startsWith("training run 2 diverged at step 17"), c.divergence());
        assertEquals(3, c.runs());
    }

    @Test
    void withoutDivergenceTheCurveIsWholeAndOtherOverlaysStillFail() {
        TrainingOverlay.Curve c = TrainingOverlay.runUntilDivergence("fig1a", 0, 1, seed -> trainer(-1), 2, STEPS);
        assertArrayEquals(STEPS, c.steps());
        assertNull(c.divergence());
        assertThrows(ComputationException.class, () -> TrainingOverlay.run("fig3a", 0, 1, seed -> trainer(25), 2, STEPS));
    }
}
