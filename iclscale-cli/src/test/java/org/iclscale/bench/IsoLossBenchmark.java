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
 * One exact ISO loss evaluation (paper Result 1) at depth L = 16 and 1024, side by side for the two kernels
 * (issue 17 item 1): {@code kernel} is {@link IsoModel} (S_L by binary doubling on cached primitive nodes),
 * {@code former} the route it replaced ({@code LegacyIsoModel}, expm1/log1p/pow per node behind a lambda, kept in
 * iclscale-core's tests). Targets: ≥ 10^7 evaluations/s at L = 16, ≥ 2·10^5/s at L = 1024, every σ.
 * α = 1 and 0.5 use L Gauss–Chebyshev nodes; α = 2 the anchored route at L = 16 and the direct 1/λ-pole route
 * (L + m nodes, m ≈ 70) plus the noise term at L = 1024. Run with bench/run-jmh.sh IsoLossBenchmark.
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

    @Param({"16", "1024"})
    int depth;

    @Param({"kernel", "former"})
    String route;

    java.util.function.DoubleUnaryOperator model;
    double gamma;
    double step;

    @Setup
    public void setup() {
        IsoModel kernel = new IsoModel(alpha, Depth.of(depth), sigma);
        model = route.equals("kernel") ? kernel::loss
                : new org.iclscale.theory.LegacyIsoModel(alpha, Depth.of(depth), sigma)::loss;
        gamma = 0.3 * kernel.stabilityEdge();
        step = 1e-9 * kernel.stabilityEdge();
    }

    @Benchmark
    public double loss() {
        gamma += step; // a different γ each call: nothing to constant-fold
        return model.applyAsDouble(gamma);
    }
}
