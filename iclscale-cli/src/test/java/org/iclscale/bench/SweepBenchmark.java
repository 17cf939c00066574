package org.iclscale.bench;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import org.iclscale.cli.Main;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The speed target: {@code sweep optimum --alpha 0.1:10:log:100 --depth 1:100:lin:100} (10^4 global
 * optimum searches, each ~270 exact-quadrature loss evaluations) through the real command line, in one JVM.
 * Run with examples/sweep/benchmark.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class SweepBenchmark {

    private static final PrintWriter SINK = new PrintWriter(OutputStream.nullOutputStream());

    private static int sweep(String threads) {
        int code = Main.execute(SINK, SINK, "sweep", "--threads", threads, "--progress", "never", "optimum", "--alpha",
                "0.1:10:log:100", "--depth", "1:100:lin:100");
        if (code != 0) {
            throw new IllegalStateException("sweep failed with exit code " + code);
        }
        return code;
    }

    @Benchmark
    public int tenThousandIsoOptimaAllCores() {
        return sweep(Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

    @Benchmark
    public int tenThousandIsoOptimaOneThread() {
        return sweep("1");
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(SweepBenchmark.class.getName() + ".*").build()).run();
    }
}
