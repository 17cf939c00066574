package org.iclscale.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.iclscale.core.Depth;
import org.iclscale.core.Extent;
import org.iclscale.core.Setting;
import org.iclscale.deteq.TwoPointContour;
import org.iclscale.model.ExplicitSpectrum;
import org.iclscale.model.Landscapes;
import org.iclscale.model.ModelSpec;
import org.iclscale.simulate.MonteCarloResult;
import org.iclscale.simulate.StructuredSimulator;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.OptimumSearch;

/**
 * Measures the finite-D offset of each deterministic equivalent against Monte Carlo of the defining in-context
 * GD ({@link StructuredSimulator}) by regime and D (issue 16 item 14; the table in README "Finite width N and
 * context P"): one-point density (P = ∞, N &lt; D), two-point structured Wishart (N = D, finite P), (E1)-(E3)
 * (N &lt; D, finite P, σ = 0), and (E1)-(E3) + (N2) with label noise (full loss, and the noise term alone with a zero
 * task). Each case at half the optimum and at the equivalent's optimum γ*; Monte Carlo in batches of 500 contexts until the
 * relative standard error is below 0.4 % or the context cap is reached. Output: a markdown table on stdout.
 * Run: java -cp iclscale-cli/target/test-classes:iclscale-cli/target/classes:$(cat iclscale-cli/target/cp.txt)
 * org.iclscale.bench.DeteqOffsetMeasurement [D ...] (bench/run-jmh.sh writes cp.txt; default D = 100 200 400).
 */
public final class DeteqOffsetMeasurement {

    private static final double TARGET_RELATIVE_SE = 0.004;

    private DeteqOffsetMeasurement() {
    }

    private record Case(String regime, double nu, double beta, double widthRatio, double alpha, int depth,
            double sigma, boolean noiseOnly) {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("scan")) {
            scan(args.length > 1 ? Integer.parseInt(args[1]) : 400);
            return;
        }
        int[] dims = args.length == 0 ? new int[] {100, 200, 400} : new int[args.length];
        for (int i = 0; i < args.length; i++) {
            dims[i] = Integer.parseInt(args[i]);
        }
        double inf = Double.POSITIVE_INFINITY;
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("one-point density", 1.25, 0.75, 0.125, inf, 4, 0, false));
        cases.add(new Case("one-point density", 1.25, 0.75, 0.25, inf, 4, 0, false));
        cases.add(new Case("one-point density", 2.0, 0.5, 0.125, inf, 4, 0, false));
        cases.add(new Case("two-point N = D", 1.25, 0.75, 1, 0.5, 4, 0.5, false));
        cases.add(new Case("two-point N = D", 1.25, 0.75, 1, 2, 4, 0.5, false));
        cases.add(new Case("(E1)-(E3)", 1.25, 0.75, 0.25, 0.5, 4, 0, false));
        cases.add(new Case("(E1)-(E3)", 1.25, 0.75, 0.25, 2, 4, 0, false));
        cases.add(new Case("(E1)-(E3) + (N2)", 1.25, 0.75, 0.25, 0.5, 4, 1, false));
        cases.add(new Case("(E1)-(E3) + (N2)", 1.25, 0.75, 0.25, 2, 4, 1, false));
        cases.add(new Case("(N2) noise term", 1.25, 0.75, 0.1, 0.5, 4, 1, true));
        cases.add(new Case("(N2) noise term", 1.25, 0.75, 0.25, 1, 4, 1, true));
        System.out.println("| regime | nu, beta | N/D | P/D | L | sigma | D | gamma | equivalent | Monte Carlo +- SE | contexts"
                + " | offset (z) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Case c : cases) {
            for (int d : dims) {
                measure(c, d);
            }
        }
    }

    /**
     * The finite-D optimum: Monte Carlo (2000 contexts, common seeds) at γ = 0.6 … 1.0 γ* for one case per
     * regime at dimension d, against the equivalent's minimum (argument "scan [D]").
     */
    private static void scan(int d) {
        double inf = Double.POSITIVE_INFINITY;
        Case[] cases = {
            new Case("one-point density", 1.25, 0.75, 0.125, inf, 4, 0, false),
            new Case("two-point N = D", 1.25, 0.75, 1, 0.5, 4, 0.5, false),
            new Case("(E1)-(E3)", 1.25, 0.75, 0.25, 0.5, 4, 0, false),
            new Case("(E1)-(E3) + (N2)", 1.25, 0.75, 0.25, 0.5, 4, 1, false),
        };
        System.out.println("| regime | N/D | P/D | L | sigma | D | equivalent gamma*, min excess | Monte Carlo excess at 0.6, 0.7, 0.8,"
                + " 0.9, 1.0 gamma* | Monte Carlo min excess (at) | min vs min |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (Case c : cases) {
            Spectrum s = Spectrum.powerLaw(c.nu(), c.beta(), d);
            int n = c.widthRatio() >= 1 ? Integer.MAX_VALUE : (int) Math.round(c.widthRatio() * d);
            GammaLandscape l = landscape(s, n, c.alpha(), Depth.of(c.depth()), c.sigma());
            OptimumSearch.Optimum o = OptimumSearch.minimise(l);
            double floor = c.sigma() * c.sigma();
            StringBuilder row = new StringBuilder();
            double best = Double.POSITIVE_INFINITY;
            double bestSe = 0;
            double at = 0;
            for (double f : new double[] {0.6, 0.7, 0.8, 0.9, 1.0}) {
                MonteCarloResult r = new StructuredSimulator(s, Setting.RRS, n, c.alpha(), c.depth(), f * o.gamma(),
                        c.sigma()).run(2000, 1);
                row.append(String.format(Locale.ROOT, "%s%.4f ± %.4f", row.length() == 0 ? "" : ", ", r.loss() - floor,
                        r.standardError()));
                if (r.loss() < best) {
                    best = r.loss();
                    bestSe = r.standardError();
                    at = f;
                }
            }
            System.out.println(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.1f | %d | %.3f, %.5f | %s | %.5f ± %.4f (%.1f γ*) | %+.1f %% |",
                    c.regime(), n == Integer.MAX_VALUE ? "1" : fmt(c.widthRatio()),
                    Double.isInfinite(c.alpha()) ? "inf" : fmt(c.alpha()), c.depth(), c.sigma(), d, o.gamma(),
                    o.loss() - floor, row, best - floor, bestSe, at, 100 * (o.loss() - best) / (best - floor)));
        }
    }

    /** The dispatcher's landscape of RRS at width N ({@link Integer#MAX_VALUE}: none), α, L, σ. */
    private static GammaLandscape landscape(Spectrum s, int n, double alpha, Depth depth, double sigma) {
        ModelSpec.Builder b = ModelSpec.rrs(ExplicitSpectrum.of(s)).alpha(Extent.ofNullable(alpha)).depth(depth)
                .sigma(sigma);
        if (n != Integer.MAX_VALUE) {
            b.width(n);
        }
        return Landscapes.of(b.build());
    }

    private static void measure(Case c, int d) {
        Spectrum s = Spectrum.powerLaw(c.nu(), c.beta(), d);
        int n = c.widthRatio() >= 1 ? Integer.MAX_VALUE : (int) Math.round(c.widthRatio() * d);
        Depth depth = Depth.of(c.depth());
        GammaLandscape l = landscape(s, n, c.alpha(), depth, c.sigma());
        double gammaStar = OptimumSearch.minimise(l).gamma();
        for (double gamma : new double[] {gammaStar / 2, gammaStar}) {
            double theory;
            Spectrum simulated = s;
            if (c.noiseOnly()) {
                theory = new TwoPointContour(s, n, Math.round(c.alpha() * d)).noiseTerm(gamma, depth, c.sigma());
                simulated = Spectrum.of(s.lambda(), new double[d], "zero task");
            } else {
                theory = l.loss(gamma);
            }
            StructuredSimulator sim = new StructuredSimulator(simulated, Setting.RRS, n, c.alpha(), c.depth(), gamma,
                    c.sigma());
            int cap = d >= 400 ? 3000 : 6000;
            if (c.noiseOnly()) {
                cap = d >= 400 ? 15000 : 20000;
            }
            Pooled pooled = new Pooled();
            long seed = 1;
            double offset = c.noiseOnly() ? c.sigma() * c.sigma() : 0;
            do {
                pooled.add(sim.run(500, seed++));
            } while (pooled.count < cap && pooled.standardError() > TARGET_RELATIVE_SE * Math.abs(pooled.mean - offset));
            double mc = pooled.mean - offset;
            double se = pooled.standardError();
            System.out.println(String.format(Locale.ROOT,
                    "| %s | %.2f, %.2f | %s | %s | %d | %.1f | %d | %.4g%s | %.5g | %.5g +- %.2g | %d | %+.2f %% (%+.1f) |",
                    c.regime(), c.nu(), c.beta(), n == Integer.MAX_VALUE ? "1" : n + "/" + d,
                    Double.isInfinite(c.alpha()) ? "inf" : fmt(c.alpha()), c.depth(), c.sigma(), d, gamma,
                    gamma == gammaStar ? " (γ*)" : " (γ*/2)", theory, mc, se, pooled.count,
                    100 * (theory - mc) / mc, (theory - mc) / se));
        }
    }

    private static String fmt(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }

    /** Pooled mean and standard error of independent batches. */
    private static final class Pooled {
        int count;
        double mean;
        double sumSquares; // Σ (x − mean)²

        void add(MonteCarloResult r) {
            int m = r.trials();
            double batchSs = r.standardError() * r.standardError() * m * (m - 1);
            int total = count + m;
            double delta = r.loss() - mean;
            sumSquares += batchSs + delta * delta * count * (double) m / total;
            mean += delta * m / total;
            count = total;
        }

        double standardError() {
            return Math.sqrt(sumSquares / (count - 1) / count);
        }
    }
}
