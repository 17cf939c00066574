package org.iclscale.bench;

import java.util.Locale;
import org.iclscale.core.Setting;
import org.iclscale.simulate.IsoSimulator;
import org.iclscale.simulate.MonteCarloResult;
import org.iclscale.simulate.StructuredSimulator;
import org.iclscale.spectrum.Spectrum;

/**
 * Timing harness for the Monte Carlo of {@code simulate}, the counterpart of {@code bench/numpy_simulate.py} (same
 * model, same sizes; issue 17 item 7): wall and process CPU seconds of {@code run(trials, seed)} on the common
 * fork-join pool, the first (cold, JIT warming up) run and the best of the following ones, with the mean loss and
 * standard error of the first. Args: setting nu beta dim width alpha depth gamma sigma trials [repeats]; width and
 * alpha may be {@code inf}. Run through {@code bench/simulate-vs-numpy.sh}.
 */
public final class SimulateBenchmark {

    private SimulateBenchmark() {
    }

    private static double parse(String s) {
        return s.equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(s);
    }

    public static void main(String[] args) {
        Setting setting = Setting.valueOf(args[0].toUpperCase(Locale.ROOT));
        double nu = parse(args[1]);
        double beta = parse(args[2]);
        int d = Integer.parseInt(args[3]);
        double widthArg = parse(args[4]);
        int width = Double.isInfinite(widthArg) ? Integer.MAX_VALUE : (int) widthArg;
        double alpha = parse(args[5]);
        int depth = Integer.parseInt(args[6]);
        double gamma = parse(args[7]);
        double sigma = parse(args[8]);
        int trials = Integer.parseInt(args[9]);
        int repeats = args.length > 10 ? Integer.parseInt(args[10]) : 5;
        java.util.function.LongFunction<MonteCarloResult> run;
        if (setting == Setting.ISO) {
            IsoSimulator sim = new IsoSimulator(d, alpha, depth, gamma, sigma);
            run = seed -> sim.run(trials, seed);
        } else {
            StructuredSimulator sim = new StructuredSimulator(Spectrum.powerLaw(nu, beta, d), setting, width, alpha,
                    depth, gamma, sigma);
            run = seed -> sim.run(trials, seed);
        }
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double firstWall = 0;
        double firstCpu = 0;
        double bestWall = Double.POSITIVE_INFINITY;
        double bestCpu = Double.POSITIVE_INFINITY;
        MonteCarloResult first = null;
        for (int rep = 0; rep < repeats; rep++) {
            long t0 = System.nanoTime();
            long c0 = os.getProcessCpuTime();
            MonteCarloResult mc = run.apply(1 + rep);
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - c0) / 1e9; // all threads, JIT compiler threads included
            if (rep == 0) {
                first = mc;
                firstWall = wall;
                firstCpu = cpu;
            } else {
                bestWall = Math.min(bestWall, wall);
                bestCpu = Math.min(bestCpu, cpu);
            }
        }
        String n = width >= d ? Integer.toString(d) : Integer.toString(width);
        System.out.printf(Locale.ROOT, "java %s %s D=%d N=%s P=%s L=%d trials=%d: loss %.6f se %.6f first wall %.4f s"
                + " cpu %.4f s; best wall %.4f s best cpu %.4f s%n", System.getProperty("java.version"),
                setting.cliName(), d, setting == Setting.ISO ? Integer.toString(d) : n,
                Double.isInfinite(alpha) ? "inf" : Long.toString(Math.max(1, Math.round(alpha * d))), depth, trials,
                first.loss(), first.standardError(), firstWall, firstCpu, bestWall, bestCpu);
    }
}
