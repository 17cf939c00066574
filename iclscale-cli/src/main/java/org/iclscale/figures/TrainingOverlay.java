package org.iclscale.figures;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.iclscale.core.ComputationException;
import org.iclscale.simulate.Seeds;
import org.iclscale.simulate.Trainer;
import org.iclscale.simulate.TrainingLoop;

/**
 * THE training-overlay runner of the figures: independent online-SGD runs of a {@link Trainer}, an observable
 * (by default the ICL test loss) recorded at given steps, mean and standard error of the mean over runs.
 *
 * <p><b>Seeds.</b> Run r of curve c of panel p gets the seed obtained by chaining SplitMix64 ({@link Seeds#forTrial})
 * through (seed, p), c, r: streams of different panels, curves and runs are unrelated whatever the number of runs
 * (the earlier 1000·L + r scheme made run 1000 of L = 1 the first run of L = 2).
 */
final class TrainingOverlay {

    /**
     * Mean ± SE over runs of the observable at each recorded step; {@code divergence} is null, or says which run
     * diverged where (then the steps end at the last one every run reached).
     */
    record Curve(double[] steps, double[] mean, double[] standardError, int runs, String divergence) {
        Curve(double[] steps, double[] mean, double[] standardError, int runs) {
            this(steps, mean, standardError, runs, null);
        }
    }

    /** Builds the trainer of one run from its seed. */
    interface Factory {
        Trainer create(long seed);
    }

    private TrainingOverlay() {
    }

    /** The seed of run {@code run} of curve {@code curve} of panel {@code panel}. */
    static long seed(long seed, String panel, int curve, int run) {
        long p = 0;
        for (byte b : panel.getBytes(StandardCharsets.UTF_8)) {
            p = p * 31 + b;
        }
        long s = Seeds.forTrial(seed ^ p, (int) (p >>> 32)).nextLong();
        s = Seeds.forTrial(s, curve).nextLong();
        return Seeds.forTrial(s, run).nextLong();
    }

    static Curve run(String panel, int curve, long seed, Factory factory, int runs, double[] steps) {
        return run(panel, curve, seed, factory, t -> t.testLoss().loss(), runs, steps);
    }

    /**
     * Trains {@code runs} trainers up to the last of {@code steps} (increasing non-negative integers) and records
     * {@code observable} there. A batch loss beyond {@link TrainingLoop#DIVERGENCE_LIMIT} is a
     * {@link ComputationException} naming the run and step.
     */
    static Curve run(String panel, int curve, long seed, Factory factory, ToDoubleFunction<Trainer> observable, int runs,
            double[] steps) {
        return runAll(panel, curve, seed, factory, java.util.List.of(observable), runs, steps).get(0);
    }

    /** As {@link #run}, recording several observables of the same runs (one {@link Curve} each, in order). */
    static java.util.List<Curve> runAll(String panel, int curve, long seed, Factory factory,
            java.util.List<ToDoubleFunction<Trainer>> observables, int runs, double[] steps) {
        return runAll(panel, curve, seed, factory, observables, runs, steps, false);
    }

    /**
     * As {@link #run}, but a diverging run ends the curve instead of failing it: the curve keeps the recorded steps
     * every run reached before its divergence (at least step 0) and {@link Curve#divergence} names the first one
     * (Figs. 1a/1b: deep full attention at small D diverges after the drop, its approach to the drop is data).
     */
    static Curve runUntilDivergence(String panel, int curve, long seed, Factory factory, int runs, double[] steps) {
        return runAll(panel, curve, seed, factory, java.util.List.of(t -> t.testLoss().loss()), runs, steps, true).get(0);
    }

    private static java.util.List<Curve> runAll(String panel, int curve, long seed, Factory factory,
            java.util.List<ToDoubleFunction<Trainer>> observables, int runs, double[] steps, boolean truncate) {
        int last = (int) steps[steps.length - 1];
        int m = observables.size();
        double[][][] value = new double[m][runs][steps.length];
        int kept = steps.length;
        String divergence = null;
        for (int r = 0; r < runs; r++) {
            Trainer trainer = factory.create(seed(seed, panel, curve, r));
            int next = 0;
            for (int n = 0; n <= last; n++) {
                while (next < steps.length && steps[next] == n) {
                    for (int k = 0; k < m; k++) {
                        value[k][r][next] = observables.get(k).applyAsDouble(trainer);
                    }
                    next++;
                }
                if (n == last) {
                    break;
                }
                double batch = trainer.step(n);
                if (!(batch < TrainingLoop.DIVERGENCE_LIMIT)) {
                    String what = "training run " + (r + 1) + " diverged at step " + n + ": batch loss "
                            + (Double.isFinite(batch) ? String.format(Locale.ROOT, "%.4g", batch) : "overflow")
                            + " (eta = " + trainer.eta() + ")";
                    if (!truncate) {
                        throw new ComputationException("SGD", what);
                    }
                    if (next < kept) {
                        kept = next;
                        divergence = what;
                    }
                    break;
                }
            }
        }
        java.util.List<Curve> out = new java.util.ArrayList<>();
        for (int k = 0; k < m; k++) {
            double[] mean = new double[kept];
            double[] se = new double[kept];
            for (int i = 0; i < kept; i++) {
                double s = 0;
                for (int r = 0; r < runs; r++) {
                    s += value[k][r][i];
                }
                s /= runs;
                double ss = 0;
                for (int r = 0; r < runs; r++) {
                    ss += (value[k][r][i] - s) * (value[k][r][i] - s);
                }
                mean[i] = s;
                se[i] = runs > 1 ? Math.sqrt(ss / (runs - 1) / runs) : 0.0;
            }
            out.add(new Curve(java.util.Arrays.copyOf(steps, kept), mean, se, runs, divergence));
        }
        return out;
    }
}
