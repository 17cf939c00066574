package org.iclscale.simulate;

import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.iclscale.core.InvalidInputException;

/** Mean loss over independent trials with its standard error (sample standard deviation / √trials). */
public record MonteCarloResult(double loss, double standardError, int trials) {

    /**
     * Runs {@code trials} independent trials in parallel; trial i gets the generator {@link Seeds#forTrial}(seed, i),
     * so the result does not depend on the thread count.
     */
    static MonteCarloResult parallel(int trials, long seed, ToDoubleFunction<SplittableRandom> trial) {
        if (trials < 2) {
            throw new InvalidInputException("trials", trials, "an integer >= 2");
        }
        double[] samples = new double[trials];
        IntStream.range(0, trials).parallel().forEach(i -> samples[i] = trial.applyAsDouble(Seeds.forTrial(seed, i)));
        return of(samples);
    }

    /** One trial drawing from {@code rng}, free to overwrite the scratch arrays of {@code workspace}. */
    @FunctionalInterface
    interface WorkspaceTrial<W> {
        double run(SplittableRandom rng, W workspace);
    }

    /** Largest number of chunks of {@link #parallel(int, long, Supplier, WorkspaceTrial)}, each with one workspace. */
    static final int MAX_CHUNKS = 64;

    /**
     * {@link #parallel(int, long, ToDoubleFunction)} with scratch memory reused across trials: the trials are cut
     * into at most {@value #MAX_CHUNKS} consecutive chunks, run in parallel, each chunk's trials in order on one
     * {@code workspace.get()}. Trial i still gets {@link Seeds#forTrial}(seed, i) and sample i, and the mean and
     * error are summed in index order, so the result is the same bits as with a fresh workspace per trial (issue 17:
     * a context matrix per trial allocated 130–640 MB in a README example, and the first pass over that young
     * generation's fresh pages cost ~0.05 CPU-s of page faults in a cold run).
     */
    static <W> MonteCarloResult parallel(int trials, long seed, Supplier<W> workspace, WorkspaceTrial<W> trial) {
        if (trials < 2) {
            throw new InvalidInputException("trials", trials, "an integer >= 2");
        }
        double[] samples = new double[trials];
        int chunks = Math.min(trials, MAX_CHUNKS);
        IntStream.range(0, chunks).parallel().forEach(c -> {
            W w = workspace.get();
            int end = chunkStart(c + 1, chunks, trials);
            for (int i = chunkStart(c, chunks, trials); i < end; i++) {
                samples[i] = trial.run(Seeds.forTrial(seed, i), w);
            }
        });
        return of(samples);
    }

    /** First trial of chunk c of {@code chunks} over {@code trials} (c = chunks: the end). */
    static int chunkStart(int c, int chunks, int trials) {
        return (int) ((long) c * trials / chunks);
    }

    static MonteCarloResult of(double[] samples) {
        int n = samples.length;
        double mean = 0;
        for (double s : samples) {
            mean += s;
        }
        mean /= n;
        double ss = 0;
        for (double s : samples) {
            ss += (s - mean) * (s - mean);
        }
        double se = n > 1 ? Math.sqrt(ss / (n - 1) / n) : 0.0;
        return new MonteCarloResult(mean, se, n);
    }
}
