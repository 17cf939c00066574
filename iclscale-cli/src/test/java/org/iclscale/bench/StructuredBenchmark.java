package org.iclscale.bench;

import java.util.concurrent.TimeUnit;
import org.iclscale.core.Depth;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.FsModel;
import org.iclscale.theory.OptimumSearch;
import org.iclscale.theory.RrsModel;
import org.iclscale.theory.TimeConvention;
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
 * Speed targets of the structured spectra (issue #3): RRS loss over 10⁶ modes in a few ms, the optimal γ over
 * 10⁶ modes in under 1 s. Run with {@code java -cp target/test-classes:target/classes:<test classpath>
 * org.iclscale.bench.StructuredBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StructuredBenchmark {

    @Param({"1000000"})
    public int dim;

    @Param({"8", "inf"})
    public String depth;

    private RrsModel rrs;
    private FsModel fs;

    @Setup
    public void setup() {
        Spectrum s = Spectrum.powerLaw(1.5, 0.8, dim);
        Depth d = Depth.parse(depth);
        rrs = new RrsModel(s, d, 0);
        fs = new FsModel(s, d, 0, TimeConvention.HALF);
    }

    @Benchmark
    public double rrsLoss() {
        return rrs.loss(d() ? 37.0 : 11.0);
    }

    @Benchmark
    public double rrsLossDerivative() {
        return rrs.lossDerivative(d() ? 37.0 : 11.0);
    }

    @Benchmark
    public double rrsOptimum() {
        if (d()) {
            return 0; // no stability edge at L = inf (infimum at gamma -> inf)
        }
        return rrs.optimum().gamma();
    }

    @Benchmark
    public double rrsOptimumGenericGrid() {
        if (d()) {
            return 0;
        }
        return OptimumSearch.minimise(rrs).gamma();
    }

    @Benchmark
    public double fsLossAtTime() {
        return fs.loss(1000.0);
    }

    public static void main(String[] args) throws org.openjdk.jmh.runner.RunnerException {
        new org.openjdk.jmh.runner.Runner(new org.openjdk.jmh.runner.options.OptionsBuilder()
                .include(StructuredBenchmark.class.getSimpleName()).build()).run();
    }

    private boolean d() {
        return depth.equals("inf");
    }
}
