package org.iclscale.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ForkJoinPool;
import org.iclscale.core.ComputationException;
import org.iclscale.core.Depth;
import org.iclscale.core.Setting;
import org.iclscale.theory.GradientFlow;
import org.iclscale.theory.IsoModel;
import org.iclscale.theory.ShallowSgd;
import org.junit.jupiter.api.Test;

/**
 * Reduced-Γ SGD against the ISO theory: depth 1 against paper Result 10 (ShallowSgd, which includes the SGD
 * noise), depth L against the Result 1 gradient flow at t = η·n (tied) and η·n/L (untied); reproducibility.
 * Tolerances: 4 standard errors of the test-context average plus a finite-D allowance (O(1/D) and O(η/τ)
 * effects the limiting theories do not have), stated per test.
 */
class ReducedTrainingTheoryTest {

    private static ContextSampler iso(int d, double alpha, double kappa, double sigma) {
        return new ContextSampler(Setting.ISO, d, (int) Math.round(alpha * d), (int) Math.round(kappa * d), sigma, null);
    }

    @Test
    void depthOneSgdFollowsResult10() {
        // notes §3.2 / Fig. 7a parameters: alpha = kappa = 1, tau = 0.4, eta = 0.02, D = 128
        int d = 128;
        double eta = 0.02;
        double tau = 0.4;
        ReducedModelTrainer t = new ReducedModelTrainer(iso(d, 1, 1, 0), 1, false, eta, (int) Math.round(tau * d),
                0.0, 42, 400);
        TrainingLoop.Curve c = TrainingLoop.run(t, 100, 25, null);
        ShallowSgd theory = new ShallowSgd(1, 1, tau, eta, 0);
        double g = theory.g();
        for (int i = 0; i < c.steps().length; i++) {
            int n = (int) c.steps()[i];
            double expected = theory.loss(n);
            double tol = 4 * c.standardError()[i] + 0.01;
            assertEquals(expected, c.loss()[i], tol, "loss at step " + n);
            // mean Γ(t) = g⁻¹(1 − (1 − ηg)^t) I (⟨G⟩ = I − gΓ)
            double meanGamma = (1 - Math.pow(1 - eta * g, n)) / g;
            assertEquals(meanGamma, c.observables().get("gamma")[i], 0.01 + 0.02 * meanGamma, "gamma at step " + n);
        }
        // the curve really moves: from 1 to ~0.56
        assertTrue(c.loss()[c.loss().length - 1] < 0.6);
        assertEquals(1.0, c.loss()[0], 4 * c.standardError()[0]);
    }

    /** Paper Fig. 7a-c (notes §3.2 table, η = 0.02): SGD at D = 128 against Result 10 at step 100. */
    @org.junit.jupiter.api.Tag("slow")
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"1,1,0.1", "1,1,1.6", "0.4,1,1", "1.6,1,1", "1,0.2,1", "1,1.6,1"})
    void result10AcrossFigure7Panels(double alpha, double kappa, double tau) {
        int d = 128;
        double eta = 0.02;
        ReducedModelTrainer t = new ReducedModelTrainer(iso(d, alpha, kappa, 0), 1, false, eta,
                (int) Math.round(tau * d), 0.0, 17, 400);
        TrainingLoop.Curve c = TrainingLoop.run(t, 100, 100, null);
        double expected = new ShallowSgd(alpha, kappa, tau, eta, 0).loss(100);
        assertEquals(expected, c.loss()[1], 4 * c.standardError()[1] + 0.01, "alpha, kappa, tau = " + alpha + ", "
                + kappa + ", " + tau);
    }

    @Test
    void depthTwoSgdFollowsResult1GradientFlowAtTimeEtaN() {
        int d = 48;
        double eta = 0.025;
        int steps = 240;
        ReducedModelTrainer t = new ReducedModelTrainer(iso(d, 1, 1, 0), 2, false, eta, 2 * d, 0.0, 7, 300);
        TrainingLoop.Curve c = TrainingLoop.run(t, steps, 80, null);
        double[] times = new double[c.steps().length];
        for (int i = 0; i < times.length; i++) {
            times[i] = eta * c.steps()[i];
        }
        GradientFlow.Trajectory flow = GradientFlow.integrate(new IsoModel(1, Depth.of(2), 0), times);
        for (int i = 1; i < times.length; i++) {
            assertEquals(flow.gamma()[i], c.observables().get("gamma")[i], 0.03 * flow.gamma()[i], "gamma at t = " + times[i]);
            assertEquals(flow.loss()[i], c.loss()[i], 4 * c.standardError()[i] + 0.015, "loss at t = " + times[i]);
        }
        // the flow is not yet converged at t = 6 and the comparison is at distinct points of the curve
        assertTrue(flow.gamma()[1] < 0.8 * flow.gamma()[3]);
    }

    @Test
    void untiedLayersRunOnClockEtaNOverLAndStayBalanced() {
        int d = 48;
        int depth = 3;
        double eta = 0.06; // = 3 x 0.02
        ReducedModelTrainer t = new ReducedModelTrainer(iso(d, 1, 1, 0), depth, true, eta, 2 * d, 0.0, 9, 100);
        TrainingLoop.Curve c = TrainingLoop.run(t, 200, 100, null);
        double[] times = {0, eta * 100 / depth, eta * 200 / depth};
        GradientFlow.Trajectory flow = GradientFlow.integrate(new IsoModel(1, Depth.of(depth), 0), times);
        for (int i = 1; i < 3; i++) {
            double mean = c.observables().get("gamma")[i];
            assertEquals(flow.gamma()[i], mean, 0.04 * flow.gamma()[i], "gamma at t = " + times[i]);
            for (int l = 1; l <= depth; l++) {
                assertEquals(mean, c.observables().get("gammaLayer" + l)[i], 0.05 * mean, "layer " + l);
            }
        }
    }

    @Test
    void sameSeedSameCurveAndThreadCountDoesNotMatter() throws Exception {
        java.util.function.Supplier<TrainingLoop.Curve> run = () -> TrainingLoop.run(
                new ReducedModelTrainer(iso(24, 0.5, 1, 0.3), 2, true, 0.05, 20, 0.0, 123, 20), 12, 4, null);
        TrainingLoop.Curve a = run.get();
        TrainingLoop.Curve b = run.get();
        TrainingLoop.Curve one = new ForkJoinPool(1).submit(run::get).get();
        TrainingLoop.Curve two = new ForkJoinPool(2).submit(run::get).get();
        for (TrainingLoop.Curve other : new TrainingLoop.Curve[] {b, one, two}) {
            assertArrayEquals(a.loss(), other.loss(), 0.0);
            assertArrayEquals(a.trainLoss(), other.trainLoss(), 0.0);
            assertArrayEquals(a.observables().get("gamma"), other.observables().get("gamma"), 0.0);
        }
        TrainingLoop.Curve otherSeed = TrainingLoop.run(
                new ReducedModelTrainer(iso(24, 0.5, 1, 0.3), 2, true, 0.05, 20, 0.0, 124, 20), 12, 4, null);
        assertTrue(otherSeed.loss()[3] != a.loss()[3]);
    }

    @Test
    void divergentLearningRateIsReportedWithStepAndLoss() {
        // largest stable eta at alpha = kappa = tau = 1 is 2/(2 * 3) = 1/3; eta = 2 explodes within a few steps
        ReducedModelTrainer t = new ReducedModelTrainer(iso(16, 1, 1, 0), 1, false, 2.0, 16, 0.0, 1, 10);
        ComputationException e = assertThrows(ComputationException.class, () -> TrainingLoop.run(t, 500, 10, null));
        assertTrue(e.getMessage().matches(".*diverged at step \\d+: (batch|test) loss = [0-9.e+]+ > 1e\\+06.*"), e.getMessage());
        assertTrue(!e.getMessage().contains("NaN"), e.getMessage());
    }
}
