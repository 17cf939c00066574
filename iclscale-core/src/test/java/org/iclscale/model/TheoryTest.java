package org.iclscale.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iclscale.core.Depth;
import org.iclscale.core.Gamma;
import org.iclscale.core.InvalidInputException;
import org.iclscale.deteq.Floors;
import org.iclscale.theory.IsoModel;
import org.iclscale.theory.OptimumSearch;
import org.iclscale.theory.TimeConvention;
import org.junit.jupiter.api.Test;

/** The facade's results checked against independent routes (closed forms, direct searches, the floors). */
class TheoryTest {

    private static final Theory THEORY = Theory.standard();
    private static final double TIGHT = 1e-12;

    /** Depth 1 (README sgd): 𝓛(γ) = σ² + 1 − 2γ + gγ², g = 1 + (1 + σ²)/α, in closed form. */
    @Test
    void depthOneRiskIsTheQuadraticClosedForm() {
        for (double alpha : new double[] {0.3, 1, 4}) {
            for (double sigma : new double[] {0, 0.7}) {
                for (double g : new double[] {0.1, 0.5, 1.2}) {
                    double closed = sigma * sigma + 1 - 2 * g + (1 + (1 + sigma * sigma) / alpha) * g * g;
                    RiskResult r = THEORY.risk(ModelSpec.iso().alpha(alpha).sigma(sigma).build(), Gamma.of(g));
                    assertEquals(closed, r.loss(), TIGHT * Math.max(1, closed));
                    assertEquals(r.loss() - sigma * sigma, r.excessLoss(), TIGHT);
                    assertEquals(Regime.MARCHENKO_PASTUR, r.regime());
                    assertEquals(g, r.gammaPerLayer(), 0);
                }
            }
        }
    }

    /**
     * Issue 16 defect 3: in the flat valley the numeric search alone lands far from γ* = Lα/(1 + α) (α = 0.1,
     * L = 100: 2.976 vs 9.091); the optimum is now the exact minimiser, and the numeric search only checks it.
     */
    @Test
    void noiselessIsoOptimumIsTheExactMinimiserInFlatValleys() {
        double[][] cases = {{0.1, 100}, {0.01, 100}, {0.5, 16}, {2, 3}};
        for (double[] c : cases) {
            double alpha = c[0];
            int l = (int) c[1];
            OptimumResult opt = THEORY.optimum(ModelSpec.iso().alpha(alpha).depth(l).build());
            assertEquals(l * alpha / (1 + alpha), opt.gamma(), 1e-15 * l, "alpha " + alpha + ", L " + l);
            assertEquals(IsoModel.optimalNoiselessLoss(alpha, Depth.of(l)), opt.loss(), 1e-12);
            OptimumSearch.Optimum numeric = OptimumSearch.minimise(Landscapes.of(opt.spec()));
            assertTrue(numeric.loss() >= opt.loss() - 1e-12, "numeric search below the closed form");
            assertTrue(opt.method().contains("closed form"), opt.method());
            assertTrue(opt.closedForm().isPresent());
        }
        // the case the issue names explicitly: the numeric minimiser alone is far off
        OptimumSearch.Optimum numeric = OptimumSearch.minimise(Landscapes.of(ModelSpec.iso().alpha(0.1).depth(100).build()));
        assertTrue(Math.abs(numeric.gamma() - 100 * 0.1 / 1.1) > 1, "flat valley: numeric " + numeric.gamma());
    }

    @Test
    void depthOneNoisyOptimumIsItsClosedForm() {
        OptimumResult opt = THEORY.optimum(ModelSpec.iso().alpha(0.7).sigma(0.5).build());
        double[] closed = IsoModel.optimalDepthOne(0.7, 0.5);
        assertEquals(closed[0], opt.gamma(), 1e-15);
        assertEquals(closed[1], opt.loss(), 1e-12);
    }

    @Test
    void infiniteDepthOptimaAreInfimaWhereTheLossDecreasesToTheFloor() {
        OptimumResult iso = THEORY.optimum(ModelSpec.iso().alpha(0.4).infiniteDepth().build());
        assertTrue(iso.infimum());
        assertEquals(0.6, iso.loss(), 1e-15);
        OptimumResult rrs = THEORY.optimum(ModelSpec.rrs(PowerLaw.of(1.5, 0.8, 32)).infiniteDepth().sigma(0.5).build());
        assertTrue(rrs.infimum());
        assertEquals(0.25, rrs.loss(), 0);
        ModelSpec width = ModelSpec.rrs(PowerLaw.of(1.5, 0.8, 32)).width(8).infiniteDepth().build();
        OptimumResult w = THEORY.optimum(width);
        assertTrue(w.infimum());
        assertEquals(Floors.width(PowerLaw.of(1.5, 0.8, 32).spectrum(), 8).excessLoss(), w.loss(), TIGHT);
        // ISO at L = inf with noise: a finite minimiser below the gamma -> inf limit
        OptimumResult noisy = THEORY.optimum(ModelSpec.iso().alpha(2).infiniteDepth().sigma(0.5).build());
        assertFalse(noisy.infimum());
        GammaLandscapeCheck.isLocalMinimum(Landscapes.of(noisy.spec()), noisy.gamma(), noisy.loss());
    }

    @Test
    void fsResultThreeIsTheMatrixOptimum() {
        ModelSpec fs = ModelSpec.fs(PowerLaw.of(1.5, 0.8, 32)).depth(4).sigma(0.2).build();
        OptimumResult opt = THEORY.optimum(fs);
        assertTrue(opt.matrixOptimum().isPresent());
        double[] modes = opt.matrixOptimum().get().modeGammas();
        assertEquals(8, modes.length);
        assertEquals(4 / PowerLaw.of(1.5, 0.8, 32).spectrum().lambdaAt(3), modes[3], 1e-12);
        // the isotropic optimum next to it is the RRS optimum of the same spectrum
        OptimumResult rrs = THEORY.optimum(ModelSpec.rrs(PowerLaw.of(1.5, 0.8, 32)).depth(4).sigma(0.2).build());
        assertEquals(rrs.gamma(), opt.matrixOptimum().get().isotropicGamma(), 1e-12);
    }

    @Test
    void floorsThroughRiskEqualTheFloorsThemselves() {
        ModelSpec spec = ModelSpec.rrs(PowerLaw.of(1.25, 0.75, 64)).width(16).infiniteDepth().sigma(0.1).build();
        RiskResult r = THEORY.risk(spec, Gamma.INFINITE);
        Floors.Floor f = Floors.width(PowerLaw.of(1.25, 0.75, 64).spectrum(), 16);
        assertEquals(0.01 + f.excessLoss(), r.loss(), TIGHT);
        assertEquals(f.ridge(), r.diagnostics().get("ridge").doubleValue(), 0);
        assertEquals("gamma", assertThrows(InvalidInputException.class,
                () -> THEORY.risk(spec.withDepth(Depth.of(3)), Gamma.INFINITE)).parameter());
    }

    /** γ(T) of the flow and the risk after training agree, and the tied flow tends to γ* = Lα/(1 + α). */
    @Test
    void trainedRiskIsTheFlowAtThatTime() {
        ModelSpec spec = ModelSpec.iso().alpha(1).depth(4).build();
        FlowResult flow = THEORY.flow(spec, FlowRequest.tied(3, 30, 3000));
        RiskResult after = THEORY.riskAfter(spec, 30, TimeConvention.HALF);
        assertEquals(flow.gamma()[1], after.gamma(), 1e-12);
        assertEquals(flow.loss()[1], after.loss(), 1e-12);
        assertEquals(2.0, flow.gamma()[2], 1e-8);
        RiskResult appendixD = THEORY.riskAfter(spec, 15, TimeConvention.APPENDIX_D);
        assertEquals(after.gamma(), appendixD.gamma(), 1e-10, "appendix-d time t is half time 2t");
    }

    @Test
    void untiedLayersWithEqualGammasAreTheTiedModel() {
        ModelSpec spec = ModelSpec.rrs(PowerLaw.of(1.5, 0.8, 32)).depth(3).build();
        UntiedRiskResult u = THEORY.untiedRisk(spec, new double[] {2, 2, 2});
        assertEquals(THEORY.risk(spec, Gamma.of(2)).loss(), u.loss(), 1e-12);
        assertEquals("layerGammas", assertThrows(InvalidInputException.class,
                () -> THEORY.untiedRisk(ModelSpec.iso().build(), new double[] {1})).parameter());
    }

    @Test
    void landscapeCurveIsTheLossAtItsPoints() {
        ModelSpec spec = ModelSpec.iso().alpha(2).depth(8).sigma(0.3).build();
        LandscapeCurve c = THEORY.landscape(spec, 5, Double.NaN);
        assertEquals(Landscapes.of(spec).stabilityEdge() / 8, c.stabilityEdgePerLayer(), 1e-15);
        for (int i = 0; i < 5; i++) {
            assertEquals(THEORY.risk(spec, Gamma.of(c.gamma()[i])).loss(), c.loss()[i], 0);
            assertEquals(8 * c.gammaPerLayer()[i], c.gamma()[i], 1e-12);
        }
        assertEquals(c.stabilityEdgePerLayer(), c.gammaPerLayer()[4], 1e-12);
    }

    /**
     * Issue 16 defect 7: the simulation realises α' = P/D with P = round(αD) (α = 0.25, D = 10 gives P = 3); the
     * theory must be that of α', not of the α asked for (−5.6 SE against the wrong theory before), and an α with
     * P = 0 is refused instead of silently clamped to P = 1.
     */
    @Test
    void simulationComparesWithTheTheoryAtTheRealisedContextRatio() {
        ModelSpec spec = ModelSpec.iso().alpha(0.25).depth(2).build();
        SimulationResult r = THEORY.simulate(spec, 1.0, 10, 20_000, 3);
        assertEquals(0.3, r.spec().alpha().value(), 0);
        assertEquals(3.0, r.contextLength(), 0);
        assertEquals(Landscapes.of(spec.withAlpha(org.iclscale.core.Extent.of(0.3))).loss(1.0), r.theoryLoss().getAsDouble(), 0);
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("realises alpha")), r.notes().toString());
        assertEquals("alpha", assertThrows(InvalidInputException.class,
                () -> THEORY.simulate(ModelSpec.iso().alpha(0.001).depth(1).build(), 1.0, 64, 100, 1)).parameter());
        assertEquals("alpha", assertThrows(InvalidInputException.class,
                () -> THEORY.simulate(ModelSpec.iso().alpha(1e308).depth(1).build(), 1.0, 64, 100, 1)).parameter());
    }

    /**
     * Issue 16 defect 3, the other half: where the loss is too flat to determine the minimiser, the optimum says so
     * with the interval — which holds both the exact minimiser and the numeric search's point — and a well-curved
     * minimum reports none.
     */
    @Test
    void flatMinimaReportTheirInterval() {
        ModelSpec flatSpec = ModelSpec.iso().alpha(0.1).depth(100).build();
        OptimumResult flat = THEORY.optimum(flatSpec);
        assertTrue(flat.flatInterval().isPresent());
        OptimumSearch.Interval iv = flat.flatInterval().get();
        double numeric = OptimumSearch.minimise(Landscapes.of(flatSpec)).gamma();
        assertTrue(iv.lo() <= numeric && numeric <= iv.hi() && iv.lo() <= flat.gamma() && flat.gamma() <= iv.hi(),
                iv + " should hold " + numeric + " and " + flat.gamma());
        double inside = Landscapes.of(flatSpec).loss(0.5 * (iv.lo() + iv.hi()));
        assertTrue(inside - flat.loss() <= 1e-10 * flat.loss() + 1e-300, "inside the interval the loss is flat");
        assertTrue(flat.notes().stream().anyMatch(n -> n.startsWith("flat minimum")), flat.notes().toString());
        assertTrue(THEORY.optimum(ModelSpec.iso().alpha(2).depth(3).build()).flatInterval().isEmpty());
        assertTrue(THEORY.optimum(ModelSpec.rrs(PowerLaw.of(1.5, 0.8, 32)).depth(4).build()).flatInterval().isEmpty());
    }
}
