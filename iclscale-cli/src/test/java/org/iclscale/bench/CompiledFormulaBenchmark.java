package org.iclscale.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.DoubleUnaryOperator;
import org.iclscale.core.Depth;
import org.iclscale.symbolic.IsoClosedForms;
import org.iclscale.symbolic.SymbolicEngine;
import org.iclscale.theory.IsoModel;
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
 * A Symja-derived closed form compiled by JavaForm + Janino ({@link SymbolicEngine#compile}) against the
 * hand-written Catalan loop of {@link IsoModel#optimalNoiselessLoss}: the exact ISO optimum at depth 8.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class CompiledFormulaBenchmark {

    private DoubleUnaryOperator compiled;
    private double alpha = 0.37;

    @Setup
    public void setUp() {
        compiled = SymbolicEngine.get().compile(IsoClosedForms.catalanRoute(8), "alpha");
    }

    @Benchmark
    public double compiledClosedForm() {
        alpha = alpha < 8 ? alpha + 1e-3 : 0.37;
        return compiled.applyAsDouble(alpha);
    }

    @Benchmark
    public double handWrittenCatalanLoop() {
        alpha = alpha < 8 ? alpha + 1e-3 : 0.37;
        return IsoModel.optimalNoiselessLoss(alpha, Depth.of(8));
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(CompiledFormulaBenchmark.class.getSimpleName()).build()).run();
    }
}
