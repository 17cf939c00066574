package org.iclscale.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import org.iclscale.core.Depth;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.QueryLabels;
import org.iclscale.core.Setting;
import org.iclscale.deteq.FsModeLandscape;
import org.iclscale.simulate.ContextSampler;
import org.iclscale.simulate.FullAttentionTrainer;
import org.iclscale.simulate.ReducedModelTrainer;
import org.iclscale.simulate.TrainingLoop;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.BalancedAttentionFlow;
import org.iclscale.theory.ExactShallowLandscape;
import org.iclscale.theory.FsModel;
import org.iclscale.theory.GradientFlow;
import org.iclscale.theory.IsoModel;
import org.iclscale.theory.ModeFlow;
import org.iclscale.theory.RrsModel;
import org.iclscale.theory.ShallowSgd;
import org.iclscale.theory.TimeConvention;
import org.junit.jupiter.api.Test;

/**
 * {@link Theory#trainingTheory} and {@link Theory#train} against the computations of the {@code train} verb they
 * replace: each regime's curve is recomputed here from the building blocks exactly as the command line assembled
 * them before the selection moved into the library (new IsoModel/ShallowSgd/GradientFlow/BalancedAttentionFlow,
 * new FsModeLandscape + ModeFlow, new ExactShallowLandscape, the trainers and TrainingLoop), and must agree to
 * 1e-12. The method texts of the old command line are pinned where they carry numbers (the FS per-mode flow's
 * evaluation count and contour diagnostics, captured from the pre-refactoring build).
 */
class TrainingTheoryTest {

    private static final Theory THEORY = Theory.standard();
    private static final double[] STEPS = {0, 2, 4};

    private static ModelSpec structured(Setting setting, int d, double alpha, int depth, double sigma) {
        return ModelSpec.builder(setting, PowerLaw.of(1.5, 0.8, d)).alpha(alpha).depth(depth).sigma(sigma).build();
    }

    private static double[] times(double[] steps, double clock) {
        double[] t = new double[steps.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = clock * steps[i];
        }
        return t;
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-12 * Math.max(1, Math.abs(expected[i])), what + " [" + i + "]");
        }
    }

    @Test
    void isoDepthOneIsResult10AtTheRequestedRatios() {
        TrainSpec spec = TrainSpec.builder(ModelSpec.iso().alpha(1).depth(1).build(), TrainSpec.Architecture.REDUCED)
                .dim(8).kappa(0.5).tau(2).eta(0.05).steps(4).build();
        TrainingTheory th = THEORY.trainingTheory(spec, STEPS);
        assertEquals(TrainingRegime.SHALLOW_SGD, th.regime());
        ShallowSgd old = new ShallowSgd(1, 0.5, 2, 0.05, 0);
        double[] loss = new double[STEPS.length];
        double[] distance = new double[STEPS.length];
        for (int i = 0; i < STEPS.length; i++) {
            loss[i] = old.loss((int) STEPS[i]);
            distance[i] = old.gammaDistance((int) STEPS[i]);
        }
        assertClose(loss, th.theory().orElseThrow().loss(), "Result 10 loss");
        assertClose(distance, th.theory().orElseThrow().gammaDistance().orElseThrow(), "Result 10 gammaDistance");
        assertTrue(th.theory().orElseThrow().gamma().isEmpty(), "train prints no theoryGamma for Result 10");
        assertTrue(th.theoryAlpha().isEmpty());
        assertEquals("theory: paper Result 10 (online SGD, depth 1), loss = sigma^2 + 1 - 1/g + g C(t)", th.method());
        // pre-refactoring build, train --dim 8 --alpha 1 --eta 0.05 --steps 4 --depth 1: theoryLoss at steps 0..4
        TrainSpec cli = TrainSpec.builder(ModelSpec.iso().alpha(1).build(), TrainSpec.Architecture.REDUCED).dim(8)
                .eta(0.05).steps(4).build();
        assertClose(new double[] {1.0, 0.925, 0.86275, 0.8110825000000002, 0.7681984750000002},
                THEORY.trainingTheory(cli, new double[] {0, 1, 2, 3, 4}).theory().orElseThrow().loss(), "pinned");
    }

    @Test
    void isoDepthOneUnstableStepHasNoCurveAndSaysWhy() {
        TrainSpec spec = TrainSpec.builder(ModelSpec.iso().alpha(1).build(), TrainSpec.Architecture.REDUCED).dim(8)
                .tau(0.2).eta(0.9).steps(4).build();
        TrainingTheory th = THEORY.trainingTheory(spec, STEPS);
        assertEquals(TrainingTheory.Status.UNSTABLE, th.status());
        assertTrue(th.theory().isEmpty());
        InvalidInputException expected = assertThrows(InvalidInputException.class, () -> new ShallowSgd(1, 1, 0.2, 0.9, 0));
        assertEquals("no theory: " + expected.getMessage(), th.method());
    }

    @Test
    void isoDeepTiedAndUntiedAreTheResult1FlowOnTheTrainersClock() {
        for (boolean untied : new boolean[] {false, true}) {
            TrainSpec spec = TrainSpec.builder(ModelSpec.iso().alpha(1).depth(2).sigma(0.1).build(),
                    TrainSpec.Architecture.REDUCED).dim(8).tau(2).kappa(0.5).eta(0.05).steps(4).untied(untied).build();
            TrainingTheory th = THEORY.trainingTheory(spec, STEPS);
            assertEquals(TrainingRegime.ISO_GRADIENT_FLOW, th.regime());
            double clock = untied ? 0.05 / 2 : 0.05;
            GradientFlow.Trajectory old = GradientFlow.integrate(new IsoModel(1, Depth.of(2), 0.1), times(STEPS, clock));
            assertClose(old.loss(), th.theory().orElseThrow().loss(), "loss, untied " + untied);
            assertClose(old.gamma(), th.theory().orElseThrow().gamma().orElseThrow(), "gamma, untied " + untied);
            assertClose(times(STEPS, clock), th.times(), "clock");
            assertEquals("theory: gradient flow of paper Result 1 (dgamma/dt = -1/2 dL/dgamma) at t = eta*steps"
                    + (untied ? "/L (untied: each layer gets 1/L of the gradient)" : ""), th.method());
            assertEquals("gradient-flow time t = eta*steps" + (untied ? "/L" : "") + " for dGamma/dt = -1/2 dL/dGamma",
                    th.timeConvention());
        }
    }

    @Test
    void fullAttentionIsTheBalancedFlowInIsoAndRrsAndNothingInFs() {
        for (boolean untied : new boolean[] {false, true}) {
            TrainSpec iso = TrainSpec.builder(ModelSpec.iso().alpha(1).depth(2).build(), TrainSpec.Architecture.FULL)
                    .dim(8).eta(0.05).steps(4).untied(untied).build();
            assertEquals(0.5, iso.init(), "default balanced scale");
            TrainingTheory th = THEORY.trainingTheory(iso, STEPS);
            BalancedAttentionFlow.Trajectory old = BalancedAttentionFlow.integrate(new IsoModel(1, Depth.of(2), 0), 0.5,
                    untied ? 0.5 : 1.0, times(STEPS, 0.05));
            assertClose(old.loss(), th.theory().orElseThrow().loss(), "iso full loss");
            assertClose(old.gamma(), th.theory().orElseThrow().gamma().orElseThrow(), "iso full gamma");
        }
        Spectrum s = Spectrum.powerLaw(1.5, 0.8, 6);
        TrainSpec rrs = TrainSpec.builder(structured(Setting.RRS, 6, 2, 2, 0), TrainSpec.Architecture.FULL).eta(0.05)
                .steps(2).untied(true).build();
        TrainingTheory th = THEORY.trainingTheory(rrs, new double[] {0, 1, 2});
        BalancedAttentionFlow.Trajectory old = BalancedAttentionFlow.integrate(Landscapes.of(ModelSpec.rrs(
                ExplicitSpectrum.of(s)).alpha(12.0 / 6).depth(Depth.of(2)).sigma(0).build()), 0.5, 0.5,
                new double[] {0, 0.05, 0.1});
        assertClose(old.loss(), th.theory().orElseThrow().loss(), "rrs full");
        // pre-refactoring build: train --model full --dim 6 --alpha 2 --eta 0.05 --steps 2 --setting rrs ... --untied
        assertClose(new double[] {0.9064247194837877, 0.9036004583229623, 0.9006542321841153},
                th.theory().orElseThrow().loss(), "pinned");
        assertEquals(2.0, th.theoryAlpha().getAsDouble());
        TrainSpec fs = TrainSpec.builder(structured(Setting.FS, 6, 2, 1, 0), TrainSpec.Architecture.FULL).eta(0.05)
                .steps(2).build();
        TrainingTheory none = THEORY.trainingTheory(fs, new double[] {0, 1, 2});
        assertEquals(TrainingRegime.NONE_FULL_ATTENTION_FS, none.regime());
        assertEquals(TrainingTheory.Status.NONE, none.status());
        assertTrue(none.theory().isEmpty() && none.exactShallow().isEmpty() && none.theoryAlpha().isEmpty());
        assertTrue(none.method().startsWith("no theory: full attention in FS has no scalar reduction"), none.method());
        TrainSpec readout = TrainSpec.builder(ModelSpec.iso().alpha(1).build(), TrainSpec.Architecture.FULL).dim(6)
                .eta(0.05).steps(2).trainReadout(true).build();
        assertEquals("no theory curve for a trained readout", THEORY.trainingTheory(readout, STEPS).method());
    }

    @Test
    void rrsReducedIsTheScalarFlowAtTheRealisedAlpha() {
        for (boolean untied : new boolean[] {false, true}) {
            // alpha = 1.9 at D = 8: P = round(15.2) = 15, so the theory is at 15/8, not 1.9
            TrainSpec spec = TrainSpec.builder(structured(Setting.RRS, 8, 1.9, 2, 0.2), TrainSpec.Architecture.REDUCED)
                    .eta(0.05).steps(4).untied(untied).build();
            TrainingTheory th = THEORY.trainingTheory(spec, STEPS);
            assertEquals(TrainingRegime.RRS_GRADIENT_FLOW, th.regime());
            assertEquals(15.0 / 8, th.theoryAlpha().getAsDouble());
            var landscape = Landscapes.of(ModelSpec.rrs(ExplicitSpectrum.of(Spectrum.powerLaw(1.5, 0.8, 8)))
                    .alpha(15.0 / 8).depth(Depth.of(2)).sigma(0.2).build());
            GradientFlow.Trajectory old = GradientFlow.integrate(landscape, times(STEPS, untied ? 0.025 : 0.05));
            assertClose(old.loss(), th.theory().orElseThrow().loss(), "rrs loss");
            assertClose(old.gamma(), th.theory().orElseThrow().gamma().orElseThrow(), "rrs gamma");
            assertTrue(th.method().contains("Result 6") && th.method().contains(landscape.method()), th.method());
            assertEquals(untied, th.method().contains("saddle"), th.method());
        }
        TrainSpec init = TrainSpec.builder(structured(Setting.RRS, 6, 2, 1, 0), TrainSpec.Architecture.REDUCED)
                .eta(0.05).steps(2).init(0.5).build();
        TrainingTheory none = THEORY.trainingTheory(init, STEPS);
        assertEquals(TrainingRegime.NONE_NONZERO_INIT, none.regime());
        assertEquals("no theory curve for a nonzero initial gamma in RRS", none.method());
        TrainSpec isoInit = TrainSpec.builder(ModelSpec.iso().alpha(1).build(), TrainSpec.Architecture.REDUCED).dim(6)
                .eta(0.05).steps(2).init(0.2).build();
        assertEquals("no theory curve for a nonzero initial gamma", THEORY.trainingTheory(isoInit, STEPS).method());
    }

    @Test
    void fsReducedIsThePerModeFlowWithTheOldMethodText() {
        // train --dim 8 --alpha 2 --eta 0.05 --steps 4 --every 2 --nu 1.5 --beta 0.8 --depth 2 --sigma 0.2 --setting fs
        TrainSpec spec = TrainSpec.builder(structured(Setting.FS, 8, 2, 2, 0.2), TrainSpec.Architecture.REDUCED)
                .eta(0.05).steps(4).every(2).build();
        TrainingTheory th = THEORY.trainingTheory(spec, STEPS);
        assertEquals(TrainingRegime.FS_MODE_FLOW, th.regime());
        Spectrum s = Spectrum.powerLaw(1.5, 0.8, 8);
        ModeFlow.Trajectory old = ModeFlow.integrate(new FsModeLandscape(s, 2, Depth.of(2), 0.2), new double[8],
                times(STEPS, 0.05), 8);
        assertClose(old.loss(), th.theory().orElseThrow().loss(), "fs loss");
        assertClose(old.meanGamma(), th.theory().orElseThrow().gamma().orElseThrow(), "fs mean gamma");
        assertClose(new double[] {1.04, 0.6371570410751223, 0.5110378669258704}, th.theory().orElseThrow().loss(),
                "pinned (pre-refactoring build)");
        assertEquals("theory: FS per-mode gradient flow dGamma/dt = -1/2 dL/dGamma in normalised-trace units, i.e. "
                + "dgamma_k/dt = -(D/2) dL/dgamma_k (paper Result 4 extended to finite alpha: the mean SGD update keeps "
                + "Gamma diagonal), Dormand-Prince 5(4) with dense output (tol 1.0E-6 rel), 50 gradient evaluations, "
                + "t = eta*steps, theoryGamma = mean gamma_k = tr Gamma/D: FS per-mode loss at finite alpha (P = 16, "
                + "D = 8): N = D structured-Wishart two-point contour with Lambda' = Gamma Lambda, Omega' = Omega "
                + "Gamma^-1 (derived, not in the paper) + one-point noise term, analytic gradient; 105 nodes per contour "
                + "(level 0), |Im| 7.9e-19", th.method());
        assertEquals(50, th.theory().orElseThrow().diagnostics().get("evaluations"));
        assertEquals(105, th.theory().orElseThrow().diagnostics().get("nodesPerContour"));
        assertTrue(th.exactShallow().isEmpty(), "depth 2: no exact curve");
    }

    @Test
    void depthOneFsAndRrsAlsoHaveTheExactFiniteSizeFlow() {
        Spectrum s = Spectrum.powerLaw(1.5, 0.8, 8);
        double[] steps = {0, 5, 10, 15, 20};
        for (Setting setting : new Setting[] {Setting.FS, Setting.RRS}) {
            TrainSpec spec = TrainSpec.builder(structured(setting, 8, 2, 1, 0.3), TrainSpec.Architecture.REDUCED)
                    .eta(0.1).steps(20).every(5).build();
            TrainingTheory th = THEORY.trainingTheory(spec, steps);
            ExactShallowLandscape exact = new ExactShallowLandscape(s, 16, 0.3);
            double[] t = times(steps, 0.1);
            double[] old = setting == Setting.RRS ? GradientFlow.integrate(exact.isotropic(), t).loss()
                    : ModeFlow.integrate(exact, new double[8], t, 8).loss();
            assertClose(old, th.exactShallow().orElseThrow().loss(), setting + " exact");
            assertTrue(th.method().endsWith("; exactTheoryLoss: the same flow on the exact finite-(D, P) depth-1 loss "
                    + "(Isserlis, no deterministic equivalent)"), th.method());
        }
        // pre-refactoring build: ... --setting fs ... --depth 1 --sigma 0.3, exactTheoryLoss
        TrainSpec fs = TrainSpec.builder(structured(Setting.FS, 8, 2, 1, 0.3), TrainSpec.Architecture.REDUCED).eta(0.1)
                .steps(20).every(5).build();
        assertClose(new double[] {1.09, 0.4644309887533113, 0.44575300451822397, 0.43141822138833624,
            0.41982463372822054}, THEORY.trainingTheory(fs, steps).exactShallow().orElseThrow().loss(), "pinned");
        // FS from gamma_k(0) = init: both curves start there; RRS with init has neither
        TrainSpec fsInit = TrainSpec.builder(structured(Setting.FS, 8, 2, 1, 0), TrainSpec.Architecture.REDUCED)
                .eta(0.1).steps(20).init(0.3).build();
        TrainingTheory th = THEORY.trainingTheory(fsInit, steps);
        double[] start = new double[8];
        Arrays.fill(start, 0.3);
        assertClose(ModeFlow.integrate(new ExactShallowLandscape(s, 16, 0), start, times(steps, 0.1), 8).loss(),
                th.exactShallow().orElseThrow().loss(), "fs exact from init");
        assertEquals(0.3, th.theory().orElseThrow().gamma().orElseThrow()[0], 1e-15);
        TrainSpec rrsInit = TrainSpec.builder(structured(Setting.RRS, 8, 2, 1, 0), TrainSpec.Architecture.REDUCED)
                .eta(0.1).steps(20).init(0.3).build();
        assertTrue(THEORY.trainingTheory(rrsInit, steps).exactShallow().isEmpty());
    }

    /** The figures' α = ∞ reference: Fig. 3d (FsModel per-mode flow, scale D), Figs. 4d/8c (RrsModel flow). */
    @Test
    void infiniteContextReferenceIsTheFiguresPInfinityFlow() {
        Spectrum s = Spectrum.powerLaw(1.5, 0.8, 8);
        double[] steps = {0, 5, 10, 25};
        TrainSpec fs = TrainSpec.builder(structured(Setting.FS, 8, 8, 4, 0), TrainSpec.Architecture.REDUCED).eta(0.05)
                .steps(25).build();
        TrainingTheory th = THEORY.trainingTheory(fs, steps, EnumSet.allOf(TrainingTheory.Curve.class));
        assertClose(ModeFlow.integrate(new FsModel(s, Depth.of(4), 0, TimeConvention.HALF), new double[8],
                times(steps, 0.05), 8).loss(), th.infiniteContext().orElseThrow().loss(), "fig3d alpha = inf");
        assertTrue(th.infiniteContext().orElseThrow().method().startsWith("alpha = inf: "));
        for (boolean untied : new boolean[] {false, true}) {
            int l = 2;
            // Figs. 4d/8c: eta = eta0 L untied, so that t = eta n / L = eta0 n
            TrainSpec rrs = TrainSpec.builder(structured(Setting.RRS, 8, 8, l, 0), TrainSpec.Architecture.REDUCED)
                    .eta(untied ? 0.2 * l : 0.2).untied(untied).steps(25).build();
            TrainingTheory r = THEORY.trainingTheory(rrs, steps, EnumSet.of(TrainingTheory.Curve.INFINITE_CONTEXT));
            assertClose(GradientFlow.integrate(new RrsModel(s, Depth.of(l), 0), times(steps, 0.2)).loss(),
                    r.infiniteContext().orElseThrow().loss(), "fig4d/8c P = inf, untied " + untied);
            assertEquals(TrainingTheory.Status.NOT_REQUESTED, r.status());
            assertTrue(r.theory().isEmpty());
        }
    }

    @Test
    void stepsAreValidated() {
        TrainSpec iso = TrainSpec.builder(ModelSpec.iso().alpha(1).build(), TrainSpec.Architecture.REDUCED).dim(8)
                .eta(0.05).steps(4).build();
        assertEquals("steps", assertThrows(InvalidInputException.class,
                () -> THEORY.trainingTheory(iso, new double[] {0, 1.5})).parameter(), "Result 10 is a recursion in n");
        assertEquals("steps", assertThrows(InvalidInputException.class,
                () -> THEORY.trainingTheory(iso, new double[] {2, 1})).parameter());
        assertEquals("steps", assertThrows(InvalidInputException.class,
                () -> THEORY.trainingTheory(iso, new double[0])).parameter());
        TrainSpec deep = TrainSpec.builder(ModelSpec.iso().alpha(1).depth(3).build(), TrainSpec.Architecture.REDUCED)
                .dim(8).eta(0.05).steps(4).build();
        assertEquals(3, THEORY.trainingTheory(deep, new double[] {0, 0.5, 1.5}).theory().orElseThrow().loss().length,
                "flows take any time");
    }

    /**
     * {@link Theory#train}: the simulated curve is the trainer's, step for step (same seed, same numbers), with the
     * theory at the measured steps, for both architectures.
     */
    @Test
    void trainRunsTheTrainerOfTheSpecAndPutsItsTheoryNextToIt() {
        ModelSpec model = ModelSpec.iso().alpha(1).depth(2).sigma(0.1).build();
        TrainSpec spec = TrainSpec.builder(model, TrainSpec.Architecture.REDUCED).dim(8).tau(2).kappa(0.5).eta(0.05)
                .steps(5).every(2).seed(5).untied(true).testContexts(50).build();
        TrainResult res = THEORY.train(spec);
        ContextSampler sampler = new ContextSampler(Setting.ISO, 8, 8, 4, 0.1, null);
        TrainingLoop.Curve old = TrainingLoop.run(new ReducedModelTrainer(sampler, 2, true, 0.05, 16, 0.0, 5, 50), 5, 2,
                null);
        assertArrayEquals(old.steps(), res.steps(), 0.0);
        assertArrayEquals(new double[] {0, 2, 4, 5}, res.steps(), 0.0, "every 2 and the last step");
        assertArrayEquals(old.loss(), res.loss(), 0.0);
        assertArrayEquals(old.standardError(), res.standardError(), 0.0);
        assertArrayEquals(old.trainLoss(), res.trainLoss(), 0.0);
        assertEquals(old.observables().keySet(), res.observables().keySet());
        assertArrayEquals(old.observables().get("gamma"), res.gamma(), 0.0);
        assertEquals(2, res.layerGammas().size());
        assertArrayEquals(old.observables().get("gammaLayer2"), res.layerGammas().get(1), 0.0);
        assertEquals(java.util.Set.of("parameterNorm"), res.norms().keySet());
        for (int i = 0; i < res.loss().length; i++) {
            assertEquals(res.loss()[i] - 0.01, res.excessLoss()[i], 1e-15);
        }
        assertClose(THEORY.trainingTheory(spec, old.steps()).theory().orElseThrow().loss(),
                res.theory().theory().orElseThrow().loss(), "theory at the measured steps");
        assertEquals("online SGD, reduced Gamma, untied; test loss = exact query loss on 50 fixed fresh contexts; "
                + res.theory().method(), res.method());
        assertEquals(old.loss()[3], res.finalLoss(), 0.0);

        TrainSpec full = TrainSpec.builder(ModelSpec.iso().alpha(1).build(), TrainSpec.Architecture.FULL).dim(6)
                .eta(0.05).steps(3).every(1).testContexts(20).build();
        TrainResult f = THEORY.train(full);
        TrainingLoop.Curve oldFull = TrainingLoop.run(new FullAttentionTrainer(new ContextSampler(Setting.ISO, 6, 6, 6,
                0, null), 1, false, false, 0.05, 6, 0.5, 1, 20), 3, 1, null);
        assertArrayEquals(oldFull.loss(), f.loss(), 0.0);
        assertTrue(f.norms().keySet().containsAll(java.util.List.of("normWx", "normWk", "normWq", "normWv", "normWy",
                "normWo")), f.norms().keySet().toString());
        assertTrue(f.method().startsWith("online SGD, full linear attention (width D+1), tied;"), f.method());
    }

    @Test
    void noiseFreeQueryLabelsChangeOnlyTheQueryNoiseOfTheBatchesAndResult10() {
        ModelSpec model = ModelSpec.iso().alpha(1).sigma(0.5).build();
        TrainSpec noisy = TrainSpec.builder(model, TrainSpec.Architecture.REDUCED).dim(8).eta(0.05).steps(3).every(1)
                .testContexts(20).build();
        TrainSpec clean = TrainSpec.builder(model, TrainSpec.Architecture.REDUCED).dim(8).eta(0.05).steps(3).every(1)
                .testContexts(20).queryLabels(QueryLabels.NOISE_FREE).build();
        assertEquals(QueryLabels.NOISY, noisy.queryLabels(), "the simulators' labels are all noisy by default");
        TrainResult a = THEORY.train(noisy);
        TrainResult b = THEORY.train(clean);
        assertEquals(a.loss()[0], b.loss()[0], 0.0, "same test contexts, same Gamma(0)");
        assertFalse(a.loss()[3] == b.loss()[3], "the updates differ by the query-label noise");
        for (int n = 0; n <= 3; n++) {
            assertEquals(new ShallowSgd(1, 1, 1, 0.05, 0.5, QueryLabels.NOISY).loss(n),
                    a.theory().theory().orElseThrow().loss()[n], 1e-15);
            assertEquals(new ShallowSgd(1, 1, 1, 0.05, 0.5).loss(n), b.theory().theory().orElseThrow().loss()[n], 1e-15);
        }
        assertTrue(b.method().contains("noise-free query labels"), b.method());
    }
}
