package org.iclscale.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iclscale.core.Depth;
import org.iclscale.core.Extent;
import org.iclscale.core.InvalidInputException;
import org.iclscale.simulate.ProjectionAverage;
import org.iclscale.spectrum.PowerLawContinuum;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.IsoModel;
import org.iclscale.theory.RrsContinuum;
import org.iclscale.theory.RrsModel;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher's table, row by row, and each landscape it builds checked against the model built directly from
 * the same parameters (the constructions Landscapes is the only caller of).
 */
class LandscapesTest {

    private static final PowerLaw LAW = PowerLaw.of(1.5, 0.8, 32);

    @Test
    void regimeTable() {
        assertEquals(Regime.MARCHENKO_PASTUR, Landscapes.regime(ModelSpec.iso().alpha(0.5).depth(4).sigma(1).build()));
        assertEquals(Regime.MODE_SUM, Landscapes.regime(ModelSpec.rrs(LAW).depth(4).build()));
        assertEquals(Regime.MODE_SUM, Landscapes.regime(ModelSpec.fs(LAW).depth(4).build()));
        assertEquals(Regime.MODE_SUM, Landscapes.regime(ModelSpec.rrs(LAW).width(32).build()), "N = D is no bottleneck");
        assertEquals(Regime.MODE_SUM, Landscapes.regime(ModelSpec.rrs(LAW).width(40).build()), "N > D neither");
        assertEquals(Regime.CONTINUUM, Landscapes.regime(ModelSpec.rrs(new Continuum(1.5, 0.8)).depth(8).build()));
        assertEquals(Regime.ONE_POINT_DENSITY, Landscapes.regime(ModelSpec.rrs(LAW).width(8).build()));
        assertEquals(Regime.STRUCTURED_WISHART, Landscapes.regime(ModelSpec.rrs(LAW).alpha(2).sigma(0.5).build()));
        assertEquals(Regime.STRUCTURED_WISHART, Landscapes.regime(ModelSpec.fs(LAW).alpha(2).build()));
        assertEquals(Regime.TWO_POINT_CONTOUR, Landscapes.regime(ModelSpec.rrs(LAW).alpha(2).width(8).build()));
        // issue 16: label noise at finite N < D and P is the (N2) equivalent, at any depth, not Monte Carlo
        assertEquals(Regime.TWO_POINT_CONTOUR, Landscapes.regime(ModelSpec.rrs(LAW).alpha(2).width(8).sigma(0.3).depth(2).build()));
        assertEquals(Regime.TWO_POINT_CONTOUR, Landscapes.regime(ModelSpec.rrs(LAW).alpha(2).width(8).sigma(0.3)
                .infiniteDepth().build()));
    }

    /** Monte Carlo is an explicit choice: every FS/RRS spec over D modes at finite depth, never the default. */
    @Test
    void monteCarloIsAnExplicitMethod() {
        for (ModelSpec spec : new ModelSpec[] {ModelSpec.rrs(LAW).alpha(2).width(8).sigma(0.3).depth(2).build(),
            ModelSpec.rrs(LAW).width(8).depth(2).build(), ModelSpec.fs(LAW).alpha(2).depth(3).build(),
            ModelSpec.rrs(LAW).depth(4).build()}) {
            assertEquals(Regime.MONTE_CARLO, Landscapes.regime(spec, Method.MONTE_CARLO), spec.toString());
            assertEquals(Landscapes.regime(spec), Landscapes.regime(spec, Method.THEORY), spec.toString());
            assertTrue(Landscapes.regime(spec) != Regime.MONTE_CARLO, spec.toString());
            // P = inf with a width bottleneck: the projection average (conditional Monte Carlo); else direct simulation
            boolean projection = spec.alpha().infinite() && spec.widthBelowDimension();
            GammaLandscape mc = Landscapes.of(spec, Method.MONTE_CARLO);
            assertTrue(projection ? mc instanceof ProjectionAverage
                    : mc instanceof org.iclscale.deteq.StructuredLandscapes.MonteCarlo, spec + ": " + mc.method());
        }
        assertEquals("method", refusedMonteCarlo(ModelSpec.iso().alpha(2).depth(2).build()));
        assertEquals("method", refusedMonteCarlo(ModelSpec.rrs(new Continuum(1.5, 0.8)).depth(2).build()));
        assertEquals("depth", refusedMonteCarlo(ModelSpec.rrs(LAW).alpha(2).width(8).sigma(0.3).infiniteDepth().build()));
        assertEquals("alpha", refusedMonteCarlo(ModelSpec.rrs(LAW).alpha(0.001).width(8).depth(2).build()));
        assertEquals("width", refusedMonteCarlo(ModelSpec.fs(LAW).width(8).depth(2).build()));
        assertEquals(Method.MONTE_CARLO, Method.parse("monte-carlo"));
        assertEquals(Method.THEORY, Method.parse("DETEQ"));
        assertEquals("method", assertThrows(InvalidInputException.class, () -> Method.parse("mc")).parameter());
    }

    @Test
    void refusalsNameTheParameter() {
        assertEquals("width", refused(ModelSpec.fs(LAW).width(8).build()));
        assertEquals("continuum", refused(ModelSpec.fs(new Continuum(1.5, 0.8)).build()));
        assertEquals("continuum", refused(ModelSpec.rrs(new Continuum(1.5, 0.8)).alpha(2).build()));
        assertEquals("continuum", refused(ModelSpec.rrs(new Continuum(1.5, 0.8)).width(8).build()));
    }

    @Test
    void exactRegimesEqualTheirModels() {
        Spectrum s = LAW.spectrum();
        for (double g : new double[] {0.3, 2.0, 7.5}) {
            assertEquals(new IsoModel(0.5, Depth.of(4), 1).loss(g),
                    Landscapes.of(ModelSpec.iso().alpha(0.5).depth(4).sigma(1).build()).loss(g), 0);
            assertEquals(new RrsModel(s, Depth.of(4), 0.2).loss(g),
                    Landscapes.of(ModelSpec.rrs(LAW).depth(4).sigma(0.2).build()).loss(g), 0);
            assertEquals(new RrsContinuum(new PowerLawContinuum(1.5, 0.8), Depth.of(8), 0).loss(g),
                    Landscapes.of(ModelSpec.rrs(new Continuum(1.5, 0.8)).depth(8).build()).loss(g), 0);
        }
    }

    @Test
    void fsAlongGammaIEqualsRrsAtInfiniteContext() {
        GammaLandscape fs = Landscapes.of(ModelSpec.fs(LAW).depth(3).build());
        GammaLandscape rrs = Landscapes.of(ModelSpec.rrs(LAW).depth(3).build());
        assertEquals(rrs.loss(1.7), fs.loss(1.7), 0);
        assertTrue(fs.method().startsWith("FS along Gamma = gamma*I"), fs.method());
    }

    @Test
    void floorsFollowTheSameTable() {
        FloorResult width = Landscapes.floor(ModelSpec.rrs(LAW).width(8).infiniteDepth().build());
        assertTrue(width.method().startsWith("width floor"), width.method());
        assertTrue(width.excessLoss() > 0 && width.excessLoss() < 1, "width floor " + width.excessLoss());
        FloorResult context = Landscapes.floor(ModelSpec.rrs(LAW).alpha(0.5).infiniteDepth().build());
        assertTrue(context.method().startsWith("context floor"), context.method());
        FloorResult none = Landscapes.floor(ModelSpec.rrs(LAW).infiniteDepth().sigma(0.5).build());
        assertEquals(0.25, none.loss(), 0);
        assertEquals(0.0, none.excessLoss(), 0);
        InvalidInputException both = assertThrows(InvalidInputException.class,
                () -> Landscapes.floor(ModelSpec.rrs(LAW).width(8).alpha(2).infiniteDepth().build()));
        assertEquals("gamma", both.parameter());
        assertEquals("gamma", assertThrows(InvalidInputException.class,
                () -> Landscapes.floor(ModelSpec.iso().infiniteDepth().build())).parameter());
    }

    @Test
    void builtSolversAreSharedAcrossSpecsWithTheSameSpectrumWidthAndContext() {
        ModelSpec a = ModelSpec.rrs(LAW).alpha(2).width(8).depth(2).build();
        ModelSpec b = a.withDepth(Depth.of(5));
        // depth does not enter the solver: the second landscape reuses the first one's contour (same values as a
        // landscape on a freshly built contour)
        double viaCache = Landscapes.of(b).loss(1.3);
        Landscapes.clearCache();
        double fresh = Landscapes.of(b).loss(1.3);
        assertEquals(fresh, viaCache, 0);
        assertTrue(Landscapes.of(a).loss(1.3) > 0);
        assertEquals(Extent.of(8), b.width());
    }

    private static String refusedMonteCarlo(ModelSpec spec) {
        return assertThrows(InvalidInputException.class, () -> Landscapes.of(spec, Method.MONTE_CARLO)).parameter();
    }

    private static String refused(ModelSpec spec) {
        return assertThrows(InvalidInputException.class, () -> Landscapes.of(spec)).parameter();
    }
    /**
     * Method monte-carlo at P = ∞, N &lt; D is the projection average (exact over the task): at γ = 0 the loss is
     * σ² + Σ_k p_k with zero standard error (the direct simulation has task-draw noise there); its floor is the
     * finite-D width floor, a lower bound of the landscape at every γ and depth (the weights are ≥ 0), which the
     * deep optimum approaches; the --mc-optimum route minimises the same landscape.
     */
    @Test
    void monteCarloAtInfiniteContextWithABottleneckIsTheProjectionAverage() {
        ModelSpec spec = ModelSpec.rrs(LAW).width(8).depth(4).sigma(0.3).build();
        GammaLandscape mc = Landscapes.of(spec, Method.MONTE_CARLO);
        double total = 0;
        for (double p : LAW.spectrum().weights()) {
            total += p;
        }
        assertEquals(0.09 + total, mc.loss(0), 1e-14);
        assertEquals(0, mc.evaluate(0).diagnostics().get("standardError").doubleValue(), 1e-15);
        assertEquals(0.09, mc.noiseVariance(), 0);
        assertTrue(mc.method().contains("sigma^2 added"), mc.method());
        FloorResult floor = Landscapes.floor(ModelSpec.rrs(LAW).width(8).infiniteDepth().sigma(0.3).build(),
                Method.MONTE_CARLO);
        assertEquals(floor.loss() - 0.09, floor.excessLoss(), 1e-15);
        assertTrue(floor.method().startsWith("finite-D width floor"), floor.method());
        assertTrue(floor.method().endsWith("sigma^2 added"), floor.method());
        FloorResult noiseless = Landscapes.floor(ModelSpec.rrs(LAW).width(8).infiniteDepth().build(), Method.MONTE_CARLO);
        assertFalse(noiseless.method().contains("sigma^2"), noiseless.method());
        assertFalse(Landscapes.floor(ModelSpec.rrs(LAW).width(8).infiniteDepth().build()).method().contains("sigma^2"));
        assertTrue(Landscapes.floor(ModelSpec.rrs(LAW).width(8).infiniteDepth().sigma(0.3).build()).method()
                .endsWith("sigma^2 added"));
        for (int depth : new int[] {1, 4, 64}) {
            GammaLandscape l = Landscapes.of(ModelSpec.rrs(LAW).width(8).depth(depth).build(), Method.MONTE_CARLO);
            for (int i = 0; i <= 40; i++) {
                double g = 1.5 * l.stabilityEdge() * i / 40;
                assertTrue(l.loss(g) >= floor.excessLoss() - 1e-15, "depth " + depth + " gamma " + g);
            }
            if (depth == 64) {
                double gap = l.optimum().loss() - floor.excessLoss();
                assertTrue(gap >= 0 && gap < 0.05 * floor.excessLoss(), "deep optimum above the floor by " + gap);
            }
        }
        // the equivalent's floor (exact only as D -> inf) differs from the finite-D one at D = 32, N = 8
        double equivalent = Landscapes.floor(ModelSpec.rrs(LAW).width(8).infiniteDepth().build()).excessLoss();
        assertTrue(Math.abs(equivalent - floor.excessLoss()) < 0.15 * floor.excessLoss(),
                equivalent + " vs " + floor.excessLoss());
        assertEquals("method", assertThrows(InvalidInputException.class, () -> Landscapes.floor(
                ModelSpec.rrs(LAW).alpha(2).infiniteDepth().build(), Method.MONTE_CARLO)).parameter());
    }
}
