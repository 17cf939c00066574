package org.iclscale.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.iclscale.core.Depth;
import org.iclscale.deteq.TwoPointContour;
import org.iclscale.spectrum.Spectrum;

/**
 * The contours of {@code shape --nu 1.25 --beta 0.75 --compute 1e12 --exact} (issue 17 item 5, fourth pass): that
 * search builds ~49 contours at D = 256 (n = 148 nodes, N = 248…256, P = 44…46) and evaluates ~30,000 loss
 * derivatives on them (its flows' right-hand sides). "cold" builds the contour at N = 251, P = 45 and evaluates
 * one derivative at L = 12 (mean of 20, best of 3 rounds after one warm-up); "derivative" and "loss" are further γ on the built
 * contour (mean of 20,000 calls, best of 3). Process CPU time (the pair sums run in parallel). Public API only,
 * so {@code bench/before-after.sh 6f3856d main:org.iclscale.bench.ShapeContourCpuCheck 3} runs it on the former
 * and the current core classes alternately.
 */
public final class ShapeContourCpuCheck {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ShapeContourCpuCheck() {
    }

    public static void main(String[] args) {
        int dim = 256;
        Spectrum spectrum = Spectrum.powerLaw(1.25, 0.75, dim);
        Depth depth = Depth.of(12);
        double sink = 0;
        double cold = Double.POSITIVE_INFINITY;
        TwoPointContour built = null;
        for (int round = 0; round < 4; round++) {
            long c0 = OS.getProcessCpuTime();
            for (int i = 0; i < 20; i++) {
                built = new TwoPointContour(spectrum, 251, 45);
                sink += built.signalDerivative(1, depth);
            }
            double ms = (OS.getProcessCpuTime() - c0) / 1e6 / 20;
            if (round > 0) {
                cold = Math.min(cold, ms);
            }
        }
        double derivative = Double.POSITIVE_INFINITY;
        double loss = Double.POSITIVE_INFINITY;
        for (int round = 0; round < 4; round++) {
            long c0 = OS.getProcessCpuTime();
            for (int i = 0; i < 20000; i++) {
                sink += built.signalDerivative(0.5 + 1e-5 * i, depth);
            }
            long c1 = OS.getProcessCpuTime();
            for (int i = 0; i < 20000; i++) {
                sink += built.signal(0.5 + 1e-5 * i, depth).loss();
            }
            long c2 = OS.getProcessCpuTime();
            if (round > 0) {
                derivative = Math.min(derivative, (c1 - c0) / 1e3 / 20000);
                loss = Math.min(loss, (c2 - c1) / 1e3 / 20000);
            }
        }
        System.out.printf(Locale.ROOT, "shape contour D = %d, n = %d: cold build + derivative %.1f ms CPU, derivative %.1f us,"
                + " loss %.1f us CPU (sum %.17g)%n", dim, built.signal(1, depth).nodes(), cold, derivative, loss, sink);
    }
}
