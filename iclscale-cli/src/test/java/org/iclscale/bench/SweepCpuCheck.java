package org.iclscale.bench;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.iclscale.cli.Main;
import org.iclscale.model.Landscapes;
import org.iclscale.model.ModelSpec;
import org.iclscale.model.PowerLaw;
import org.iclscale.theory.GammaLandscape;

/**
 * Issue 17 goal 2 in process CPU time: the per-point cost of {@code sweep risk ... --gamma 0.5:5.4:lin:K} in each
 * deterministic-equivalent regime, (T(K2) − T(K1))/(K2 − K1) through the real command line in one JVM (one worker
 * thread, best of the rounds after a warm-up), beside the per-γ cost of the built landscape's own loss (the
 * kernel alone, the lower bound of a sweep point). {@code bench/sweep-vs-numpy.sh} runs it beside
 * {@code bench/numpy_deteq.py}. The regimes are those of {@code bench/numpy_deteq.py}: ν = 1.5, β = 0.8, D = 400,
 * L = 4; one-point density N = 100, α = ∞; structured Wishart α = 0.5, N = ∞; two-point contour N = 100, α = 0.5.
 */
public final class SweepCpuCheck {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final PrintWriter SINK = new PrintWriter(OutputStream.nullOutputStream());

    /** The three deteq regimes: name, the verb options, and the spec they give. */
    record Case(String name, List<String> options, ModelSpec spec) {
    }

    static List<Case> cases() {
        PowerLaw law = PowerLaw.of(1.5, 0.8, 400);
        List<String> common = List.of("--setting", "rrs", "--nu", "1.5", "--beta", "0.8", "--dim", "400", "--depth", "4");
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("one-point density", with(common, "--width", "100"),
                ModelSpec.rrs(law).width(100).depth(4).build()));
        cases.add(new Case("structured Wishart", with(common, "--alpha", "0.5"),
                ModelSpec.rrs(law).alpha(0.5).depth(4).build()));
        cases.add(new Case("two-point contour", with(common, "--width", "100", "--alpha", "0.5"),
                ModelSpec.rrs(law).width(100).alpha(0.5).depth(4).build()));
        return cases;
    }

    private static List<String> with(List<String> common, String... more) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(more));
        return all;
    }

    private SweepCpuCheck() {
    }

    /** Process CPU seconds of one {@code sweep --threads 1 risk OPTIONS --gamma 0.5:5.4:lin:K}. */
    static double sweepSeconds(Case c, int k) {
        List<String> argv = new ArrayList<>(List.of("sweep", "--threads", "1", "--progress", "never", "risk"));
        argv.addAll(c.options());
        argv.addAll(List.of("--gamma", "0.5:5.4:lin:" + k));
        long c0 = OS.getProcessCpuTime();
        int code = Main.execute(SINK, SINK, argv.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException("sweep failed: " + code);
        }
        return (OS.getProcessCpuTime() - c0) / 1e9;
    }

    public static void main(String[] args) {
        int k1 = 100;
        int k2 = args.length > 0 ? Integer.parseInt(args[0]) : 5100;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double sink = 0;
        for (Case c : cases()) {
            double best = Double.POSITIVE_INFINITY;
            for (int r = 0; r <= rounds; r++) {
                double t1 = sweepSeconds(c, k1);
                double t2 = sweepSeconds(c, k2);
                if (r > 0) {
                    best = Math.min(best, (t2 - t1) / (k2 - k1));
                }
            }
            GammaLandscape l = Landscapes.of(c.spec());
            double kernel = Double.POSITIVE_INFINITY;
            for (int r = 0; r <= rounds; r++) {
                long c0 = OS.getProcessCpuTime();
                for (int i = 0; i < k2; i++) {
                    sink += l.loss(0.5 + (5.4 - 0.5) * i / (k2 - 1));
                }
                if (r > 0) {
                    kernel = Math.min(kernel, (OS.getProcessCpuTime() - c0) / 1e9 / k2);
                }
            }
            System.out.printf(Locale.ROOT, "java %s: sweep %.1f us per point, landscape loss %.1f us per gamma%n",
                    c.name(), best * 1e6, kernel * 1e6);
        }
        if (sink == 42) {
            System.out.println();
        }
    }
}
