package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.iclscale.core.Depth;
import org.iclscale.core.Setting;
import org.iclscale.model.ExplicitSpectrum;
import org.iclscale.model.Landscapes;
import org.iclscale.model.ModelSpec;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.BalancedAttentionFlow;
import org.iclscale.theory.GammaLandscape;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code train --model full --setting rrs}: full linear attention trained by online SGD against its theory, the
 * balanced γ ↔ w⁵ flow (paper Result 9) on the finite-α RRS landscape (N = D deterministic equivalent), read from
 * the JSON users see. Spectrum ν = 1.5, β = 0.8, L = 2, tied, init scale 0.5 (γ(0) = 2·0.5⁵).
 *
 * <p><b>What is compared, and why during the escape.</b> The theory is a mean gradient flow on the
 * deterministic-equivalent (DE) landscape; the simulation is SGD at finite D. Two allowances:
 * <ul>
 * <li>Finite D: the DE is exact only as D → ∞, and with ν = 1.5 few modes carry the loss, so its error is largest
 * near the optimum. Measured (Monte Carlo at fixed Γ = γI, 20,000 contexts, D = 16, α = 2, L = 2): the true
 * loss is minimal near γ = 2.03 (0.1614), while the DE landscape puts γ* = 2.234 with 𝓛* = 0.1447 (at γ = 2.234
 * the true loss is 0.1681, +16 %). The full model's SGD plateau sits at the true finite-D optimum (γ ≈ 2.03,
 * loss ≈ 0.160 at η = 0.01, four seeds), so the lead's plateau gap (sim 0.145–0.19 vs 0.1447 at η = 0.05) is
 * this DE offset plus SGD noise at a large η, not a wrong time mapping or initial scale: during the escape
 * (t = η·n, γ from 0.06 to ~2) the simulated γ(t) follows the theory to 1–3 %. So the tests compare the escape,
 * before the plateau, at a larger α (α = 8 halves the DE offset of α = 2).</li>
 * <li>SGD noise and the test set: loss has its standard error (fixed test contexts; the errors at different steps
 * are correlated), γ = tr Γ/D has O(η/τ) SGD fluctuations (≪ 1 % here).</li>
 * </ul>
 * Criteria: γ within 3 % of theoryGamma at every step; loss within 6 % + 3 SE. Each test shows the criteria
 * can fail: theory scaled by 1.1 or 0.9, and the theory flow evaluated at times 1.1·t or 0.9·t (a 10 % error in
 * the t = η·n clock), are rejected.
 */
class TrainFullRrsTheoryTest {

    private static final double GAMMA_REL = 0.03;
    private static final double LOSS_REL = 0.06;

    private static JsonNode train(int dim, double alpha, double tau, double eta, int steps, int every, int seed,
            int testContexts) {
        CliHarness.Run r = CliHarness.run("train", "--model", "full", "--setting", "rrs", "--nu", "1.5", "--beta", "0.8",
                "--dim", Integer.toString(dim), "--alpha", Double.toString(alpha), "--depth", "2", "--tau",
                Double.toString(tau), "--eta", Double.toString(eta), "--steps", Integer.toString(steps), "--every",
                Integer.toString(every), "--seed", Integer.toString(seed), "--test-contexts",
                Integer.toString(testContexts), "--format", "json");
        assertEquals(0, r.code(), r.err());
        return r.json();
    }

    private static double[] column(JsonNode j, String key) {
        JsonNode c = j.get(key);
        double[] v = new double[c.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = c.get(i).asDouble();
        }
        return v;
    }

    /** Largest |sim − theory| / allowance over steps n &gt; 0 (≤ 1 passes). */
    private static double worst(double[] sim, double[] se, double[] theory, double rel) {
        double worst = 0;
        for (int i = 1; i < sim.length; i++) {
            double allowance = rel * theory[i] + 3 * (se == null ? 0 : se[i]);
            worst = Math.max(worst, Math.abs(sim[i] - theory[i]) / allowance);
        }
        return worst;
    }

    private static double[] scaled(double[] v, double c) {
        double[] s = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = c * v[i];
        }
        return s;
    }

    /** The seed-averaged curves (loss, its SE combined as SE/√seeds, γ) and one run's theory columns. */
    private record Curves(double[] steps, double[] loss, double[] se, double[] gamma, double[] theoryLoss,
            double[] theoryGamma, double eta) {
    }

    private static Curves average(int dim, double alpha, double tau, double eta, int steps, int every, int seeds,
            int testContexts) {
        Curves sum = null;
        for (int s = 1; s <= seeds; s++) {
            JsonNode j = train(dim, alpha, tau, eta, steps, every, s, testContexts);
            Curves c = new Curves(column(j, "step"), column(j, "loss"), squares(column(j, "standardError")),
                    column(j, "gamma"), column(j, "theoryLoss"), column(j, "theoryGamma"), eta);
            sum = sum == null ? c : new Curves(c.steps(), add(sum.loss(), c.loss()), add(sum.se(), c.se()),
                    add(sum.gamma(), c.gamma()), c.theoryLoss(), c.theoryGamma(), eta);
        }
        double[] se = sum.se().clone();
        for (int i = 0; i < se.length; i++) {
            se[i] = Math.sqrt(se[i]) / seeds;
        }
        return new Curves(sum.steps(), scaled(sum.loss(), 1.0 / seeds), se, scaled(sum.gamma(), 1.0 / seeds),
                sum.theoryLoss(), sum.theoryGamma(), eta);
    }

    private static double[] add(double[] a, double[] b) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }

    private static double[] squares(double[] a) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] * a[i];
        }
        return s;
    }

    /** γ(t) of the theory flow at the curve's steps with the clock t = c·η·n (c = 1 is the CLI's theory). */
    private static double[] theoryGammaAt(int dim, double alpha, Curves c, double clock) {
        GammaLandscape rrs = Landscapes.of(ModelSpec.rrs(ExplicitSpectrum.of(Spectrum.powerLaw(1.5, 0.8, dim)))
                .alpha(alpha).depth(Depth.of(2)).build());
        double[] t = scaled(c.steps(), clock * c.eta());
        return BalancedAttentionFlow.integrate(rrs, 0.5, 1.0, t).gamma();
    }

    private static void assertFollows(Curves c, int dim, double alpha, double gammaRel, double lossRel) {
        double wg = worst(c.gamma(), null, c.theoryGamma(), gammaRel);
        double wl = worst(c.loss(), c.se(), c.theoryLoss(), lossRel);
        String curves = "gamma " + java.util.Arrays.toString(c.gamma()) + " vs " + java.util.Arrays.toString(c.theoryGamma())
                + "; loss " + java.util.Arrays.toString(c.loss()) + " vs " + java.util.Arrays.toString(c.theoryLoss());
        assertTrue(wg <= 1, "gamma: worst gap " + wg + " of the allowance; " + curves);
        assertTrue(wl <= 1, "loss: worst gap " + wl + " of the allowance; " + curves);
        assertEquals(2 * Math.pow(0.5, 5), c.theoryGamma()[0], 1e-12, "balanced start gamma(0) = 2 s^5");
        // the criteria can fail: a 10 % error in the theory's level or in its clock is rejected
        for (double f : new double[] {1.1, 0.9}) {
            assertTrue(worst(c.gamma(), null, scaled(c.theoryGamma(), f), gammaRel) > 1, "gamma theory x " + f);
            assertTrue(worst(c.loss(), c.se(), scaled(c.theoryLoss(), f), lossRel) > 1, "loss theory x " + f);
            assertTrue(worst(c.gamma(), null, theoryGammaAt(dim, alpha, c, f), gammaRel) > 1, "theory clock x " + f);
        }
        // the recomputed flow at the CLI's clock is the CLI's theory (same landscape, init and time mapping)
        double[] same = theoryGammaAt(dim, alpha, c, 1.0);
        for (int i = 0; i < same.length; i++) {
            assertEquals(c.theoryGamma()[i], same[i], 1e-9 * same[i]);
        }
    }

    /**
     * D = 16, α = 8, τ = 2, η = 0.02, 200 steps (t ≤ 4, γ from 0.06 to 2.07 of γ* = 2.49), one seed, 1,000 test
     * contexts. Measured: γ within 1.4 % at every step, loss within +0.1 .. +4.8 % (the DE offset grows as the
     * loss falls).
     */
    @Test
    void escapeFollowsTheBalancedFlowAtSmallDimension() {
        Curves c = average(16, 8, 2, 0.02, 200, 25, 1, 1000);
        assertFollows(c, 16, 8, GAMMA_REL, LOSS_REL);
        assertTrue(c.theoryGamma()[c.theoryGamma().length - 1] > 20 * c.theoryGamma()[0], "the theory escapes");
    }

    /**
     * D = 32, α = 4, τ = 2, η = 0.02, 200 steps (t ≤ 4, γ to ~2.1 of γ* = 2.48), seeds 1 and 2 averaged, 1,000
     * test contexts: tighter loss allowance 4 %. Measured per seed: γ within 2.6 % (largest at step 75, −2.6 %
     * and −1.7 %), loss +0.3 .. +2.7 %. (Run on to 300 steps, i.e. into the plateau, the gaps grow to γ −3.7 %,
     * loss +5.8 % in both seeds alike: the finite-D DE offset near the optimum described above.)
     */
    @Test
    @Tag("slow")
    void escapeFollowsTheBalancedFlowAtDimensionThirtyTwo() {
        Curves c = average(32, 4, 2, 0.02, 200, 25, 2, 1000);
        assertFollows(c, 32, 4, GAMMA_REL, 0.04);
    }
}
