package org.iclscale.theory;

import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;
import org.iclscale.core.ComputationException;

/**
 * Global minimisation of a {@link GammaLandscape} over γ ∈ (0, γ_max]: a uniform grid brackets the global
 * minimum (the landscape may be very flat, e.g. noisy ISO, or have its minimum near the stability edge,
 * e.g. RRS at large depth), then the root of d𝓛/dγ is refined with Brent's solver (γ to ~1e-14
 * relative); a minimum at the end of the interval is refined with Brent's optimiser instead.
 */
public final class OptimumSearch {

    /** Grid points of the bracketing stage. */
    public static final int DEFAULT_GRID = 256;
    /** Absolute accuracy asked of the root finder, relative to γ_max. */
    public static final double RELATIVE_GAMMA_TOLERANCE = 1e-15;
    private static final int MAX_EVALUATIONS = 500;

    /**
     * Optimal γ (+∞ for an infimum approached as γ → ∞), its loss, and how it was found: evaluations of 𝓛 or
     * d𝓛/dγ, whether γ sits at the upper end of the searched range, that end, and the search in words.
     */
    public record Optimum(double gamma, double loss, int evaluations, boolean atUpperBound, double upperBound,
            String search) {

        /** The same optimum with another description of the search. */
        public Optimum describedAs(String text) {
            return new Optimum(gamma, loss, evaluations, atUpperBound, upperBound, text);
        }

        /** An infimum approached as γ → ∞ (no evaluation needed: its value is known). */
        public static Optimum infimum(double loss, String reason) {
            return new Optimum(Double.POSITIVE_INFINITY, loss, 0, false, Double.POSITIVE_INFINITY, reason);
        }

        /** True when γ = ∞ (an infimum, not attained). */
        public boolean infimum() {
            return gamma == Double.POSITIVE_INFINITY;
        }
    }

    private OptimumSearch() {
    }

    /** Minimises over (0, stabilityEdge]; the landscape must have a finite stability edge. */
    public static Optimum minimise(GammaLandscape landscape) {
        double edge = landscape.stabilityEdge();
        if (!Double.isFinite(edge)) {
            throw new IllegalArgumentException("infinite stability edge: give an explicit upper bound");
        }
        return minimise(landscape, edge, DEFAULT_GRID);
    }

    /** Minimises over (0, upper] with a bracketing grid of {@code grid} points. */
    public static Optimum minimise(GammaLandscape landscape, double upper, int grid) {
        int[] evaluations = {0};
        double best = Double.POSITIVE_INFINITY;
        int bestIndex = 0;
        double h = upper / grid;
        for (int i = 0; i <= grid; i++) {
            double value = landscape.loss(i * h);
            evaluations[0]++;
            if (value < best) {
                best = value;
                bestIndex = i;
            }
        }
        double lo = Math.max(0, (bestIndex - 1) * h);
        // at the end of the range look slightly beyond it: an optimum exactly at the edge (ISO, α = 1, L = 1)
        // is then a clean root of d𝓛/dγ instead of a boundary minimum
        double hi = (bestIndex + 1) * h;
        double dLo = landscape.lossDerivative(lo);
        double dHi = landscape.lossDerivative(hi);
        evaluations[0] += 2;
        double gamma;
        if (dLo < 0 && dHi > 0) {
            // d𝓛/dγ scaled by a power of two to O(1) at the bracket: exact (the root and every Brent step are unchanged)
            // and it keeps Hipparchus' bracketing test f(lo)·f(hi) < 0 from underflowing to 0 for tiny losses
            // (e.g. 1e-171 and 1e-167 at a steep spectrum), which it reports as "interval does not bracket a root"
            double scale = Math.scalb(1.0, -Math.getExponent(Math.max(-dLo, dHi)));
            try {
                BrentSolver solver = new BrentSolver(1e-15, RELATIVE_GAMMA_TOLERANCE * upper, 1e-300);
                gamma = solver.solve(MAX_EVALUATIONS, g -> {
                    evaluations[0]++;
                    return scale * landscape.lossDerivative(g);
                }, lo, hi);
            } catch (MathRuntimeException e) { // no convergence, or (rounding) no sign change left for the solver
                throw new ComputationException("Brent root of dLoss/dgamma",
                        "no root found in [" + lo + ", " + hi + "] within " + MAX_EVALUATIONS + " evaluations ("
                                + e.getMessage() + ")", e);
            }
        } else {
            BrentOptimizer optimizer = new BrentOptimizer(1e-12, 1e-14 * upper);
            try {
                UnivariatePointValuePair p = optimizer.optimize(new MaxEval(MAX_EVALUATIONS),
                        new UnivariateObjectiveFunction(g -> {
                            evaluations[0]++;
                            return landscape.loss(g);
                        }), GoalType.MINIMIZE, new SearchInterval(lo, hi, (lo + hi) / 2));
                gamma = p.getPoint();
            } catch (MathIllegalStateException e) {
                throw new ComputationException("Brent minimisation of the loss",
                        "no convergence in [" + lo + ", " + hi + "] after " + MAX_EVALUATIONS + " evaluations", e);
            }
        }
        gamma = Math.min(gamma, upper);
        double loss = landscape.loss(gamma);
        evaluations[0]++;
        if (best < loss) { // grid point better than the refinement (flat landscape, rounding)
            gamma = bestIndex * h;
            loss = best;
        }
        boolean atUpper = gamma >= upper * (1 - 1e-9);
        return new Optimum(gamma, loss, evaluations[0], atUpper, upper, "global grid (" + grid
                + " points up to the stability edge) + Brent");
    }

    /** A γ-interval [lo, hi]. */
    public record Interval(double lo, double hi) {
    }

    /** Relative tolerance on the excess loss within which {@link #flatInterval} counts a γ as equally good. */
    public static final double FLAT_TOLERANCE = 1e-10;

    /**
     * The γ-interval around the minimiser γ* on which the excess loss stays within {@value #FLAT_TOLERANCE}
     * (relative, plus 1e-300 absolute) of its minimum: where it is wide the minimiser is not determined by the
     * loss to that tolerance (a flat valley, issue 16 defect 3). Each end by bisection between γ* and the first
     * point of a doubling/halving walk where the excess rises beyond the tolerance (or the search range ends).
     */
    public static Interval flatInterval(GammaLandscape landscape, double gamma, double loss, double upper) {
        double s2 = landscape.noiseVariance();
        double limit = (loss - s2) * (1 + FLAT_TOLERANCE) + 1e-300;
        java.util.function.DoublePredicate flat = g -> landscape.loss(g) - s2 <= limit;
        // upper end
        double inside = gamma;
        double outside = gamma;
        double step = Math.max(gamma, 1e-12) * 1e-3;
        while (true) {
            double next = Math.min(upper, outside + step);
            if (!flat.test(next)) {
                outside = next;
                break;
            }
            inside = next;
            outside = next;
            if (next >= upper) {
                break;
            }
            step *= 2;
        }
        double hi = outside == inside ? inside : bisect(flat, inside, outside);
        // lower end
        inside = gamma;
        outside = gamma;
        step = Math.max(gamma, 1e-12) * 1e-3;
        while (true) {
            double next = Math.max(0, outside - step);
            if (!flat.test(next)) {
                outside = next;
                break;
            }
            inside = next;
            outside = next;
            if (next <= 0) {
                break;
            }
            step *= 2;
        }
        double lo = outside == inside ? inside : bisect(flat, inside, outside);
        return new Interval(Math.min(lo, hi), Math.max(lo, hi));
    }

    private static double bisect(java.util.function.DoublePredicate flat, double inside, double outside) {
        for (int k = 0; k < 60 && Math.abs(outside - inside) > 1e-15 * Math.abs(inside); k++) {
            double mid = 0.5 * (inside + outside);
            if (flat.test(mid)) {
                inside = mid;
            } else {
                outside = mid;
            }
        }
        return inside;
    }
}
