package org.iclscale.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.iclscale.deteq.OnePointDensity;
import org.iclscale.deteq.StructuredLandscapes;
import org.iclscale.deteq.TwoPointContour;
import org.iclscale.model.Landscapes;
import org.iclscale.model.ModelSpec;
import org.iclscale.model.PowerLaw;
import org.iclscale.model.Regime;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.GammaLandscape;

/**
 * Issue 17 item 3 in process CPU time: the 50 γ of {@code sweep risk … --gamma 0.5:5.4:lin:50} in each
 * deterministic-equivalent regime, (a) as the sweep computed them before {@code model.SolverCache}, a solver
 * built for every point ({@link StructuredLandscapes} over a new {@link TwoPointContour} / {@link OnePointDensity}),
 * and (b) as now, through {@link Landscapes#of} (the first point builds, the other 49 find the built solver). The
 * two alternate in one JVM; round r uses D = 400 + r on both sides, so (b) starts each round with an empty cache
 * entry, like a new command. ν = 1.5, β = 0.8, L = 4, σ = 0; N = 100 and/or α = 0.5 as in {@link SweepCpuCheck}.
 * Prints the medians of the rounds after the first and checks that (a) and (b) give the same losses.
 */
public final class SolverCacheCpuCheck {

    // process CPU: the contour builds run their pair sums on the fork-join pool, which a thread clock would miss
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final int POINTS = 50;

    private SolverCacheCpuCheck() {
    }

    private static ModelSpec spec(Regime regime, int dim) {
        PowerLaw law = PowerLaw.of(1.5, 0.8, dim);
        return switch (regime) {
            case ONE_POINT_DENSITY -> ModelSpec.rrs(law).width(100).depth(4).build();
            case STRUCTURED_WISHART -> ModelSpec.rrs(law).alpha(0.5).depth(4).build();
            case TWO_POINT_CONTOUR -> ModelSpec.rrs(law).width(100).alpha(0.5).depth(4).build();
            default -> throw new IllegalArgumentException(regime.toString());
        };
    }

    /** The landscape of {@code spec} on a solver built for it alone (the route before the cache). */
    private static GammaLandscape uncached(Regime regime, ModelSpec spec) {
        Spectrum s = spec.finiteSpectrum().spectrum();
        double p = spec.contextLength();
        return switch (regime) {
            case ONE_POINT_DENSITY -> StructuredLandscapes.width(s, spec.width().count(), spec.depth(), spec.sigma());
            case STRUCTURED_WISHART -> StructuredLandscapes.context(spec.setting(),
                    new TwoPointContour(s, Double.POSITIVE_INFINITY, p), Double.POSITIVE_INFINITY, p, spec.depth(),
                    spec.sigma());
            case TWO_POINT_CONTOUR -> StructuredLandscapes.context(spec.setting(),
                    new TwoPointContour(s, spec.width().count(), p), spec.width().count(), p, spec.depth(), spec.sigma());
            default -> throw new IllegalArgumentException(regime.toString());
        };
    }

    private static double gamma(int i) {
        return 0.5 + (5.4 - 0.5) * i / (POINTS - 1);
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        for (Regime regime : new Regime[] {Regime.ONE_POINT_DENSITY, Regime.STRUCTURED_WISHART,
            Regime.TWO_POINT_CONTOUR}) {
            double[] before = new double[rounds];
            double[] after = new double[rounds];
            for (int r = 0; r <= rounds; r++) {
                ModelSpec spec = spec(regime, 400 + r);
                double[] a = new double[POINTS];
                double[] b = new double[POINTS];
                long t0 = OS.getProcessCpuTime();
                for (int i = 0; i < POINTS; i++) {
                    a[i] = uncached(regime, spec).loss(gamma(i));
                }
                long t1 = OS.getProcessCpuTime();
                for (int i = 0; i < POINTS; i++) {
                    b[i] = Landscapes.of(spec).loss(gamma(i));
                }
                long t2 = OS.getProcessCpuTime();
                for (int i = 0; i < POINTS; i++) {
                    if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(b[i])) {
                        throw new IllegalStateException(regime + ": cached and uncached losses differ at gamma = "
                                + gamma(i) + ": " + a[i] + " vs " + b[i]);
                    }
                }
                if (r > 0) {
                    before[r - 1] = (t1 - t0) / 1e9;
                    after[r - 1] = (t2 - t1) / 1e9;
                }
            }
            java.util.Arrays.sort(before);
            java.util.Arrays.sort(after);
            double mb = before[rounds / 2];
            double ma = after[rounds / 2];
            System.out.printf(Locale.ROOT, "%s, %d gamma: a solver per point %.3f CPU-s, cached %.4f CPU-s (%.0fx); "
                    + "losses bit-identical%n", regime, POINTS, mb, ma, mb / ma);
        }
    }
}
