package org.iclscale.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iclscale.core.QueryLabels;
import org.iclscale.core.Setting;
import org.iclscale.theory.ShallowSgd;
import org.junit.jupiter.api.Test;

/**
 * The query-label convention of depth-1 online SGD (issue 16 item 15). The paper's Result 10 update scores the
 * queries against noise-free labels; with noisy query labels y_μ = x_μ·w⋆ + σε_μ the recursion's b gains
 * (η²/τ)σ²g/κ ({@link ShallowSgd}). Three checks: (i) the closed form (a unchanged, the extra b, the σ = 0
 * limit); (ii) the one-step increment, exactly at finite D: the update is linear in the query labels, so from the
 * same Γ and the same batch the two conventions differ by η(D/BK)Σ σε x uᵀ alone, whose mean (1/D)‖·‖² is
 * η²σ²(1 + (D + 1)/P + σ²D/P)/(τκ) (E|x|² = D, E|u|² = |w⋆|²(1 + (D+1)/P) + σ²D/P, E|w⋆|² = 1), i.e.
 * η²σ²g/(τκ) up to O(1/D); (iii) whole training curves at D = 64 follow the theory of their own convention and
 * reject the other's.
 */
class QueryLabelConventionTest {

    @Test
    void closedForm() {
        double alpha = 0.7;
        double kappa = 0.4;
        double tau = 0.5;
        double eta = 0.02;
        double sigma = 0.8;
        ShallowSgd clean = new ShallowSgd(alpha, kappa, tau, eta, sigma);
        ShallowSgd noisy = new ShallowSgd(alpha, kappa, tau, eta, sigma, QueryLabels.NOISY);
        assertEquals(QueryLabels.NOISE_FREE, clean.queryLabels(), "the paper's update is the default");
        double g = 1 + (1 + sigma * sigma) / alpha;
        assertEquals(clean.a(), noisy.a(), 0.0, "the mean flow and a do not see zero-mean label noise");
        assertEquals(eta * eta / tau * sigma * sigma * g / kappa, noisy.b() - clean.b(), 1e-16);
        assertEquals(clean.loss(0), noisy.loss(0), 0.0);
        assertTrue(noisy.asymptoticLoss() > clean.asymptoticLoss());
        assertEquals(g * (noisy.b() - clean.b()) / (1 - clean.a()), noisy.asymptoticLoss() - clean.asymptoticLoss(),
                1e-14);
        ShallowSgd silent = new ShallowSgd(alpha, kappa, tau, eta, 0, QueryLabels.NOISY);
        assertEquals(new ShallowSgd(alpha, kappa, tau, eta, 0).b(), silent.b(), 0.0, "sigma = 0: one convention");
    }

    /** One SGD step from the same Γ on the same batches, noisy minus noise-free query labels (exact at finite D). */
    @Test
    void oneStepIncrementIsTheQueryNoiseVariance() {
        int d = 32;
        double alpha = 1;
        double kappa = 0.5;
        double tau = 0.5;
        double eta = 0.05;
        double sigma = 0.7;
        int p = (int) Math.round(alpha * d);
        int k = (int) Math.round(kappa * d);
        int b = (int) Math.round(tau * d);
        ContextSampler noisy = new ContextSampler(Setting.ISO, d, p, k, sigma, null);
        ContextSampler clean = noisy.withQueryLabels(QueryLabels.NOISE_FREE);
        assertEquals(QueryLabels.NOISY, noisy.queryLabels());
        double gStar = 1 / (1 + (1 + sigma * sigma) / alpha);
        ReducedModelTrainer tn = new ReducedModelTrainer(noisy, 1, false, eta, b, gStar, 11, 2);
        ReducedModelTrainer tc = new ReducedModelTrainer(clean, 1, false, eta, b, gStar, 11, 2);
        double[] start = tn.gamma(0).clone();
        int steps = 400;
        double[] v = new double[steps];
        for (int n = 0; n < steps; n++) {
            tn.setGamma(0, start);
            tc.setGamma(0, start);
            tn.step(n);
            tc.step(n);
            double[] a = tn.gamma(0);
            double[] c = tc.gamma(0);
            double s = 0;
            for (int i = 0; i < a.length; i++) {
                s += (a[i] - c[i]) * (a[i] - c[i]);
            }
            v[n] = s / d;
        }
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        double var = java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (steps - 1);
        double se = Math.sqrt(var / steps);
        double exact = eta * eta * sigma * sigma * (1 + (d + 1.0) / p + sigma * sigma * d / p) / (tau * kappa);
        assertEquals(exact, mean, 4 * se, "mean increment " + mean + " +- " + se + " vs " + exact);
        assertTrue(se < 0.03 * exact, "the check resolves 3 % (se " + se + ")");
        double limit = eta * eta * sigma * sigma * (1 + (1 + sigma * sigma) / alpha) / (tau * kappa);
        assertEquals(limit, exact, 0.04 * limit, "the D = inf value of the theory is within O(1/D) of the exact one");
    }

    /** Mean test loss over steps 200..400 of one run (stationary: a^200 < 1e-8), seed 3. */
    private static double stationaryLoss(int d, QueryLabels labels) {
        ContextSampler sampler = new ContextSampler(Setting.ISO, d, d, d / 4, 1.0, null).withQueryLabels(labels);
        ReducedModelTrainer t = new ReducedModelTrainer(sampler, 1, false, 0.03, d / 2, 0.0, 3, 200);
        TrainingLoop.Curve c = TrainingLoop.run(t, 400, 25, null);
        double mean = 0;
        int rows = 0;
        for (int i = 0; i < c.steps().length; i++) {
            if (c.steps()[i] >= 200) {
                mean += c.loss()[i];
                rows++;
            }
        }
        return mean / rows;
    }

    private static double theory(QueryLabels labels) {
        return new ShallowSgd(1, 0.25, 0.5, 0.03, 1, labels).asymptoticLoss();
    }

    /**
     * α = 1, κ = 0.25, τ = 0.5, σ = 1, η = 0.03 (a = 0.909): the D = ∞ asymptotic losses of the two conventions are
     * 2.261 (noise-free) and 2.974 (noisy), a 32 % difference. Simulated at D = 64 (both conventions on the same
     * batches, seed 3): 2.375 and 3.167, i.e. 5.1 % and 6.5 % above their own theory (the O(1/D) offset of the
     * D = ∞ recursion: 2.8 % and 4.0 % at D = 128, {@link #offsetShrinksWithDimension}) and 20 % / 40 % away from
     * the other convention's; the paired difference 0.79 against the theory's 0.713. Allowances: 8 % to the own
     * theory, more than 15 % from the other, the difference within 15 %.
     */
    @Test
    void trainingCurvesFollowTheirOwnConvention() {
        double clean = stationaryLoss(64, QueryLabels.NOISE_FREE);
        double noisy = stationaryLoss(64, QueryLabels.NOISY);
        String what = "simulated " + clean + " (noise-free), " + noisy + " (noisy); theory " + theory(QueryLabels.NOISE_FREE)
                + ", " + theory(QueryLabels.NOISY);
        assertEquals(theory(QueryLabels.NOISE_FREE), clean, 0.08 * theory(QueryLabels.NOISE_FREE), what);
        assertEquals(theory(QueryLabels.NOISY), noisy, 0.08 * theory(QueryLabels.NOISY), what);
        assertTrue(Math.abs(clean - theory(QueryLabels.NOISY)) > 0.15 * theory(QueryLabels.NOISY), what);
        assertTrue(Math.abs(noisy - theory(QueryLabels.NOISE_FREE)) > 0.15 * theory(QueryLabels.NOISE_FREE), what);
        double gap = theory(QueryLabels.NOISY) - theory(QueryLabels.NOISE_FREE);
        assertEquals(gap, noisy - clean, 0.15 * gap, what);
    }

    /** The offset to the D = ∞ theory shrinks from D = 64 to D = 128 in both conventions (about as 1/D). */
    @org.junit.jupiter.api.Tag("slow")
    @Test
    void offsetShrinksWithDimension() {
        for (QueryLabels labels : QueryLabels.values()) {
            double at64 = stationaryLoss(64, labels) / theory(labels) - 1;
            double at128 = stationaryLoss(128, labels) / theory(labels) - 1;
            assertTrue(at128 < 0.75 * at64 && at128 > 0, labels + ": offset " + at64 + " at D = 64, " + at128 + " at 128");
        }
    }
}
