package org.iclscale.scaling;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;

/**
 * The regime diagram over the (ν, β) plane (issue 15): at every grid point, which loss terms saturate (the learned
 * head dominates the tail sum, {@link TailSum#saturated}) and where the paper's stated exponent differs from the
 * derived one; between grid points the boundaries are located by bisection in β at each grid ν: where a term
 * starts to saturate, where the paper's exponent starts (or stops) being wrong, and where it crosses the derived
 * one (the paper's FS time exponent is right only on a curve). Numeric only (no Symja).
 */
public final class RegimeMap {

    /** Bisection steps of a boundary (interval shrinks by 2^-50). */
    static final int BISECTIONS = 50;

    /** One grid point. */
    public record Point(double nu, double beta, Set<Term> saturated, Set<Term> paperDiffers) {
        public Point {
            saturated = Set.copyOf(saturated);
            paperDiffers = Set.copyOf(paperDiffers);
        }

        /** "saturated: width, context; paper wrong: width, fsTime" (the point's category in the diagram). */
        public String category() {
            return "saturated: " + names(saturated) + "; paper wrong: " + names(paperDiffers);
        }
    }

    /** What changes across a boundary. */
    public enum Kind {
        /** the term starts or stops saturating */
        SATURATION,
        /** the paper's exponent starts or stops differing from the derived one */
        PAPER_DIFFERS,
        /** the paper's exponent crosses the derived one (equal there, wrong on both sides) */
        PAPER_CROSSES
    }

    /** A boundary point of {@code term}: at ν the property changes at β. */
    public record Boundary(Term term, Kind kind, double nu, double beta) {
    }

    private final List<Point> points;
    private final List<Boundary> boundaries;

    private RegimeMap(List<Point> points, List<Boundary> boundaries) {
        this.points = List.copyOf(points);
        this.boundaries = List.copyOf(boundaries);
    }

    public List<Point> points() {
        return points;
    }

    public List<Boundary> boundaries() {
        return boundaries;
    }

    /** Evaluates the grid (every ν with every β) and locates the boundaries between neighbouring β. */
    public static RegimeMap of(double[] nus, double[] betas) {
        List<Point> points = new ArrayList<>();
        List<Boundary> boundaries = new ArrayList<>();
        double[] sorted = betas.clone();
        java.util.Arrays.sort(sorted);
        for (double nu : nus) {
            for (double beta : betas) {
                ExponentTable t = new ExponentTable(nu, beta);
                Set<Term> sat = EnumSet.noneOf(Term.class);
                Set<Term> wrong = EnumSet.noneOf(Term.class);
                for (Term term : Term.values()) {
                    if (t.saturated(term)) {
                        sat.add(term);
                    }
                    if (differs(t, term)) {
                        wrong.add(term);
                    }
                }
                points.add(new Point(nu, beta, sat, wrong));
            }
            for (Term term : Term.values()) {
                TailSum ts = new ExponentTable(nu, sorted[0]).tailSum(term); // the tail sum's rule, any (nu, beta)
                DoublePredicate saturated = b -> ts.saturated(nu, b);
                DoublePredicate wrong = b -> differs(new ExponentTable(nu, b), term);
                DoubleUnaryOperator gap = b -> ts.paperExponent(nu, b) - ts.exponent(nu, b);
                int n = sorted.length;
                boolean[] w = new boolean[n];
                for (int i = 0; i < n; i++) {
                    w[i] = wrong.test(sorted[i]);
                }
                for (int i = 0; i + 1 < n; i++) {
                    double lo = sorted[i];
                    double hi = sorted[i + 1];
                    if (saturated.test(lo) != saturated.test(hi)) {
                        boundaries.add(new Boundary(term, Kind.SATURATION, nu, bisect(saturated, lo, hi)));
                    }
                    if (w[i] && w[i + 1] && Math.signum(gap.applyAsDouble(lo)) * Math.signum(gap.applyAsDouble(hi)) < 0) {
                        boundaries.add(new Boundary(term, Kind.PAPER_CROSSES, nu,
                                bisect(b -> gap.applyAsDouble(b) > 0 == gap.applyAsDouble(hi) > 0, lo, hi)));
                    } else if (w[i] != w[i + 1]) {
                        int right = w[i] ? i + 1 : i; // the grid point where the paper is right
                        boolean isolated = (right == 0 || w[right - 1]) && (right == n - 1 || w[right + 1]);
                        if (isolated) {
                            // a grid point on a crossing curve: reported once, at that point
                            if (right == i + 1) {
                                boundaries.add(new Boundary(term, Kind.PAPER_CROSSES, nu, sorted[right]));
                            }
                        } else {
                            boundaries.add(new Boundary(term, Kind.PAPER_DIFFERS, nu, bisect(wrong, lo, hi)));
                        }
                    }
                }
            }
        }
        return new RegimeMap(points, boundaries);
    }

    /** Whether the paper's exponent differs from the derived one (relative 1e-12, as the exponent table). */
    static boolean differs(ExponentTable t, Term term) {
        double value = t.exponent(term);
        return Math.abs(t.paperExponent(term) - value) > 1e-12 * Math.max(1, value);
    }

    /** The β in [lo, hi] where {@code p} changes (p(lo) != p(hi)). */
    static double bisect(DoublePredicate p, double lo, double hi) {
        boolean atLo = p.test(lo);
        for (int k = 0; k < BISECTIONS; k++) {
            double mid = 0.5 * (lo + hi);
            if (p.test(mid) == atLo) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    static String names(Set<Term> terms) {
        if (terms.isEmpty()) {
            return "none";
        }
        List<String> out = new ArrayList<>();
        for (Term t : Term.values()) {
            if (terms.contains(t)) {
                out.add(t.key());
            }
        }
        return String.join(", ", out);
    }
}
