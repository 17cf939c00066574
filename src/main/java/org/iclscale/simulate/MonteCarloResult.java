package org.iclscale.simulate;

/** Mean loss over independent trials with its standard error (sample standard deviation / √trials). */
public record MonteCarloResult(double loss, double standardError, int trials) {

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
