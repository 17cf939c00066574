package org.iclscale.deteq;

import java.util.stream.IntStream;
import org.iclscale.core.ComputationException;

/**
 * The contour machinery shared by the two-point evaluations ({@link TwoPointContour}, {@link FsModeLandscape}),
 * deteq-general.md §3: circles centred at s/2 (s a bound on the equivalent spectrum) with margins m and 2m
 * beyond [0, s], m = 0.15 s/2^level; the level is the first whose filter growth max|f|·max|f| on the two
 * circles is at most {@link TwoPointContour#MAX_GROWTH}; n equispaced trapezoidal nodes; the resolvents
 * r_k = 1/(λ_k + κ) per node; the loop-closure check of the continued κ; and the n×n pair sums
 * Σ_k a_k r_ik r'_jk, Σ_k b_k r_ik r'_jk of the structured-Wishart two-point formula.
 */
final class ContourCircles {

    /** Points sampled on a circle to bound the filter there. */
    private static final int GROWTH_SAMPLES = 64;

    private ContourCircles() {
    }

    /** Margin m = 0.15 s/2^level of the inner circle (the outer one has 2m). */
    static double margin(double bound, int level) {
        return 0.15 * bound / (1 << level);
    }

    /** Trapezoidal nodes n = max(minimum, ⌈factor·R/m⌉), R = s/2 + m: the error decays like (1 − m/R)^n. */
    static int nodeCount(double bound, double margin, double factor, int minimum) {
        double radius = bound / 2 + margin;
        return (int) Math.max(minimum, Math.ceil(factor * radius / margin));
    }

    /** max|f|·max|f| over the circles of margins m and 2m. */
    static double growth(PolynomialFilter filter, double bound, double margin) {
        return maxAbs(filter, bound, margin) * maxAbs(filter, bound, 2 * margin);
    }

    /** First level ≤ {@link TwoPointContour#MAX_LEVEL} whose growth is ≤ {@link TwoPointContour#MAX_GROWTH}; −1 if none. */
    static int level(PolynomialFilter filter, double bound) {
        for (int level = 0; level <= TwoPointContour.MAX_LEVEL; level++) {
            if (growth(filter, bound, margin(bound, level)) <= TwoPointContour.MAX_GROWTH) {
                return level;
            }
        }
        return -1;
    }

    private static double maxAbs(PolynomialFilter filter, double bound, double margin) {
        double xc = bound / 2;
        double radius = bound / 2 + margin;
        double m = 0;
        for (int i = 0; i < GROWTH_SAMPLES; i++) {
            double th = 2 * Math.PI * i / GROWTH_SAMPLES;
            m = Math.max(m, filter.f(new Cx(xc + radius * Math.cos(th), radius * Math.sin(th))).abs());
        }
        return m;
    }

    /** Node i of n on the circle: w (the spectral variable; z = −w) and the trapezoidal weight dw. */
    record Node(Cx w, Cx dw) {
    }

    /** Node i of n, starting at the real crossing w = −m (θ = π) and running counter-clockwise. */
    static Node node(double bound, double margin, int n, int i) {
        double radius = bound / 2 + margin;
        double th = Math.PI + 2 * Math.PI * i / n;
        Cx e = new Cx(Math.cos(th), Math.sin(th));
        Cx w = new Cx(bound / 2, 0).plus(e.times(radius));
        Cx dw = new Cx(0, 1).times(e).times(radius * 2 * Math.PI / n);
        return new Node(w, dw);
    }

    /** r_k = 1/(λ_k + κ) into re/im at offset (row-major n × D storage). */
    static void resolvents(double[] lambda, Cx kappa, double[] re, double[] im, int offset) {
        for (int j = 0; j < lambda.length; j++) {
            double ar = lambda[j] + kappa.re();
            double den = ar * ar + kappa.im() * kappa.im();
            re[offset + j] = ar / den;
            im[offset + j] = -kappa.im() / den;
        }
    }

    /**
     * Continues κ from the last node back to the first and asserts the loop closes to
     * {@link TwoPointContour#CLOSURE_TOLERANCE} (a branch change on the contour otherwise).
     *
     * @return the continued root at the first node (its iterations and residual count in the solve report)
     */
    static Subordination.Root close(Subordination sub, Subordination.Root last, Subordination.Root first, String where,
            double margin) {
        Subordination.Root back = sub.continueTo(last, first.z());
        double closure = back.kappa().minus(first.kappa()).abs() / first.kappa().abs();
        if (!(closure < TwoPointContour.CLOSURE_TOLERANCE)) {
            throw new ComputationException(sub.name() + " (" + where + ")", "loop did not close: relative gap "
                    + closure + " > " + TwoPointContour.CLOSURE_TOLERANCE + " (branch change on the contour of margin "
                    + margin + ")");
        }
        return back;
    }

    /** Receives the pair sums of inner node i and outer node j. */
    @FunctionalInterface
    interface PairSink {
        void at(int i, int j, double aRe, double aIm, double bRe, double bIm);
    }

    /**
     * For every inner node i and outer node j (rows of the n × D resolvent arrays): Σ_k a_k r_ik r'_jk and
     * Σ_k b_k r_ik r'_jk, handed to the sink (parallel over i; the sink writes only row i of its outputs).
     */
    static void pairSums(double[] inRe, double[] inIm, double[] outRe, double[] outIm, int n, double[] a, double[] b,
            PairSink sink) {
        int dim = a.length;
        IntStream.range(0, n).parallel().forEach(i -> {
            int bi = i * dim;
            for (int j = 0; j < n; j++) {
                int bj = j * dim;
                double nr = 0;
                double ni = 0;
                double dr = 0;
                double di = 0;
                for (int k = 0; k < dim; k++) {
                    double ar = inRe[bi + k];
                    double ai = inIm[bi + k];
                    double br = outRe[bj + k];
                    double bim = outIm[bj + k];
                    double pr = ar * br - ai * bim;
                    double pi = ar * bim + ai * br;
                    nr += a[k] * pr;
                    ni += a[k] * pi;
                    dr += b[k] * pr;
                    di += b[k] * pi;
                }
                sink.at(i, j, nr, ni, dr, di);
            }
        });
    }
}
