package org.iclscale.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.iclscale.core.Depth;
import org.iclscale.core.Setting;
import org.iclscale.deteq.FsModeLandscape;
import org.iclscale.io.Report;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.ExactShallowLandscape;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The FS training overlay (reduced-model SGD on FS contexts through {@link Overlay}, theory from
 * {@code Theory.trainingTheory}) against the per-mode flow on the exact depth-1 finite-P landscape
 * ({@link ExactShallowLandscape}), the discrete gradient-descent iterates on it, and the finite-α deterministic
 * equivalent.
 */
class FsTrainingOverlayTest {

    /** η and recorded steps of the runs (per-mode stability needs η·D·p₁λ₁ &lt; 2: η = 0.05 at D ≤ 32). */
    static final double ETA = 0.05;
    static final double[] STEPS = {5, 10, 25, 50, 100, 250, 500, 1000};

    private static Overlay.Result run(int d, int[] depths) {
        PaperFigures.Options o = new PaperFigures.Options(true, 1000, 5, d, 3);
        return OverlayRuns.run(Setting.FS, 1.25, 1.25, d, depths, false, ETA, STEPS, o);
    }

    /**
     * The mean of SGD is, to first order in η, the gradient-descent iterate γ_k ← γ_k − η(D/2)∂𝓛/∂γ_k on the
     * exact landscape (the simulator's clock t = ηn in normalised-trace units, {@code ModeFlow} scale D).
     */
    static double[] exactIterates(int d, double[] steps) {
        Spectrum s = Spectrum.powerLaw(1.25, 1.25, d);
        ExactShallowLandscape exact = FigureLandscapes.exactShallow(s, (int) Math.round(OverlayRuns.ALPHA * d));
        double[][] g = GradientDescent.modes(exact, ETA * d / 2, steps);
        double[] loss = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            loss[i] = exact.loss(g[i]);
        }
        return loss;
    }

    /**
     * D = 8, L = 1, 1000 test contexts per run, 3 runs. Against the exact flow: every step within 4 SE + 2 % from
     * step 10 on; at step 5 the discrete SGD steps run ahead of the flow (measured 3-4.4 % at D = 8), which is the
     * difference between the flow and the gradient-descent iterates of the same exact landscape (asserted: the
     * iterates lie below the flow there by more than 2 %). Against those iterates every step, step 5 included, is
     * within 4 SE + 2 % (the 2 %: the O(η/B) SGD-noise excess). It can fail: a 10 % perturbation of the theory, or
     * the deterministic equivalent (5-10 % lower on the late steps), exceeds 4 SE + 2 % once the SE is below 1.5 %
     * of the loss.
     */
    @Test
    void shallowSgdFollowsTheExactFlow() {
        Report r = run(8, new int[] {1}).table();
        double[] exact = r.columns().get("exactShallowTheoryLoss");
        double[] loss = r.columns().get("loss");
        double[] se = r.columns().get("standardError");
        double[] deteq = r.columns().get("theoryLoss");
        double[] step = r.columns().get("step");
        double[] iterates = exactIterates(8, step);
        for (int i = 0; i < loss.length; i++) {
            String at = "step " + step[i] + ": SGD " + loss[i] + " +- " + se[i] + " vs exact flow " + exact[i]
                    + ", iterates " + iterates[i];
            assertTrue(Math.abs(loss[i] - iterates[i]) <= 4 * se[i] + 0.02 * iterates[i], at);
            if (step[i] >= 10) {
                assertTrue(Math.abs(loss[i] - exact[i]) <= 4 * se[i] + 0.02 * exact[i], at);
            } else {
                assertTrue(iterates[i] < 0.98 * exact[i], "the discrete iterates run ahead of the flow: " + at);
            }
            assertTrue(deteq[i] < exact[i], "the deterministic equivalent drops a positive 1/P term");
        }
    }

    /** D = 8, L = 4: within 4 SE + 4 % of the finite-α flow (no exact reference beyond L = 1). */
    @Test
    void deepSgdFollowsTheFiniteAlphaFlow() {
        Report r = run(8, new int[] {4}).table();
        double[] loss = r.columns().get("loss");
        double[] se = r.columns().get("standardError");
        double[] deteq = r.columns().get("theoryLoss");
        for (int i = 0; i < loss.length; i++) {
            assertTrue(Math.abs(loss[i] - deteq[i]) <= 4 * se[i] + 0.04 * deteq[i], "row " + i + ": " + loss[i] + " vs "
                    + deteq[i]);
        }
    }

    /**
     * The exact L = 1 landscape minus the finite-α deterministic equivalent is the O(1/P) Isserlis term the
     * equivalent drops, (1/P)Σ_k ω_kλ_k³γ_k² (to its O(1/P²) remainder), at D = 16, P = 128 (γ_k = 1: 0.0062, 4.6 %
     * of the loss); the gradient matches a central difference.
     */
    @Test
    void exactShallowLandscapeAgainstTheDeterministicEquivalent() {
        Spectrum s = Spectrum.powerLaw(1.25, 1.25, 16);
        ExactShallowLandscape exact = new ExactShallowLandscape(s, 128, 0);
        FsModeLandscape deteq = new FsModeLandscape(s, 8, Depth.of(1), 0);
        for (double g0 : new double[] {0.5, 1.0, 1.5}) {
            double[] g = new double[16];
            Arrays.fill(g, g0);
            double dropped = 0;
            for (int k = 0; k < 16; k++) {
                double l = s.lambda()[k];
                dropped += s.omega()[k] * l * l * l * g[k] * g[k] / 128;
            }
            assertEquals(dropped, exact.loss(g) - deteq.loss(g), 0.1 * dropped, "gamma = " + g0);
            double[] grad = exact.gradient(g);
            for (int k : new int[] {0, 3, 15}) {
                double[] up = g.clone();
                double[] dn = g.clone();
                up[k] += 1e-6;
                dn[k] -= 1e-6;
                assertEquals((exact.loss(up) - exact.loss(dn)) / 2e-6, grad[k], 1e-7);
            }
        }
        // gamma = 0: the loss is sum p_k = 1
        assertEquals(1.0, exact.loss(new double[16]), 1e-12);
    }

    /** D = 16 (slow): L = 1 against the exact flow, L = 4 against the finite-alpha flow. */
    @Test
    @Tag("slow")
    void figureDimension() {
        Overlay.Result p = run(16, new int[] {1, 4});
        Report r = p.table();
        double[] exact = p.exactTable().columns().get("exactShallowTheoryLoss");
        double[] loss = r.columns().get("loss");
        double[] se = r.columns().get("standardError");
        double[] deteq = r.columns().get("theoryLoss");
        double[] steps = r.columns().get("step");
        int n = exact.length;
        for (int i = 0; i < n; i++) {
            assertTrue(Math.abs(loss[i] - exact[i]) <= 4 * se[i] + 0.015 * exact[i], "L = 1, row " + i);
            // the flow theory is the continuous-time limit: over the first steps the discrete GD iterates lead it by
            // more than 2 % (asserted against the GD iterates of the exact landscape in the default test above), so
            // the flow is compared from step 100 on, as the other overlay tests do
            if (steps[n + i] >= 100) {
                assertTrue(Math.abs(loss[n + i] - deteq[n + i]) <= 4 * se[n + i] + 0.03 * deteq[n + i], "L = 4, row "
                        + i + ": loss " + loss[n + i] + " +- " + se[n + i] + ", theory " + deteq[n + i] + ", step "
                        + steps[n + i]);
            }
        }
    }
}
