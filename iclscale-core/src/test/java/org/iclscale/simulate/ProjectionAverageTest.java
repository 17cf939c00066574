package org.iclscale.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Setting;
import org.iclscale.spectrum.Spectrum;
import org.junit.jupiter.api.Test;

/** {@link ProjectionAverage}: the task average in closed form, checked against direct Monte Carlo and quadrature. */
class ProjectionAverageTest {

    /** Standard errors allowed between two independent Monte Carlo estimates. */
    private static final double SIGMAS = 4;

    /**
     * D = 2, N = 1: U = (cos θ, sin θ) with θ uniform (Haar on the circle), μ = λ₁cos²θ + λ₂sin²θ, so the average is
     * a one-dimensional integral; the trapezoid rule on 20,000 points (periodic integrand: spectrally accurate) is
     * the reference, the draws' mean must lie within 4 SE of it.
     */
    @Test
    void circleAgreesWithQuadrature() {
        Spectrum s = Spectrum.of(new double[] {1, 0.3}, new double[] {0.6, 0.9}, "two modes");
        double[] p = s.weights();
        for (int depth : new int[] {1, 3}) {
            ProjectionAverage a = new ProjectionAverage(s, 1, depth, 20_000, 7);
            for (double gamma : new double[] {0.5, 1.5, 2.5 * depth}) {
                int n = 20_000;
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    double th = Math.PI * i / n;
                    double c2 = Math.cos(th) * Math.cos(th);
                    double s2 = 1 - c2;
                    double mu = c2 + 0.3 * s2;
                    double w = (1 * p[0] * c2 + 0.3 * p[1] * s2) / mu;
                    double f = 1 - gamma * mu / depth;
                    sum += w * Math.pow(f * f, depth) + (p[0] + p[1] - w);
                }
                double exact = sum / n;
                assertEquals(exact, a.loss(gamma), SIGMAS * a.standardError(gamma) + 1e-12, "L " + depth + " gamma " + gamma);
            }
        }
    }

    /** Against the direct simulation of the defining P = ∞ GD (tasks and projections drawn), D = 24, N = 6. */
    @Test
    void agreesWithTheDirectSimulation() {
        Spectrum s = Spectrum.powerLaw(1.25, 0.75, 24);
        for (int depth : new int[] {1, 4}) {
            ProjectionAverage a = new ProjectionAverage(s, 6, depth, 4000, 3);
            for (double gamma : new double[] {1, 3 * depth}) {
                MonteCarloResult mc = new StructuredSimulator(s, Setting.RRS, 6, Double.POSITIVE_INFINITY, depth, gamma, 0)
                        .run(20_000, 11);
                double se = Math.hypot(mc.standardError(), a.standardError(gamma));
                assertEquals(mc.loss(), a.loss(gamma), SIGMAS * se, "L " + depth + " gamma " + gamma);
                // conditioning on the projection never increases the per-draw variance (Rao-Blackwell; measured
                // 0.85x here, 0 at gamma = 0 where the direct route's task draws are all its noise)
                assertTrue(a.standardError(gamma) * Math.sqrt(4000) < 1.02 * mc.standardError() * Math.sqrt(20_000),
                        "per-draw spread " + a.standardError(gamma) + " vs " + mc.standardError());
            }
        }
    }

    @Test
    void derivativeMatchesFiniteDifferencesAndLossStartsAtTotalWeight() {
        Spectrum s = Spectrum.powerLaw(1.5, 0.8, 32);
        ProjectionAverage a = new ProjectionAverage(s, 8, 3, 50, 1);
        double total = 0;
        for (double v : s.weights()) {
            total += v;
        }
        assertEquals(total, a.loss(0), 1e-12);
        assertEquals(0, a.standardError(0), 1e-15);
        for (double g : new double[] {0.3, 2, 5}) {
            double h = 1e-5;
            double fd = (a.loss(g + h) - a.loss(g - h)) / (2 * h);
            assertEquals(fd, a.lossDerivative(g), 1e-7 * Math.max(1, Math.abs(fd)), "gamma " + g);
        }
        assertTrue(a.widthFloor() > 0 && a.widthFloor() < total);
        assertTrue(a.stabilityEdge() > 0 && Double.isFinite(a.stabilityEdge()));
        assertTrue(a.method().contains("50 Haar projections"));
    }

    @Test
    void refusesWidthsOutsideTheBottleneck() {
        Spectrum s = Spectrum.powerLaw(1.5, 0.8, 8);
        assertThrows(InvalidInputException.class, () -> new ProjectionAverage(s, 8, 1, 10, 1));
        assertThrows(InvalidInputException.class, () -> new ProjectionAverage(s, 0, 1, 10, 1));
        assertThrows(InvalidInputException.class, () -> new ProjectionAverage(s, 2, 1, 1, 1));
    }
}
