package org.iclscale.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iclscale.core.Depth;
import org.iclscale.core.Extent;
import org.iclscale.core.InvalidInputException;
import org.iclscale.deteq.Floors;
import org.iclscale.deteq.OnePointDensity;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.RrsModel;
import org.junit.jupiter.api.Test;

/** The exact joint loss reduces to the single-resource exact losses in its limits. */
class ExactJointLossTest {

    private static final Extent INF = Extent.INFINITE;

    private static Extent n(int value) {
        return Extent.of(value);
    }

    private static Depth l(int steps) {
        return Depth.of(steps);
    }

    /** (t, L) at D = inf: t -> inf gives the depth loss min_gamma sum p_k (1 - gamma lambda_k/L)^{2L}. */
    @Test
    void longTimeGivesDepthLoss() {
        ExactJointLoss e = new ExactJointLoss(1.5, 0.8, 256);
        ExactLosses single = new ExactLosses(1.5, 0.8);
        for (int l : new int[] {1, 4}) {
            double depthLoss = single.depth(l);
            assertEquals(depthLoss, e.loss(1e7, INF, l(l), INF), 1e-6 * depthLoss, "L = " + l);
            assertEquals(depthLoss, e.loss(Double.POSITIVE_INFINITY, INF, l(l), INF), 1e-9 * depthLoss);
        }
        // and t at L = inf matches the existing exact time loss
        assertEquals(single.time(new double[] {100})[0], e.loss(100, INF, Depth.INFINITE, INF), 1e-12);
        assertEquals(single.timeAtDepth(100, 8), e.loss(100, INF, l(8), INF), 1e-12);
        // t below 1e-6: one Euler step, against the Dormand-Prince flow of ExactLosses (error O(t^2))
        assertEquals(single.timeAtDepth(1e-7, 8), e.loss(1e-7, INF, l(8), INF), 1e-13);
        assertTrue(e.loss(1e-7, INF, l(8), INF) < 1);
    }

    /** N = D, P = inf is the finite-D RRS sum: notes 3.4 gradient-flow table (D = 64, nu = 1.5, beta = 0.8). */
    @Test
    void fullWidthMatchesNotesTable() {
        ExactJointLoss e = new ExactJointLoss(1.5, 0.8, 64);
        double[] times = {1, 10, 100, 1000, 10000};
        double[] l4 = {0.5057, 0.1908, 0.1008, 0.0645, 0.0645};
        double[] l16 = {0.5250, 0.2058, 0.1046, 0.0523, 0.0254};
        for (int i = 0; i < times.length; i++) {
            assertEquals(l4[i], e.loss(times[i], n(64), l(4), INF), 6e-5, "L = 4, t = " + times[i]);
            assertEquals(l16[i], e.loss(times[i], n(64), l(16), INF), 6e-5, "L = 16, t = " + times[i]);
        }
        // and the optimal-gamma limit is notes 3.4's min_gamma table (L = 4: 0.06453)
        assertEquals(0.06453, e.loss(Double.POSITIVE_INFINITY, n(64), l(4), INF), 6e-6);
    }

    /**
     * Finite N < D, large t and L: the width floor sum p_k kappa0/(kappa0 + lambda_k) at D (Floors.width, a separate
     * solve); as D grows it converges to the D = inf floor of ExactLosses.width (slowly at nu = 1.25: the modes
     * beyond D carry sum_{k>D} lambda_k/kappa0 ~ D^{1-nu}/((nu-1) kappa0) degrees of freedom).
     */
    @Test
    void longTimeDeepGivesWidthFloor() {
        int d = 512;
        ExactJointLoss e = new ExactJointLoss(1.25, 0.75, d);
        for (int n : new int[] {8, 32}) {
            double floor = Floors.width(Spectrum.powerLaw(1.25, 0.75, d), n).excessLoss();
            double joint = e.loss(1e13, n(n), Depth.INFINITE, INF);
            assertEquals(floor, joint, 3e-3 * floor, "N = " + n);
            double infiniteD = new ExactLosses(1.25, 0.75).width(n);
            double larger = Floors.width(Spectrum.powerLaw(1.25, 0.75, 8 * d), n).excessLoss();
            assertTrue(joint < larger && larger < infiniteD, joint + " < " + larger + " < " + infiniteD);
            assertTrue(infiniteD - larger < 0.7 * (infiniteD - joint), "D = 4096 closer to D = inf");
            // at moderate t the floor is not reached yet
            assertTrue(e.loss(1e4, n(n), Depth.INFINITE, INF) > joint * 1.05);
        }
    }

    /** The class javadoc's claim: at N << D the landscape is F_N(gamma/D), so learning slows like D. */
    @Test
    void finiteWidthLandscapeScalesWithDimension() {
        int n = 10;
        OnePointDensity small = new OnePointDensity(Spectrum.powerLaw(1.5, 0.8, 400), n);
        OnePointDensity large = new OnePointDensity(Spectrum.powerLaw(1.5, 0.8, 1600), n);
        for (double g : new double[] {1, 10, 30}) {
            double a = small.loss(g, Depth.INFINITE);
            double b = large.loss(4 * g, Depth.INFINITE);
            assertEquals(a, b, 0.01 * a, "gamma = " + g);
            assertTrue(large.loss(g, Depth.INFINITE) > a + 0.02, "larger D learns more slowly at the same gamma");
        }
    }

    /** Finite P: the contour at P >> D approaches the P = inf regimes (one-point density at N < D, exact sum at N = D). */
    @Test
    void contourApproachesInfiniteContext() {
        int d = 128;
        ExactJointLoss e = new ExactJointLoss(1.5, 0.8, d);
        for (double t : new double[] {3, 30}) {
            double onePoint = e.loss(t, n(32), l(4), INF);
            double contour = e.loss(t, n(32), l(4), n(200 * d));
            assertEquals(onePoint, contour, 0.01 * onePoint, "N = 32, t = " + t);
            double sum = e.loss(t, n(d), l(4), INF);
            double full = new RrsModel(Spectrum.powerLaw(1.5, 0.8, d), Depth.of(4), 0).loss(e.gamma(t, n(d), l(4), INF));
            assertEquals(sum, full, 1e-12);
            assertEquals(e.loss(t, n(d), l(4), INF), e.loss(t, n(d), l(4), n(200 * d)), 0.01 * full, "N = D, t = " + t);
        }
        // a short context costs loss
        assertTrue(e.loss(30, n(32), l(4), n(d / 4)) > e.loss(30, n(32), l(4), INF) + 0.01);
    }

    @Test
    void badArguments() {
        ExactJointLoss e = new ExactJointLoss(1.5, 0.8, 64);
        assertThrows(InvalidInputException.class, () -> e.loss(10, n(65), l(4), INF));
        assertThrows(InvalidInputException.class, () -> e.loss(Double.POSITIVE_INFINITY, INF, Depth.INFINITE, INF));
        assertThrows(InvalidInputException.class, () -> new ExactJointLoss(1.5, 0.8, 1));
    }
}
