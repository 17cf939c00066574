package org.iclscale.bench;

import java.util.concurrent.TimeUnit;
import org.iclscale.core.Depth;
import org.iclscale.theory.IsoModel;
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
 * One exact ISO loss evaluation (paper Result 1) at depth L = 16: O(L) work, target ≥ 10^6 evaluations/s.
 * α = 1 and 0.5 use L Gauss–Chebyshev nodes; α = 2 the direct 1/λ-pole route (L + m nodes, m ≈ 70).
 * Run with bench/run-jmh.sh IsoLossBenchmark.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IsoLossBenchmark {

    @Param({"0.5", "1", "2"})
    double alpha;

    @Param({"0", "0.5"})
    double sigma;

    @Param({"16"})
    int depth;

    IsoModel model;
    double gamma;
    double step;

    @Setup
    public void setup() {
        model = new IsoModel(alpha, Depth.of(depth), sigma);
        gamma = 0.3 * model.stabilityEdge();
        step = 1e-9 * model.stabilityEdge();
    }

    @Benchmark
    public double loss() {
        gamma += step; // a different γ each call: nothing to constant-fold
        return model.loss(gamma);
    }
}
