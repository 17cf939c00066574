package org.iclscale.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iclscale.core.Depth;
import org.junit.jupiter.api.Test;

/**
 * Gradient flow dγ/dt = −½ d𝓛/dγ from γ(0) = 0 (paper Result 1, convention of design.md): closed form at
 * L = 1, convergence to γ* = Lα/(1+α) (σ = 0) and to the noisy optimum, and agreement with an independent
 * fixed-step RK4 integration driven by finite differences of the loss (not by lossDerivative).
 */
class GradientFlowTest {

    /** L = 1: dγ/dt = 1 − gγ with g = 1 + (1 + σ²)/α... precisely 1 + 1/α + σ²/α, so γ(t) = (1 − e^{−gt})/g. */
    @Test
    void depthOneClosedForm() {
        for (double alpha : new double[] {0.5, 1, 3}) {
            for (double sigma : new double[] {0, 0.7}) {
                double g = 1 + (1 + sigma * sigma) / alpha;
                double[] times = {0, 0.1, 0.5, 1, 2, 5, 20};
                GradientFlow.Trajectory tr = GradientFlow.integrate(new IsoModel(alpha, Depth.of(1), sigma), times);
                for (int i = 0; i < times.length; i++) {
                    assertEquals((1 - Math.exp(-g * times[i])) / g, tr.gamma()[i], 1e-11, "t = " + times[i]);
                }
                assertEquals(1 + sigma * sigma, tr.loss()[0], 1e-15, "loss(0) = 1 + sigma^2");
            }
        }
    }

    /** σ = 0: γ(t) → Lα/(1+α) and 𝓛(t) → the Catalan optimum. */
    @Test
    void longTimeLimitIsTheOptimum() {
        for (double alpha : new double[] {0.5, 1, 2}) {
            for (int l : new int[] {1, 2, 4, 8}) {
                IsoModel model = new IsoModel(alpha, Depth.of(l), 0);
                GradientFlow.Trajectory tr = GradientFlow.integrate(model, new double[] {1, 10, 1e3, 1e5});
                double gammaStar = IsoModel.optimalNoiselessGamma(alpha, l);
                // near γ* the flow is linear with rate ½ 𝓛''(γ*) > 0 (the loss is convex in γ): 1e5 is many
                // time constants
                double tol = 1e-9;
                assertEquals(gammaStar, tr.gamma()[3], tol * gammaStar, "alpha " + alpha + " L " + l);
                assertEquals(IsoModel.optimalNoiselessLoss(alpha, Depth.of(l)), tr.loss()[3], 1e-14);
                for (int i = 1; i < 4; i++) {
                    // monotone (up to rounding once converged)
                    assertTrue(tr.gamma()[i] >= tr.gamma()[i - 1] - 1e-11 * gammaStar
                            && tr.loss()[i] <= tr.loss()[i - 1] + 1e-15, "alpha " + alpha + " L " + l + " i " + i
                            + ": gamma " + tr.gamma()[i - 1] + " -> " + tr.gamma()[i]
                            + ", loss " + tr.loss()[i - 1] + " -> " + tr.loss()[i]);
                }
            }
        }
    }

    /** σ > 0: the flow stops at the noisy optimum found by the global search. */
    @Test
    void noisyFlowStopsAtTheOptimum() {
        IsoModel model = new IsoModel(2, Depth.of(4), 0.5);
        OptimumSearch.Optimum opt = OptimumSearch.minimise(model);
        GradientFlow.Trajectory tr = GradientFlow.integrate(model, new double[] {1e4});
        assertEquals(opt.gamma(), tr.gamma()[0], 1e-8);
        assertEquals(opt.loss(), tr.loss()[0], 1e-13);
    }

    /** Fixed-step RK4 on −½ (𝓛(γ+h) − 𝓛(γ−h))/(2h): an independent integrator and derivative. */
    @Test
    void agreesWithIndependentExplicitIntegration() {
        for (double alpha : new double[] {0.5, 2}) {
            for (Depth depth : new Depth[] {Depth.of(3), Depth.of(16), Depth.INFINITE}) {
                double sigma = 0.4;
                IsoModel model = new IsoModel(alpha, depth, sigma);
                double[] times = {0.5, 2, 6};
                GradientFlow.Trajectory tr = GradientFlow.integrate(model, times);
                double dt = 1e-3;
                double gamma = 0;
                double t = 0;
                int k = 0;
                java.util.function.DoubleUnaryOperator rhs = g -> {
                    double h = 1e-6;
                    return -0.5 * (model.loss(g + h) - model.loss(g - h)) / (2 * h);
                };
                while (k < times.length) {
                    double k1 = rhs.applyAsDouble(gamma);
                    double k2 = rhs.applyAsDouble(gamma + dt / 2 * k1);
                    double k3 = rhs.applyAsDouble(gamma + dt / 2 * k2);
                    double k4 = rhs.applyAsDouble(gamma + dt * k3);
                    gamma += dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
                    t += dt;
                    if (Math.abs(t - times[k]) < dt / 2) {
                        assertEquals(gamma, tr.gamma()[k], 1e-7, "alpha " + alpha + " L " + depth + " t " + times[k]);
                        k++;
                    }
                }
            }
        }
    }

    @Test
    void countsEvaluationsAndHandlesRepeatedTimes() {
        GradientFlow.Trajectory tr = GradientFlow.integrate(new IsoModel(1, Depth.of(2), 0), new double[] {0, 1, 1, 3});
        assertEquals(0.0, tr.gamma()[0], 0);
        assertEquals(tr.gamma()[1], tr.gamma()[2], 0);
        assertTrue(tr.evaluations() > 0 && tr.evaluations() < 5000, "evaluations " + tr.evaluations());
    }
}
