package org.iclscale.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iclscale.core.Depth;
import org.iclscale.plot.Plot;
import org.iclscale.io.Report;
import org.iclscale.theory.FullAttentionFlow;
import org.iclscale.theory.IsoModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Fig. 6a training overlay at small D (fast): online SGD of full linear attention against the balanced
 * γ ↔ w⁵ flow (paper Result 9, notes §3.7) on the exact finite-D landscape, and the finite-D gap to D = ∞.
 */
class FullAttentionOverlayTest {

    private static org.iclscale.plot.Chart.Builder builder() {
        return new org.iclscale.plot.Chart.Builder("t", "", org.iclscale.plot.Chart.Axis.log("x", "x", Double.NaN,
                Double.NaN), org.iclscale.plot.Chart.Axis.log("y", "y", Double.NaN, Double.NaN));
    }

    private static Report run(int d, double tau, int runs, long seed) {
        PaperFigures.Options o = new PaperFigures.Options(true, 1000, seed, d, runs);
        org.iclscale.plot.Chart.Builder p = builder();
        return Fig6.training(p, o, tau, new int[] {1, 2}, new double[] {50, 150, 250, 400}, new java.util.ArrayList<>());
    }

    /**
     * D = 8, B = 8D = 64 contexts per step, 4 runs, 1000 test contexts per run: every point within 3 SE + 0.025 of
     * the flow on the exact D = 8 landscape. Measured (seeds 3, 4): deviations 0.000-0.018 (SGD above the flow on
     * the L = 1 plateau by the online-SGD excess, ∝ η/B), SE 0.003-0.009, so the allowance is 0.035-0.05. It can
     * fail: a 10 % perturbation of the theory moves it by 0.04-0.09 (losses 0.41-0.93), which breaks the check on
     * most rows in either direction. With 100 test contexts the SE is 0.02-0.035 and such a check could not fail.
     */
    @Test
    void smallDimensionTrainingFollowsTheFiniteSizeFlow() {
        Report r = run(8, 8, 4, 3);
        double[] depth = r.columns().get("depth");
        double[] loss = r.columns().get("loss");
        double[] se = r.columns().get("standardError");
        double[] finite = r.columns().get("finiteDimTheoryLoss");
        double[] theory = r.columns().get("theoryLoss");
        double[] step = r.columns().get("step");
        assertEquals(8, loss.length);
        for (int i = 0; i < loss.length; i++) {
            double dev = Math.abs(loss[i] - finite[i]);
            assertTrue(dev <= 3 * se[i] + 0.025, "L = " + depth[i] + ", step " + step[i] + ": simulation " + loss[i]
                    + " +- " + se[i] + " vs finite-D flow " + finite[i]);
            // the finite-D landscape lies above D = inf by O(1/D): at D = 8 at most 0.6/D
            assertTrue(finite[i] >= theory[i] - 0.005 && finite[i] - theory[i] <= 0.6 / 8, "finite-size gap at row " + i);
        }
        // the run does learn: the plateau is far below the start
        assertTrue(loss[3] < 0.7 && loss[7] < 0.55, "plateaus reached");
    }

    /**
     * The figure's default D = 16 (slow, ~30 s): at B = D the online-SGD excess over the finite-D flow is up to
     * ~0.09 during the drop and 0.03-0.06 on the plateaus (measured, seed 1: L = 1 0.575 vs 0.515, L = 2 0.427 vs
     * 0.395, L = 4 0.322 vs 0.301); allowance 4 SE + 0.1 plus a one-sided check (SGD not below the flow). This is
     * a loose check of the figure's own configuration (B = D, where the SGD excess is as large as a 10 % theory
     * shift); the discriminating check is the B = 8D test above.
     */
    @Test
    @Tag("slow")
    void figureDimensionTraining() {
        PaperFigures.Options o = new PaperFigures.Options(true, 200, 1, 16, 4);
        Report r = Fig6.training(builder(), o, 1, Fig6.SIM_DEPTHS,
                Fig6.SIM_STEPS, new java.util.ArrayList<>());
        double[] loss = r.columns().get("loss");
        double[] se = r.columns().get("standardError");
        double[] finite = r.columns().get("finiteDimTheoryLoss");
        for (int i = 0; i < loss.length; i++) {
            assertTrue(Math.abs(loss[i] - finite[i]) <= 4 * se[i] + 0.1, "row " + i + ": " + loss[i] + " vs " + finite[i]);
            assertTrue(loss[i] > finite[i] - 4 * se[i] - 0.01, "online SGD lies above the flow (noise excess), row " + i);
        }
    }

    /** The overlay's D = ∞ column is the figure's own curve: t = η n with η = 2·FIG6A_ETA is the figure's axis. */
    @Test
    void theoryColumnIsTheFigureCurve() {
        double[] steps = Fig6.SIM_STEPS;
        for (int l : Fig6.SIM_DEPTHS) {
            IsoModel m = new IsoModel(1.0, Depth.of(l), 0);
            double[] fig = FullAttentionFlow.balanced(m, Fig6.INIT_A, steps, 2 * Fig6.ETA_A).loss();
            double[] times = new double[steps.length];
            for (int i = 0; i < steps.length; i++) {
                times[i] = 2 * Fig6.ETA_A * steps[i];
            }
            double[] overlay = org.iclscale.theory.BalancedAttentionFlow.integrate(m, Fig6.INIT_A, 1.0, times)
                    .loss();
            for (int i = 0; i < steps.length; i++) {
                assertEquals(fig[i], overlay[i], 1e-6, "L = " + l + ", step " + steps[i]);
            }
        }
    }

    /** ISO finite-size landscape: tends to Marchenko-Pastur as D grows (the O(1/D) gap shrinks). */
    @Test
    void finiteSizeLandscapeConvergesToMarchenkoPastur() {
        IsoModel mp = new IsoModel(1.0, Depth.of(2), 0);
        double g = 1.0;
        double gap8 = new FiniteSizeLandscape(null, 8, 8, 2, 4000, 1).loss(g) - mp.loss(g);
        double gap32 = new FiniteSizeLandscape(null, 32, 32, 2, 1000, 1).loss(g) - mp.loss(g);
        assertTrue(gap8 > 0 && gap32 > 0 && gap32 < 0.5 * gap8, "gaps " + gap8 + ", " + gap32);
        // derivative consistent with the loss (central difference)
        FiniteSizeLandscape f = new FiniteSizeLandscape(null, 8, 8, 2, 200, 2);
        double h = 1e-5;
        assertEquals((f.loss(g + h) - f.loss(g - h)) / (2 * h), f.lossDerivative(g), 1e-6);
        // gamma = 0: loss = E|w*|^2 = 1 exactly for every sample size
        assertEquals(1.0, f.loss(0), 1e-12);
    }
}
