package org.iclscale.bench;

import java.util.concurrent.TimeUnit;
import org.iclscale.core.Depth;
import org.iclscale.core.Extent;
import org.iclscale.deteq.OnePointDensity;
import org.iclscale.scaling.ExactJointLoss;
import org.iclscale.spectrum.Spectrum;
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
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Cost of one exact joint-loss evaluation (a gradient-flow solve to t on a built landscape) in each regime of
 * {@link ExactJointLoss}, and of building a one-point density (the per-N cost of {@code shape --exact}):
 * ν = 1.5, β = 0.8, D = 256. The time is varied per call so the memo never answers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ExactJointLossBenchmark {

    private ExactJointLoss exact;
    private double shift;

    @Setup
    public void setUp() {
        exact = new ExactJointLoss(1.5, 0.8, 256);
        exact.loss(1e4, Extent.of(32), Depth.of(8), Extent.INFINITE);
        exact.loss(100, Extent.of(32), Depth.of(4), Extent.of(64));
    }

    private double nextShift() {
        shift = shift < 1 ? shift + 1e-9 : 0;
        return shift;
    }

    /** (t, L), N = P = ∞, D = ∞: t = 1e4, L = 8. */
    @Benchmark
    public double timeDepth() {
        return exact.loss(1e4 + nextShift(), Extent.INFINITE, Depth.of(8), Extent.INFINITE);
    }

    /** (t, N, L), one-point density: t = 1e4, N = 32, L = 8. */
    @Benchmark
    public double timeWidthDepth() {
        return exact.loss(1e4 + nextShift(), Extent.of(32), Depth.of(8), Extent.INFINITE);
    }

    /** (t, N, L, P), two-point contour: t = 100, N = 32, L = 4, P = 64. */
    @Benchmark
    public double timeWidthDepthContext() {
        return exact.loss(100 + nextShift(), Extent.of(32), Depth.of(4), Extent.of(64));
    }

    /** Building the one-point density for a new width (cold). */
    @Benchmark
    public double buildDensity() {
        return new OnePointDensity(Spectrum.powerLaw(1.5, 0.8, 256), 32).atom();
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(ExactJointLossBenchmark.class.getSimpleName()).build()).run();
    }
}
