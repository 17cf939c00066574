package org.iclscale.deteq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iclscale.core.Depth;
import org.iclscale.core.Setting;
import org.iclscale.simulate.MonteCarloResult;
import org.iclscale.simulate.StructuredSimulator;
import org.iclscale.spectrum.Spectrum;
import org.junit.jupiter.api.Test;

/** P = ∞, finite N: one-point density (notes §3.5) vs the two-point contour at q = 0 vs Monte Carlo. */
class OnePointDensityTest {

    private static final Spectrum S400 = Spectrum.powerLaw(1.25, 0.75, 400);

    @Test
    void massClosesAndAtomIsWidthFloor() {
        OnePointDensity d = new OnePointDensity(S400, 50);
        assertTrue(d.massError() < 1e-3, "mass error " + d.massError());
        assertEquals(Floors.width(S400, 50).excessLoss(), d.atom(), 1e-12);
        // γ = 0: loss = Σp = 1
        assertEquals(1.0, d.loss(0, Depth.of(3)), 2e-3);
        // L = ∞, γ → ∞ leaves only the atom
        assertEquals(d.atom(), d.loss(1e9, Depth.INFINITE), 1e-9);
        assertTrue(d.report().iterations() > 0 && d.report().residual() <= Subordination.TOLERANCE * 10);
    }

    /** Independent route: the contour method (E1)-(E3) at q = 0 (deteq-general.md §1 check). */
    @Test
    void agreesWithContourAtInfiniteContext() {
        OnePointDensity d = new OnePointDensity(S400, 50);
        TwoPointContour c = new TwoPointContour(S400, 50, Double.POSITIVE_INFINITY);
        for (double[] gl : new double[][] {{1, 1}, {3, 1}, {3, 2}, {24, 4}}) {
            Depth depth = Depth.of((int) gl[1]);
            double a = d.loss(gl[0], depth);
            double b = c.signal(gl[0], depth).loss();
            assertEquals(b, a, 2e-4 * b, "gamma=" + gl[0] + " L=" + gl[1]);
        }
    }

    /** Notes §3.5: formula 0.5790 (γ = 3, L = 1) and 0.1801 (γ = 24, L = 4) at D = 400, N = 50. */
    @Test
    void notesReferenceValues() {
        OnePointDensity d = new OnePointDensity(S400, 50);
        assertEquals(0.5790, d.loss(3, Depth.of(1)), 2e-4);
        assertEquals(0.1801, d.loss(24, Depth.of(4)), 2e-4);
    }

    @Test
    void derivativeMatchesFiniteDifference() {
        OnePointDensity d = new OnePointDensity(S400, 50);
        for (Depth depth : new Depth[] {Depth.of(2), Depth.INFINITE}) {
            double g = 2.5;
            double h = 1e-5;
            double fd = (d.loss(g + h, depth) - d.loss(g - h, depth)) / (2 * h);
            assertEquals(fd, d.lossDerivative(g, depth), 1e-6);
        }
    }

    /** Monte Carlo of the rank-N Haar projection at P = ∞ (D = 200, N = 40, 300 trials). */
    @Test
    void agreesWithMonteCarlo() {
        Spectrum s = Spectrum.powerLaw(1.25, 0.75, 200);
        OnePointDensity d = new OnePointDensity(s, 40);
        for (double[] gl : new double[][] {{1, 1}, {8, 4}}) {
            double theory = d.loss(gl[0], Depth.of((int) gl[1]));
            MonteCarloResult mc = new StructuredSimulator(s, Setting.RRS, 40, Double.POSITIVE_INFINITY, (int) gl[1],
                    gl[0], 0).run(300, 11);
            // finite-size offset of the deterministic equivalent ≲ 1% at D = 200 (deteq-general.md §4a)
            double tol = 4 * mc.standardError() + 0.01 * theory;
            assertEquals(mc.loss(), theory, tol, "gamma=" + gl[0] + " L=" + gl[1] + " mc=" + mc);
        }
    }
}
