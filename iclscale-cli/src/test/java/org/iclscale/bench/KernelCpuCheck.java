package org.iclscale.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.iclscale.core.Depth;
import org.iclscale.spectrum.PowerLawContinuum;
import org.iclscale.theory.IsoModel;
import org.iclscale.theory.LegacyIsoModel;
import org.iclscale.theory.SpectralSums;

/**
 * Issue 17 items 1 and 4, before and after side by side in CPU time of the measuring thread (on these shared
 * 2-core machines wall-clock scores mostly measure the neighbours): each pair of routes runs in alternating
 * rounds in one JVM and the best round of each is reported, with their ratio.
 * <ul>
 *   <li>ISO loss (paper Result 1) at L = 16 and 1024, α ∈ {0.5, 1, 2}, σ ∈ {0, 0.5}: {@link IsoModel} (S_L by
 *       binary doubling on cached primitive nodes) against {@link LegacyIsoModel} (the route it replaced), each
 *       behind the same {@link DoubleUnaryOperator} call site, so the former route sees the megamorphic per-node
 *       lambda it had in the CLI; a different γ every call.</li>
 *   <li>the RRS continuum gradient sum Σ p_kλ_k e^{−2γλ_k} (γ = 300) with the cached head/tail of
 *       {@link PowerLawContinuum} against {@link ModeSumBenchmark#formerSum}, and the one-point-density kernel
 *       Σ w_j(1 − γs_j/L)^{2L} on 6 000 points by {@link SpectralSums#powerSum} against Math.pow.</li>
 * </ul>
 * Run: {@code java -cp iclscale-cli/target/test-classes:iclscale-cli/target/classes:$(cat iclscale-cli/target/cp.txt)
 * org.iclscale.bench.KernelCpuCheck} (bench/run-jmh.sh writes cp.txt; bench/kernels.sh does both).
 */
public final class KernelCpuCheck {

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static double sink;

    private KernelCpuCheck() {
    }

    public static void main(String[] args) {
        System.out.println("ISO loss evaluations per CPU-second (best of 4 alternating rounds)");
        for (int depth : new int[] {16, 1024}) {
            for (double alpha : new double[] {0.5, 1, 2}) {
                for (double sigma : new double[] {0, 0.5}) {
                    IsoModel kernel = new IsoModel(alpha, Depth.of(depth), sigma);
                    LegacyIsoModel former = new LegacyIsoModel(alpha, Depth.of(depth), sigma);
                    double g0 = 0.3 * kernel.stabilityEdge();
                    int n = depth == 16 ? 400_000 : 4_000;
                    double[] best = pair(kernel::loss, former::loss, g0, 1e-9 * kernel.stabilityEdge(), n);
                    System.out.printf(Locale.ROOT, "  L = %4d, alpha = %-3s sigma = %-3s kernel %.3g /s, former %.3g /s (%.1fx)%n",
                            depth, alpha, sigma, best[0], best[1], best[0] / best[1]);
                }
            }
        }
        ModeSumBenchmark m = new ModeSumBenchmark();
        m.setup();
        double cached = Double.POSITIVE_INFINITY;
        double formerSum = Double.POSITIVE_INFINITY;
        double blocked = Double.POSITIVE_INFINITY;
        double pow = Double.POSITIVE_INFINITY;
        for (int round = 0; round < 4; round++) {
            cached = Math.min(cached, micros(m::continuumCached, 200));
            formerSum = Math.min(formerSum, micros(m::continuumFormer, 200));
            blocked = Math.min(blocked, micros(m::densityBlockedPowers, 2000));
            pow = Math.min(pow, micros(m::densityFormerPow, 2000));
        }
        System.out.printf(Locale.ROOT, "continuum gradient sum (gamma = 300, cutoff %d): cached %.1f us, former %.1f us (%.1fx)%n",
                m.cutoff, cached, formerSum, formerSum / cached);
        System.out.printf(Locale.ROOT, "density kernel, 6000 points, L = %d: blocked powers %.1f us, Math.pow %.1f us (%.1fx)%n",
                m.depth, blocked, pow, pow / blocked);
        if (sink == 42) {
            System.out.println();
        }
    }

    /** Best rates (evaluations per CPU-second) of two routes over alternating rounds. */
    private static double[] pair(DoubleUnaryOperator a, DoubleUnaryOperator b, double g0, double step, int n) {
        double[] best = new double[2];
        DoubleUnaryOperator[] routes = {a, b};
        for (int round = 0; round < 4; round++) {
            for (int r = 0; r < 2; r++) {
                long c0 = MX.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    sink += routes[r].applyAsDouble(g0 + i * step);
                }
                best[r] = Math.max(best[r], n / ((MX.getCurrentThreadCpuTime() - c0) / 1e9));
            }
        }
        return best;
    }

    /** CPU microseconds per call of {@code f}, over {@code n} calls. */
    private static double micros(java.util.function.DoubleSupplier f, int n) {
        long c0 = MX.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            sink += f.getAsDouble();
        }
        return (MX.getCurrentThreadCpuTime() - c0) / 1e3 / n;
    }
}
