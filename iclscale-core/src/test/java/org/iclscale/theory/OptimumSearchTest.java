package org.iclscale.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.iclscale.ReferenceData;
import org.iclscale.ReferenceData.Row;
import org.iclscale.core.Depth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Global γ search on the noisy ISO landscape: the paper-notes §3.1 noisy table (σ = 0.5, 1), reproduced
 * from an independent Python route (midpoint angle quadrature + 4000-point grid + golden section,
 * make_iso_reference.py), and on synthetic landscapes with known minima.
 */
class OptimumSearchTest {

    static Stream<Row> noisy() {
        return ReferenceData.read("/org/iclscale/theory/iso-optimum-noisy.csv").stream();
    }

    @ParameterizedTest
    @MethodSource("noisy")
    void noisyTable(Row row) {
        int l = row.integer("depth");
        double sigma = row.number("sigma");
        IsoModel model = new IsoModel(row.number("alpha"), Depth.of(l), sigma);
        OptimumSearch.Optimum opt = OptimumSearch.minimise(model);
        // the reference γ comes from golden section on the loss (accurate to ~√eps), the loss to ~1e-13
        assertEquals(row.number("gammaPerLayer"), opt.gamma() / l, 2e-7, "gamma*/L " + row);
        assertEquals(row.number("excessLoss"), opt.loss() - sigma * sigma, 1e-12, "L* - sigma^2 " + row);
        assertEquals(0.0, model.lossDerivative(opt.gamma()), 1e-10, "stationary " + row);
        assertFalse(opt.atUpperBound());
    }

    /** The table as printed in paper-notes §3.1 (4 decimals). */
    @Test
    void printedNoisyTable() {
        Object[][] rows = {
            {0.5, 1, 0.2857, 0.7143, 0.2000, 0.8000}, {0.5, 4, 0.2475, 0.6480, 0.0781, 0.7857},
            {0.5, 16, 0.0676, 0.6458, 0.0212, 0.7840}, {1.0, 1, 0.4444, 0.5556, 0.3333, 0.6667},
            {1.0, 4, 0.4609, 0.4078, 0.1510, 0.6294}, {1.0, 16, 0.1496, 0.4013, 0.0413, 0.6256},
            {2.0, 1, 0.6154, 0.3846, 0.5000, 0.5000}, {2.0, 4, 0.6348, 0.1934, 0.2710, 0.4300},
            {2.0, 16, 0.2416, 0.1831, 0.0748, 0.4247}};
        for (Object[] r : rows) {
            double alpha = (Double) r[0];
            int l = (Integer) r[1];
            for (int k = 0; k < 2; k++) {
                double sigma = k == 0 ? 0.5 : 1.0;
                OptimumSearch.Optimum opt = OptimumSearch.minimise(new IsoModel(alpha, Depth.of(l), sigma));
                String what = "alpha " + alpha + " L " + l + " sigma " + sigma;
                assertEquals((Double) r[2 + 2 * k], opt.gamma() / l, 5.1e-5, what);
                assertEquals((Double) r[3 + 2 * k], opt.loss() - sigma * sigma, 5.1e-5, what);
            }
        }
    }

    @Test
    void interiorQuadraticMinimum() {
        GammaLandscape parabola = landscape(g -> 2 + (g - 1.234) * (g - 1.234), g -> 2 * (g - 1.234), 5);
        OptimumSearch.Optimum opt = OptimumSearch.minimise(parabola);
        assertEquals(1.234, opt.gamma(), 1e-13);
        assertEquals(2.0, opt.loss(), 1e-15);
        assertTrue(opt.evaluations() < 320, "evaluations " + opt.evaluations());
    }

    /**
     * Issue 18 ({@code exponents --verify --beta 100}: "interval does not bracket a root"): the parabola scaled to
     * losses of 1e-170 has derivatives whose product at the bracket underflows to 0; the minimiser is that of the
     * unscaled parabola.
     */
    @Test
    void tinyLossesStillBracketTheRoot() {
        for (double scale : new double[] {1e-170, 1e-300}) {
            GammaLandscape tiny = landscape(g -> scale * (2 + (g - 1.234) * (g - 1.234)), g -> scale * 2 * (g - 1.234), 5);
            OptimumSearch.Optimum opt = OptimumSearch.minimise(tiny);
            assertEquals(1.234, opt.gamma(), 1e-13, "scale " + scale);
            assertEquals(2 * scale, opt.loss(), 1e-15 * scale);
        }
    }

    /** A decreasing landscape: the minimum is at the stability edge, flagged atUpperBound. */
    @Test
    void minimumAtTheEdge() {
        GammaLandscape down = landscape(g -> Math.exp(-g), g -> -Math.exp(-g), 3);
        OptimumSearch.Optimum opt = OptimumSearch.minimise(down);
        assertEquals(3.0, opt.gamma(), 1e-9);
        assertTrue(opt.atUpperBound());
    }

    /** Two minima: the grid finds the global one even when the local one is nearer the start. */
    @Test
    void globalNotLocal() {
        // local minimum near 0.5 (value 0.1), global near 3.5 (value 0)
        GammaLandscape two = landscape(g -> Math.min(0.1 + (g - 0.5) * (g - 0.5), (g - 3.5) * (g - 3.5)),
                g -> g < 2.05 ? 2 * (g - 0.5) : 2 * (g - 3.5), 4);
        assertEquals(3.5, OptimumSearch.minimise(two).gamma(), 1e-12);
    }

    /**
     * Issue 16 defect 1: a stability edge that is too small (here 3, the minimum at 5) does not stop the landscape's
     * search: it continues on doubled ranges until the loss rises, and reports an interior minimum.
     */
    @Test
    void searchContinuesPastAWrongEdgeUntilTheLossRises() {
        GammaLandscape parabola = landscape(g -> 1 + (g - 5) * (g - 5), g -> 2 * (g - 5), 3);
        OptimumSearch.Optimum bounded = OptimumSearch.minimise(parabola);
        assertEquals(3.0, bounded.gamma(), 1e-9, "the edge-bounded search stops at the wrong edge");
        OptimumSearch.Optimum opt = parabola.optimum();
        assertEquals(5.0, opt.gamma(), 1e-12);
        assertFalse(opt.atUpperBound());
        assertEquals(6.0, opt.upperBound(), 0);
        assertTrue(opt.search().contains("doubled 1 times until the loss rose"), opt.search());
    }

    /** Where the loss never rises, the search ends after MAX_DOUBLINGS with the bound flagged (loss still falling). */
    @Test
    void aLossThatNeverRisesIsFlaggedAtTheLastBound() {
        GammaLandscape down = landscape(g -> Math.exp(-g / 100), g -> -Math.exp(-g / 100) / 100, 3);
        OptimumSearch.Optimum opt = down.optimum();
        double last = 3 * Math.pow(2, OptimumSearch.MAX_DOUBLINGS);
        assertEquals(last, opt.gamma(), 1e-9 * last);
        assertTrue(opt.atUpperBound());
        assertTrue(opt.search().contains("the loss still falls after " + OptimumSearch.MAX_DOUBLINGS + " doublings"),
                opt.search());
    }

    /** Where the method cannot evaluate beyond some γ, the search stops there and says why. */
    @Test
    void searchStopsWhereTheMethodCannotEvaluate() {
        GammaLandscape partial = landscape(g -> {
            if (g > 8) {
                throw new org.iclscale.core.ComputationException("test contour", "growth beyond the tolerance");
            }
            return Math.exp(-g);
        }, g -> -Math.exp(-g), 3);
        OptimumSearch.Optimum opt = partial.optimum();
        assertEquals(6.0, opt.gamma(), 1e-9);
        assertTrue(opt.atUpperBound());
        assertTrue(opt.search().contains("cannot evaluate the loss up to gamma = 12.0"), opt.search());
    }

    /** A caller's bound: flagged only when the loss still falls there. */
    @Test
    void boundedSearchFlagsOnlyAFallingBound() {
        GammaLandscape parabola = landscape(g -> 1 + (g - 5) * (g - 5), g -> 2 * (g - 5), 3);
        OptimumSearch.Optimum below = parabola.optimum(4);
        assertEquals(4.0, below.gamma(), 1e-12);
        assertTrue(below.atUpperBound());
        OptimumSearch.Optimum above = parabola.optimum(20);
        assertEquals(5.0, above.gamma(), 1e-12);
        assertFalse(above.atUpperBound());
        assertThrows(org.iclscale.core.InvalidInputException.class, () -> parabola.optimum(-1));
        assertThrows(org.iclscale.core.InvalidInputException.class, () -> parabola.optimum(Double.POSITIVE_INFINITY));
    }

    /** The derivative-free search of the Monte Carlo landscapes: γ to its relative tolerance in ~30 evaluations. */
    @Test
    void sampledSearchFindsTheMinimumCheaply() {
        int[] calls = {0};
        GammaLandscape parabola = landscape(g -> {
            calls[0]++;
            return 1 + (g - 2.5) * (g - 2.5);
        }, g -> {
            throw new AssertionError("no derivative in the sampled search");
        }, 3);
        OptimumSearch.Optimum opt = OptimumSearch.minimiseSampled(parabola, 3, 16, 1e-3, false);
        assertEquals(2.5, opt.gamma(), 2e-3 * 2.5);
        assertFalse(opt.atUpperBound());
        assertEquals(calls[0], opt.evaluations());
        assertTrue(opt.evaluations() < 40, "evaluations " + opt.evaluations());
        // past a wrong range: doubled until the loss rises; on a fixed range: the bound, flagged
        OptimumSearch.Optimum past = OptimumSearch.minimiseSampled(parabola, 1, 16, 1e-3, false);
        assertEquals(2.5, past.gamma(), 2e-3 * 2.5);
        assertFalse(past.atUpperBound());
        OptimumSearch.Optimum fixed = OptimumSearch.minimiseSampled(parabola, 1, 16, 1e-3, true);
        assertEquals(1.0, fixed.gamma(), 1e-3);
        assertTrue(fixed.atUpperBound());
    }

    @Test
    void infiniteEdgeIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> OptimumSearch.minimise(new IsoModel(1, Depth.INFINITE, 0)));
    }

    private static GammaLandscape landscape(java.util.function.DoubleUnaryOperator f,
            java.util.function.DoubleUnaryOperator df, double edge) {
        return new GammaLandscape() {
            @Override
            public double loss(double gamma) {
                return f.applyAsDouble(gamma);
            }

            @Override
            public double lossDerivative(double gamma) {
                return df.applyAsDouble(gamma);
            }

            @Override
            public double noiseVariance() {
                return 0;
            }

            @Override
            public double stabilityEdge() {
                return edge;
            }

            @Override
            public String method() {
                return "test";
            }
        };
    }
}
