package org.iclscale.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Runs JMH benchmarks whose name matches the first argument (default: all under this package). */
public final class DeteqBenchmarkMain {

    private DeteqBenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException {
        String include = args.length > 0 ? args[0] : "org.iclscale.bench";
        new Runner(new OptionsBuilder().include(include).build()).run();
    }
}
