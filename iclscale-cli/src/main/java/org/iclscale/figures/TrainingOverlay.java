package org.iclscale.figures;

import java.util.function.IntFunction;
import org.iclscale.core.ComputationException;
import org.iclscale.simulate.Trainer;
import org.iclscale.simulate.TrainingLoop;

/**
 * Training overlays of the figures (shared by Figs. 4, 6a, 8): independent online-SGD runs of a
 * {@link Trainer}, the ICL test loss recorded at given steps, mean and standard error of the mean over runs.
 * The time axis of each trainer is its own (t = η·n for the tied reduced model and full attention,
 * t = η·n/L untied; {@link org.iclscale.simulate.ReducedModelTrainer}, {@link
 * org.iclscale.simulate.FullAttentionTrainer}).
 */
final class TrainingOverlay {

    /** Mean ± SE over runs of the test loss at each recorded step. */
    record Curve(double[] steps, double[] mean, double[] standardError, int runs) {
    }

    private TrainingOverlay() {
    }

    /**
     * Trains {@code runs} trainers (run r built by {@code factory.apply(r)}) up to the last of {@code steps}
     * (increasing non-negative integers) and records their test loss there. A batch loss beyond
     * {@link TrainingLoop#DIVERGENCE_LIMIT} is a {@link ComputationException} naming the run and step.
     */
    static Curve run(IntFunction<Trainer> factory, int runs, double[] steps) {
        int last = (int) steps[steps.length - 1];
        double[][] loss = new double[runs][steps.length];
        for (int r = 0; r < runs; r++) {
            Trainer trainer = factory.apply(r);
            int next = 0;
            for (int n = 0; n <= last; n++) {
                while (next < steps.length && steps[next] == n) {
                    loss[r][next++] = trainer.testLoss().loss();
                }
                if (n == last) {
                    break;
                }
                double batch = trainer.step(n);
                if (!(batch < TrainingLoop.DIVERGENCE_LIMIT)) {
                    throw new ComputationException("SGD", "training run " + (r + 1) + " diverged at step " + n
                            + ": batch loss " + (Double.isFinite(batch) ? String.format(java.util.Locale.ROOT, "%.4g", batch) : "overflow")
                            + " (eta = " + trainer.eta() + ")");
                }
            }
        }
        double[] mean = new double[steps.length];
        double[] se = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            double m = 0;
            for (int r = 0; r < runs; r++) {
                m += loss[r][i];
            }
            m /= runs;
            double ss = 0;
            for (int r = 0; r < runs; r++) {
                ss += (loss[r][i] - m) * (loss[r][i] - m);
            }
            mean[i] = m;
            se[i] = runs > 1 ? Math.sqrt(ss / (runs - 1) / runs) : 0.0;
        }
        return new Curve(steps.clone(), mean, se, runs);
    }
}
