package org.iclscale.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.iclscale.core.Depth;
import org.iclscale.theory.IsoModel;

/**
 * The two JMH measurements in CPU time of the measuring thread instead of wall time: on a shared,
 * overloaded machine (these have 2 cores and often a load of 10+) wall-clock JMH scores mostly measure the
 * neighbours. Run: java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.iclscale.bench.CpuTimeCheck
 * (bench/run-jmh.sh writes target/cp.txt).
 */
public final class CpuTimeCheck {

    private CpuTimeCheck() {
    }

    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double sink = 0;
        for (double alpha : new double[] {0.5, 1, 2}) {
            for (double sigma : new double[] {0, 0.5}) {
                IsoModel m = new IsoModel(alpha, Depth.of(16), sigma);
                double g0 = 0.3 * m.stabilityEdge();
                double rate = 0;
                for (int round = 0; round < 4; round++) {
                    int n = 300_000;
                    long c0 = mx.getCurrentThreadCpuTime();
                    for (int i = 0; i < n; i++) {
                        sink += m.loss(g0 + i * 1e-9);
                    }
                    rate = n / ((mx.getCurrentThreadCpuTime() - c0) / 1e9);
                }
                System.out.printf(Locale.ROOT, "ISO loss, L = 16, alpha = %s, sigma = %s: %.3g evaluations per CPU-second%n",
                        alpha, sigma, rate);
            }
        }
        for (double alpha : new double[] {1, 2}) {
            for (double sigma : new double[] {0, 0.5}) {
                LandscapeBenchmark b = new LandscapeBenchmark();
                b.alpha = alpha;
                b.sigma = sigma;
                b.setup();
                double exact = Double.POSITIVE_INFINITY;
                double adaptive = Double.POSITIVE_INFINITY;
                for (int round = 0; round < 3; round++) {
                    long c0 = mx.getCurrentThreadCpuTime();
                    sink += b.exact()[0];
                    long c1 = mx.getCurrentThreadCpuTime();
                    sink += b.adaptive()[0];
                    long c2 = mx.getCurrentThreadCpuTime();
                    exact = Math.min(exact, (c1 - c0) / 1e6);
                    adaptive = Math.min(adaptive, (c2 - c1) / 1e6);
                }
                System.out.printf(Locale.ROOT, "landscape 2000 points, L = 64, alpha = %s, sigma = %s: exact %.1f ms, "
                        + "adaptive %.1f ms CPU (%.1fx)%n", alpha, sigma, exact, adaptive, adaptive / exact);
            }
        }
        if (sink == 42) {
            System.out.println();
        }
    }
}
