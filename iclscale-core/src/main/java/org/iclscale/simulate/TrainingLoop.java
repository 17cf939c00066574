package org.iclscale.simulate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.iclscale.core.ComputationException;

/**
 * Runs a {@link Trainer} for n steps, measuring the test loss at steps 0, k, 2k, …, n, and stops with a
 * {@link ComputationException} (exit 1) naming the step and the loss as soon as a batch loss exceeds
 * {@link #DIVERGENCE_LIMIT} or is not finite (a learning rate beyond the stability edge).
 */
public final class TrainingLoop {

    /** A batch loss above this (the loss at Γ = 0 is 1 + σ²) is divergence. */
    public static final double DIVERGENCE_LIMIT = 1e6;

    /**
     * Recorded curve: steps, test loss with standard error, training loss (the query loss of batch n at the
     * parameters of step n: a noisy estimate of the same test loss on other contexts), observables.
     */
    public record Curve(double[] steps, double[] loss, double[] standardError, double[] trainLoss,
            Map<String, double[]> observables) {
    }

    private TrainingLoop() {
    }

    public static Curve run(Trainer trainer, int steps, int every, Consumer<String> progress) {
        int rows = steps / every + 1 + (steps % every == 0 ? 0 : 1);
        double[] at = new double[rows];
        double[] loss = new double[rows];
        double[] se = new double[rows];
        double[] train = new double[rows];
        Map<String, double[]> obs = new LinkedHashMap<>();
        long start = System.nanoTime();
        long lastReport = start;
        int row = 0;
        for (int n = 0; n <= steps; n++) {
            boolean measure = n % every == 0 || n == steps;
            if (measure) {
                MonteCarloResult test = trainer.testLoss();
                if (!(test.loss() < DIVERGENCE_LIMIT)) {
                    throw diverged(trainer, n, "test loss", test.loss());
                }
                at[row] = n;
                loss[row] = test.loss();
                se[row] = test.standardError();
                for (Map.Entry<String, Double> e : trainer.observables().entrySet()) {
                    obs.computeIfAbsent(e.getKey(), k -> new double[rows])[row] = e.getValue();
                }
            }
            // batch n is scored at the parameters of step n, then (n < steps) used for the update
            double batch = trainer.step(n, n < steps);
            if (!(batch < DIVERGENCE_LIMIT)) {
                throw diverged(trainer, n, "batch loss", batch);
            }
            if (measure) {
                train[row++] = batch;
            }
            long now = System.nanoTime();
            if (progress != null && n < steps && now - start > 1_000_000_000L && now - lastReport > 2_000_000_000L) {
                lastReport = now;
                progress.accept(String.format(java.util.Locale.ROOT, "step %d/%d, batch loss %.5g, %.1f s", n + 1, steps, batch,
                        (now - start) / 1e9));
            }
        }
        return new Curve(at, loss, se, train, obs);
    }

    private static ComputationException diverged(Trainer trainer, int step, String what, double value) {
        String v = Double.isFinite(value) ? String.format(java.util.Locale.ROOT, "%.4g", value) : "overflow (not a finite number)";
        return new ComputationException("SGD", "training diverged at step " + step + ": " + what + " = " + v
                + " > " + String.format(java.util.Locale.ROOT, "%.0e", DIVERGENCE_LIMIT) + " (learning rate eta = " + trainer.eta()
                + " is beyond the stability edge; reduce eta)");
    }
}
