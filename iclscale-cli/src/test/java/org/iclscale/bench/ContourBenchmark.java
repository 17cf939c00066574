package org.iclscale.bench;

import java.util.concurrent.TimeUnit;
import org.iclscale.core.Depth;
import org.iclscale.deteq.TwoPointContour;
import org.iclscale.spectrum.Spectrum;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two-point contour of {@code risk --setting rrs --nu 1.25 --beta 0.75 --dim D --width D/8 --alpha 2 --depth 4}
 * (issue 17 item 5): "cold" builds the solver and evaluates γ = 3 (κ continuation, the n × D resolvents and the
 * n × n × D pair sums, which dominate at large D); "warm" is a further γ on the built solver (filter on both
 * circles and the bilinear form). Public API only, so bench/before-after.sh runs the same class against the
 * classes of an earlier commit. Run with bench/run-jmh.sh ContourBenchmark.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class ContourBenchmark {

    @Param({"1600", "6400"})
    int dim;

    Spectrum spectrum;
    TwoPointContour built;
    double gamma = 3;

    @Setup
    public void setup() {
        spectrum = Spectrum.powerLaw(1.25, 0.75, dim);
        built = new TwoPointContour(spectrum, dim / 8.0, 2.0 * dim);
        built.signal(3, Depth.of(4));
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 4)
    public double cold() {
        return new TwoPointContour(spectrum, dim / 8.0, 2.0 * dim).signal(3, Depth.of(4)).loss();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 3, time = 1)
    public double warm() {
        gamma = gamma == 3 ? 3.0001 : 3;
        return built.signal(gamma, Depth.of(4)).loss();
    }
}
