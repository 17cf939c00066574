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
        if (hi > upper && !(Math.abs(dHi) < Double.POSITIVE_INFINITY)) {
            // beyond the edge d𝓛/dγ overflowed (+∞) or is undefined: the bracket ends at the edge itself (a Brent root
            // against +∞ crawls by its tolerance; ISO at L = 2³¹ − 2, α = 1 had an undefined value, issue 18)
            hi = upper;
            dHi = landscape.lossDerivative(hi);
            evaluations[0]++;
        }
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

    /** Doublings of the search range {@link #minimiseUntilRise} makes while the loss still falls at its end. */
    public static final int MAX_DOUBLINGS = 10;

    /**
     * Minimises over (0, upper] and, while the minimiser sits at the end of the range with the loss still falling
     * there (d𝓛/dγ &lt; 0), over the doubled range, at most {@value #MAX_DOUBLINGS} times (issue 16 defect 1: a
     * stability edge that is only an estimate, e.g. a deterministic equivalent's 2L/s₊ where finite-D draws are
     * stable beyond it, must not stop the search). Stops early where the landscape cannot be evaluated (a
     * {@link ComputationException} of its method). The result is {@code atUpperBound} only if the loss still falls
     * at the end of the last range searched ({@link #stillFalling}).
     */
    public static Optimum minimiseUntilRise(GammaLandscape landscape, double upper, int grid) {
        Optimum opt = minimise(landscape, upper, grid);
        int evaluations = opt.evaluations();
        double bound = upper;
        String stop = null;
        int doublings = 0;
        while (opt.atUpperBound() && stillFalling(landscape, bound)) {
            if (doublings == MAX_DOUBLINGS) {
                stop = "the loss still falls after " + MAX_DOUBLINGS + " doublings";
                break;
            }
            Optimum wider;
            try {
                wider = minimise(landscape, 2 * bound, grid);
            } catch (ComputationException e) {
                stop = "the method cannot evaluate the loss up to gamma = " + 2 * bound + ": " + e.getMessage();
                break;
            }
            evaluations += wider.evaluations();
            bound *= 2;
            doublings++;
            opt = wider;
        }
        boolean falling = opt.atUpperBound() && stillFalling(landscape, bound);
        String search = doublings == 0 ? "global grid (" + grid + " points up to the stability edge) + Brent"
                : "global grid (" + grid + " points up to gamma = " + bound + ": the stability edge " + upper
                        + " doubled " + doublings + " times until the loss rose) + Brent";
        if (stop != null) {
            search += "; search range ends at gamma = " + bound + " (" + stop + ")";
        }
        return new Optimum(opt.gamma(), opt.loss(), evaluations, falling, bound, search);
    }

    /** Minimises over (0, gammaMax] (a caller's bound); {@code atUpperBound} only if the loss still falls there. */
    public static Optimum minimiseBounded(GammaLandscape landscape, double gammaMax, int grid) {
        Optimum opt = minimise(landscape, gammaMax, grid);
        return new Optimum(opt.gamma(), opt.loss(), opt.evaluations(), opt.atUpperBound()
                && stillFalling(landscape, gammaMax), gammaMax, "global grid (" + grid + " points up to gammaMax = "
                + gammaMax + ") + Brent");
    }

    /** Refuses a search bound that is not a finite number &gt; 0 (parameter {@code gammaMax}). */
    public static void checkGammaMax(double gammaMax) {
        if (!(gammaMax > 0) || !Double.isFinite(gammaMax)) {
            throw new org.iclscale.core.InvalidInputException("gammaMax", gammaMax, "a finite number > 0");
        }
    }

    /** True when d𝓛/dγ &lt; 0 at γ (the loss still decreases there). */
    public static boolean stillFalling(GammaLandscape landscape, double gamma) {
        return landscape.lossDerivative(gamma) < 0;
    }

    /**
     * Derivative-free minimisation of a costly landscape that is smooth in γ (a Monte Carlo estimate with
     * common random numbers): {@code points} grid points on (0, upper], then golden-section search on the bracketing cell
     * to a relative γ-tolerance {@code relativeTolerance}; while the best grid point is the last one and the loss
     * there is still below its neighbour's, the range is doubled (at most {@value #MAX_DOUBLINGS} times, unless
     * {@code fixedRange}). {@code atUpperBound} when the minimiser is the end of the last range.
     */
    public static Optimum minimiseSampled(GammaLandscape landscape, double upper, int points, double relativeTolerance,
            boolean fixedRange) {
        int evaluations = 0;
        double bound = upper;
        double[] g;
        double[] v;
        int best;
        int doublings = 0;
        while (true) {
            g = new double[points + 1];
            v = new double[points + 1];
            best = 1;
            for (int i = 1; i <= points; i++) {
                g[i] = bound * i / points;
                v[i] = landscape.loss(g[i]);
                evaluations++;
                if (v[i] < v[best]) {
                    best = i;
                }
            }
            if (best < points || fixedRange || doublings == MAX_DOUBLINGS) {
                break;
            }
            bound *= 2;
            doublings++;
        }
        double lo = g[best - 1];
        double hi = best == points ? g[points] : g[best + 1];
        double phi = (Math.sqrt(5) - 1) / 2;
        double a = hi - phi * (hi - lo);
        double b = lo + phi * (hi - lo);
        double fa = landscape.loss(a);
        double fb = landscape.loss(b);
        evaluations += 2;
        while (hi - lo > relativeTolerance * Math.max(hi, 1e-300)) {
            if (fa <= fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - phi * (hi - lo);
                fa = landscape.loss(a);
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + phi * (hi - lo);
                fb = landscape.loss(b);
            }
            evaluations++;
        }
        double gamma = fa <= fb ? a : b;
        double loss = Math.min(fa, fb);
        if (v[best] <= loss) {
            gamma = g[best];
            loss = v[best];
        }
        boolean atUpper = gamma >= bound * (1 - relativeTolerance);
        return new Optimum(gamma, loss, evaluations, atUpper, bound, "grid (" + points + " points up to gamma = " + bound
                + (doublings > 0 ? ", the stability edge doubled " + doublings + " times until the loss rose" : "")
                + ") + golden section to " + relativeTolerance + " relative");
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
