package org.iclscale.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.iclscale.core.Depth;
import org.iclscale.theory.IsoModel;
import org.iclscale.theory.LegacyIsoModel;

/**
 * Issue 17 item 2 (and issue 16 item 6) in CPU time of the measuring thread: the ISO loss at L = 2³¹ − 1 over a grid
 * of α ∈ {0.01, 0.5, 1, 1.0001, 2, 100}, σ ∈ {0, 0.5} and γ from 10⁻⁹ to 0.999999 of the stability edge (target:
 * every loss under 50 ms), and single shots of the kernel against the former route ({@link LegacyIsoModel}) at
 * the two cases that were slow: α = 1, σ = 0.5, L = 10⁸, γ = 0.9·edge (no convergence: all L nodes) and α = 2,
 * L = 10⁸, γ = 1.3 (risk --alpha 2 --depth 1e8 --gamma 1.3: 42 s). Run:
 * {@code java -cp iclscale-cli/target/test-classes:iclscale-cli/target/classes:$(cat iclscale-cli/target/cp.txt)
 * org.iclscale.bench.DeepIsoCheck [--former]} (bench/run-jmh.sh writes cp.txt; --former adds the slow former
 * single shots, ~10 s).
 */
public final class DeepIsoCheck {

    private DeepIsoCheck() {
    }

    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int l = Integer.MAX_VALUE;
        double[] times = new double[0];
        double sink = 0;
        for (int round = 0; round < 2; round++) { // the first round warms the JIT
            times = new double[0];
            for (double alpha : new double[] {0.01, 0.5, 1, 1.0001, 2, 100}) {
                for (double sigma : new double[] {0, 0.5}) {
                    IsoModel m = new IsoModel(alpha, Depth.of(l), sigma);
                    for (double frac : new double[] {1e-9, 1e-3, 0.5, 0.99, 0.999999}) {
                        long c0 = mx.getCurrentThreadCpuTime();
                        sink += m.loss(frac * m.stabilityEdge());
                        times = Arrays.copyOf(times, times.length + 1);
                        times[times.length - 1] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
                    }
                }
            }
        }
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "ISO loss at L = 2^31 - 1, %d points: median %.1f ms, max %.1f ms CPU%n",
                times.length, times[times.length / 2], times[times.length - 1]);
        single("alpha 2, L 1e8, gamma 1.3", 2, 100_000_000, 0, 1.3, args, mx);
        IsoModel one = new IsoModel(1, Depth.of(100_000_000), 0.5);
        single("alpha 1, sigma 0.5, L 1e8, gamma 0.9 edge", 1, 100_000_000, 0.5, 0.9 * one.stabilityEdge(), args, mx);
        if (sink == 42) {
            System.out.println();
        }
    }

    private static void single(String what, double alpha, int l, double sigma, double gamma, String[] args,
            ThreadMXBean mx) {
        IsoModel m = new IsoModel(alpha, Depth.of(l), sigma);
        m.loss(gamma); // warm
        long c0 = mx.getCurrentThreadCpuTime();
        double now = m.loss(gamma);
        double newMs = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
        String former = "";
        if (Arrays.asList(args).contains("--former")) {
            LegacyIsoModel old = new LegacyIsoModel(alpha, Depth.of(l), sigma);
            long c1 = mx.getCurrentThreadCpuTime();
            double before = old.loss(gamma);
            double oldMs = (mx.getCurrentThreadCpuTime() - c1) / 1e6;
            former = String.format(Locale.ROOT, ", former %.0f ms (%.0fx), relative difference %.1e", oldMs,
                    oldMs / newMs, Math.abs(now - before) / before);
        }
        System.out.printf(Locale.ROOT, "%s: loss %.12g in %.2f ms CPU%s%n", what, now, newMs, former);
    }
}
