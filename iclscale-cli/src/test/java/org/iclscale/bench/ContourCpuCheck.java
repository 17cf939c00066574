package org.iclscale.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.iclscale.core.Depth;
import org.iclscale.deteq.TwoPointContour;
import org.iclscale.spectrum.Spectrum;

/**
 * {@link ContourBenchmark} in process CPU time (all threads: the pair sums run in parallel), for paired
 * before/after runs on a shared machine (issue 17 item 5): {@code bench/before-after.sh revert:9504f79
 * main:org.iclscale.bench.ContourCpuCheck 3} runs it alternately on the former and the current core classes.
 * "cold" builds the contour of {@code risk --setting rrs --nu 1.25 --beta 0.75 --dim D --width D/8 --alpha 2
 * --depth 4} and evaluates γ = 3 (best of 6 after two warm-ups); "warm" is a further γ on the built contour
 * (mean of 4000 calls, best of 3; the process clock ticks in 10 ms). Public API only.
 */
public final class ContourCpuCheck {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ContourCpuCheck() {
    }

    public static void main(String[] args) {
        double sink = 0;
        for (int dim : new int[] {1600, 6400}) {
            Spectrum spectrum = Spectrum.powerLaw(1.25, 0.75, dim);
            double cold = Double.POSITIVE_INFINITY;
            TwoPointContour built = null;
            for (int round = 0; round < 8; round++) {
                long c0 = OS.getProcessCpuTime();
                built = new TwoPointContour(spectrum, dim / 8.0, 2.0 * dim);
                sink += built.signal(3, Depth.of(4)).loss();
                double ms = (OS.getProcessCpuTime() - c0) / 1e6;
                if (round > 1) { // process CPU time includes the JIT's threads: two rounds of warm-up
                    cold = Math.min(cold, ms);
                }
            }
            double warm = Double.POSITIVE_INFINITY;
            for (int round = 0; round < 4; round++) {
                long c0 = OS.getProcessCpuTime();
                for (int i = 0; i < 4000; i++) {
                    sink += built.signal(3 + 1e-4 * (i % 2), Depth.of(4)).loss();
                }
                double us = (OS.getProcessCpuTime() - c0) / 1e3 / 4000;
                if (round > 0) {
                    warm = Math.min(warm, us);
                }
            }
            System.out.printf(Locale.ROOT, "contour D = %d: cold %.0f ms CPU, warm %.1f us CPU%n", dim, cold, warm);
        }
        if (sink == 42) {
            System.out.println();
        }
    }
}
