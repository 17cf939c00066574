package org.iclscale.bench;

import java.util.concurrent.TimeUnit;
import org.iclscale.core.Depth;
import org.iclscale.deteq.Floors;
import org.iclscale.deteq.OnePointDensity;
import org.iclscale.deteq.TwoPointContour;
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

/**
 * One loss evaluation per deterministic-equivalent regime (D = 400, ν = 1.25, β = 0.75). "cold" includes
 * building the solver (κ continuation, density grid or two-point grid); "warm" is a further γ on the same
 * solver (what optimum/landscape pay per point). Run: {@code DeteqBenchmarkMain DeteqBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class DeteqBenchmark {

    private Spectrum spectrum;
    private OnePointDensity density;
    private TwoPointContour general;
    private TwoPointContour wishart;
    private double gamma = 3;

    @Setup
    public void setup() {
        spectrum = Spectrum.powerLaw(1.25, 0.75, 400);
        density = new OnePointDensity(spectrum, 50);
        general = new TwoPointContour(spectrum, 100, 400);
        general.signal(3, Depth.of(4));
        wishart = new TwoPointContour(spectrum, Double.POSITIVE_INFINITY, 200);
        wishart.signal(3, Depth.of(4));
    }

    @Benchmark
    public double onePointDensityCold() {
        return new OnePointDensity(spectrum, 50).loss(24, Depth.of(4));
    }

    @Benchmark
    public double onePointDensityWarm() {
        gamma = gamma == 3 ? 3.0001 : 3;
        return density.loss(gamma, Depth.of(4));
    }

    @Benchmark
    public double twoPointGeneralCold() {
        return new TwoPointContour(spectrum, 100, 400).signal(3, Depth.of(4)).loss();
    }

    @Benchmark
    public double twoPointGeneralWarm() {
        gamma = gamma == 3 ? 3.0001 : 3;
        return general.signal(gamma, Depth.of(4)).loss();
    }

    @Benchmark
    public double structuredWishartWithNoiseCold() {
        TwoPointContour c = new TwoPointContour(spectrum, Double.POSITIVE_INFINITY, 200);
        return c.signal(3, Depth.of(4)).loss() + c.noiseTerm(3, Depth.of(4), 0.5);
    }

    @Benchmark
    public double structuredWishartWithNoiseWarm() {
        gamma = gamma == 3 ? 3.0001 : 3;
        return wishart.signal(gamma, Depth.of(4)).loss() + wishart.noiseTerm(gamma, Depth.of(4), 0.5);
    }

    @Benchmark
    public double widthFloor() {
        return Floors.width(spectrum, 50).excessLoss();
    }

    @Benchmark
    public double contextFloor() {
        return Floors.context(spectrum, 100, 0.1).excessLoss();
    }
}
