package org.iclscale.deteq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.iclscale.core.ComputationException;
import org.iclscale.core.Depth;
import org.iclscale.core.Setting;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.LossEvaluation;
import org.junit.jupiter.api.Test;

/**
 * The batched γ evaluation of a built contour (issue 17 goal 2: {@code sweep} over γ) against the one-γ route:
 * {@link TwoPointContour#signals} gives the same doubles and diagnostics as {@link TwoPointContour#signal} γ by γ,
 * over γ that use every contour level and blocks that are not a multiple of {@link TwoPointContour#BATCH}; the
 * landscape's {@code evaluateAll} (noise included) equals its {@code evaluate}.
 */
class BatchedContourTest {

    @Test
    void batchedSignalsAreTheOneGammaSignalsBitForBit() {
        Spectrum s = Spectrum.powerLaw(1.5, 0.8, 120);
        Depth depth = Depth.of(32);
        for (double width : new double[] {Double.POSITIVE_INFINITY, 30}) {
            TwoPointContour c = new TwoPointContour(s, width, 60);
            double edge = 2.0 * depth.steps() / c.spectralBound();
            double[] gammas = new double[301];
            for (int k = 0; k < gammas.length; k++) {
                gammas[k] = edge * (0.02 + 1.02 * k / (gammas.length - 1)); // up to the edge: deeper levels
            }
            gammas[5] = gammas[60]; // repeated γ, out of order
            TwoPointContour.Evaluation[] batch = c.signals(gammas, depth);
            Set<Integer> levels = new HashSet<>();
            for (int k = 0; k < gammas.length; k++) {
                TwoPointContour.Evaluation one = c.signal(gammas[k], depth);
                assertEquals(Double.doubleToRawLongBits(one.loss()), Double.doubleToRawLongBits(batch[k].loss()),
                        "loss at gamma " + gammas[k] + ", width " + width);
                assertEquals(Double.doubleToRawLongBits(one.imaginaryPart()),
                        Double.doubleToRawLongBits(batch[k].imaginaryPart()), "imaginary part at gamma " + gammas[k]);
                assertEquals(one.level(), batch[k].level());
                assertEquals(one.nodes(), batch[k].nodes());
                assertEquals(one.report(), batch[k].report());
                levels.add(one.level());
            }
            assertTrue(levels.size() >= 3, "the γ cover several contour levels: " + levels);
        }
    }

    @Test
    void landscapeEvaluateAllIsEvaluateWithNoise() {
        Spectrum s = Spectrum.powerLaw(1.25, 0.75, 100);
        Depth depth = Depth.of(3);
        TwoPointContour c = new TwoPointContour(s, 25, 50);
        GammaLandscape l = StructuredLandscapes.context(Setting.RRS, c, 25, 50, depth, 0.5);
        double[] gammas = {0.3, 1.7, 0.9, 4.0, 2.2, 0.3};
        LossEvaluation[] all = l.evaluateAll(gammas);
        for (int k = 0; k < gammas.length; k++) {
            LossEvaluation one = l.evaluate(gammas[k]);
            assertEquals(Double.doubleToRawLongBits(one.loss()), Double.doubleToRawLongBits(all[k].loss()));
            assertEquals(one.diagnostics(), all[k].diagnostics());
        }
    }

    @Test
    void aGammaBeyondTheTightestContourThrowsAsTheOneGammaRouteDoes() {
        TwoPointContour c = new TwoPointContour(Spectrum.powerLaw(1.5, 0.8, 60), 15, 30);
        Depth depth = Depth.of(64);
        double far = 50 * 2.0 * 64 / c.spectralBound();
        ComputationException one = assertThrows(ComputationException.class, () -> c.signal(far, depth));
        ComputationException batch = assertThrows(ComputationException.class,
                () -> c.signals(new double[] {1, far}, depth));
        assertEquals(one.getMessage(), batch.getMessage());
    }
}
