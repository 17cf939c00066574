package org.iclscale.bench;

import java.util.concurrent.TimeUnit;
import org.iclscale.spectrum.PowerLawContinuum;
import org.iclscale.theory.SpectralSums;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 17 item 4, side by side: (a) one RRS continuum gradient sum Σ_k p_k λ_k e^{−2γλ_k} (the right-hand side of
 * the flows of {@code shape --exact} and {@code exponents --verify}; γ = 300, ν = 1.5, β = 0.8: cutoff 10 000) with
 * the cached head/tail of {@link PowerLawContinuum} and with the former route (a copy below: two powers per mode
 * and three per tail node at every call); (b) the one-point-density kernel Σ_j w_j (1 − γs_j/L)^{2L} over a
 * 6 000-point grid (OnePointDensity.GRID) by {@link SpectralSums#powerSum} and by the former Math.pow loop.
 * Run with bench/run-jmh.sh ModeSumBenchmark.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ModeSumBenchmark {

    static final double NU = 1.5;
    static final double BETA = 0.8;

    PowerLawContinuum law;
    double gamma = 300;
    int cutoff;
    double[] grid;
    double[] weight;
    int depth = 8;
    double c;

    @Setup
    public void setup() {
        law = new PowerLawContinuum(NU, BETA);
        cutoff = PowerLawContinuum.cutoffFor(2 * gamma, NU);
        grid = new double[6000];
        weight = new double[6000];
        for (int j = 0; j < grid.length; j++) { // a log grid over [1e-4, 1] like OnePointDensity's
            grid[j] = Math.exp(Math.log(1e-4) * (1 - j / 5999.0));
            weight[j] = grid[j] * 1e-3;
        }
        c = 1.0 / depth; // γ = 1
        double a = continuumCached();
        double b = continuumFormer();
        if (Math.abs(a - b) > 1e-13 * Math.abs(b)) {
            throw new IllegalStateException("continuum routes differ: " + a + " vs " + b);
        }
    }

    @Benchmark
    public double continuumCached() {
        double g = gamma;
        return law.sum((l, p) -> l * Math.exp(-2 * g * l), 0, cutoff);
    }

    @Benchmark
    public double continuumFormer() {
        double g = gamma;
        return formerSum(law.zeta(), (l, p) -> l * Math.exp(-2 * g * l), 0, cutoff);
    }

    @Benchmark
    public double densityBlockedPowers() {
        return SpectralSums.powerSum(weight, grid, c, 2L * depth);
    }

    @Benchmark
    public double densityFormerPow() {
        double sum = 0;
        for (int j = 0; j < grid.length; j++) {
            double b = 1 - 1.0 * grid[j] / depth;
            sum += weight[j] * Math.pow(b * b, depth);
        }
        return sum;
    }

    /** PowerLawContinuum.rawSum before issue 17 (commit dc33b1c). */
    static double formerSum(double z, PowerLawContinuum.ModeFactor f, double f0, int cutoff) {
        double s = NU * BETA + 1;
        double head = 0;
        for (int k = cutoff - 1; k >= 1; k--) {
            double p = Math.pow(k, -s) / z;
            head += p * f.apply(Math.pow(k, -NU), p);
        }
        double kk = cutoff;
        double h = kk / 100;
        double d1 = (-g(f, z, s, kk + 2 * h) + 8 * g(f, z, s, kk + h) - 8 * g(f, z, s, kk - h) + g(f, z, s, kk - 2 * h))
                / (12 * h);
        double tail = f0 * Math.pow(kk, 1 - s) / ((s - 1) * z) + g(f, z, s, kk) / 2 - d1 / 12;
        double decay = f0 == 0 ? s - 1 : s - 1 + NU;
        double vMax = 42 / decay;
        double width = 0.25;
        double integral = 0;
        double[] nodes = {-0.9739065285171717, -0.8650633666889845, -0.6794095682990244, -0.4333953941292472,
            -0.14887433898163122, 0.14887433898163122, 0.4333953941292472, 0.6794095682990244, 0.8650633666889845,
            0.9739065285171717};
        double[] weights = {0.06667134430868814, 0.1494513491505804, 0.219086362515982, 0.2692667193099965,
            0.2955242247147528, 0.2955242247147528, 0.2692667193099965, 0.219086362515982, 0.1494513491505804,
            0.06667134430868814};
        for (double a = 0; a < vMax; a += width) {
            double mid = a + width / 2;
            for (int i = 0; i < nodes.length; i++) {
                double v = mid + width / 2 * nodes[i];
                double x = kk * Math.exp(v);
                double p = Math.pow(x, -s) / z;
                integral += weights[i] * width / 2 * x * p * (f.apply(Math.pow(x, -NU), p) - f0);
            }
        }
        return head + tail + integral;
    }

    private static double g(PowerLawContinuum.ModeFactor f, double z, double s, double x) {
        double p = Math.pow(x, -s) / z;
        return p * f.apply(Math.pow(x, -NU), p);
    }
}
