package org.iclscale.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import org.iclscale.core.Depth;
import org.iclscale.model.ModelSpec;
import org.iclscale.model.PowerLaw;
import org.iclscale.model.Theory;
import org.iclscale.model.TrainSpec;
import org.iclscale.model.TrainingTheory;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.TimeConvention;
import org.junit.jupiter.api.Test;

/**
 * The clocks of the overlays on the paper's panels: the theory of a training run ({@code Theory.trainingTheory}, on
 * the trainer's clock t = n·flowTimePerStep) drawn at x = n·xPerStep must equal the panel's own theory curve at x.
 * Two routes each: the FS per-mode flow integrated numerically at scale D against the separable closed form of
 * Result 4 (Fig. 3, x = Dηn), and the RRS scalar flow of the run against the panel's flow at t = 2η_paper x / D
 * (Figs. 4a, 4c: x = n).
 */
class OverlayClockTest {

    /** Fig. 3: η = 1/D puts the run's α = ∞ flow on the paper's x = n (the closed form at t = n), every depth. */
    @Test
    void figureThreeRunIsOnThePaperAxis() {
        int d = 8;
        double[] steps = {1, 10, 100, 1000};
        for (int l : new int[] {1, 4}) {
            TrainSpec run = TrainSpec.builder(ModelSpec.fs(PowerLaw.of(Fig3.NU, Fig3.BETA, d)).alpha(8).depth(l).build(),
                    TrainSpec.Architecture.REDUCED).eta(1.0 / d).steps(1000).build();
            double[] loss = Theory.standard().trainingTheory(run, steps, EnumSet.of(TrainingTheory.Curve.INFINITE_CONTEXT))
                    .infiniteContext().orElseThrow().loss();
            var closed = FigureLandscapes.fs(Spectrum.powerLaw(Fig3.NU, Fig3.BETA, d), Depth.of(l), TimeConvention.HALF);
            for (int i = 0; i < steps.length; i++) {
                double x = steps[i] * d * run.eta(); // Fig3.overlay: xPerStep = D eta
                assertEquals(closed.loss(x), loss[i], 1e-5 * closed.loss(x), "L = " + l + ", n = " + steps[i]);
            }
        }
    }

    /** Figs. 4a (tied) and 4c (untied at η₀L): x = n, the run's α = ∞ flow equals the panel's flow at 2ηx/D. */
    @Test
    void figureFourRunsAreOnThePaperAxis() {
        int d = 8;
        double[] steps = {1, 30, 300};
        for (boolean untied : new boolean[] {false, true}) {
            double eta = untied ? Fig4.ETA_C : Fig4.ETA_A;
            int paperDim = untied ? 45 : 64;
            double perX = Clocks.perStep(eta, paperDim);
            int l = 4;
            TrainSpec run = TrainSpec.builder(ModelSpec.rrs(PowerLaw.of(1.5, 0.8, d)).alpha(8).depth(l).build(),
                    TrainSpec.Architecture.REDUCED).untied(untied).eta(untied ? perX * l : perX).steps(300).build();
            assertEquals(1.0, run.flowTimePerStep() / perX, 1e-15, "x = n");
            double[] loss = Theory.standard().trainingTheory(run, steps, EnumSet.of(TrainingTheory.Curve.INFINITE_CONTEXT))
                    .infiniteContext().orElseThrow().loss();
            double[] panel = org.iclscale.theory.GradientFlow.integrate(FigureLandscapes.rrs(
                    Spectrum.powerLaw(1.5, 0.8, d), Depth.of(l)), Curves.scale(steps, perX)).loss();
            for (int i = 0; i < steps.length; i++) {
                assertEquals(panel[i], loss[i], 1e-6 * panel[i], (untied ? "untied" : "tied") + ", n = " + steps[i]);
            }
        }
    }
}
