package org.iclscale.simulate;

import java.util.SplittableRandom;
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
