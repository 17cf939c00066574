package org.iclscale.deteq;

import java.util.stream.IntStream;
import org.iclscale.core.ComputationException;

/**
 * The contour machinery shared by the two-point evaluations ({@link TwoPointContour}, {@link FsModeLandscape}),
 * deteq-general.md §3: circles centred at s/2 (s a bound on the equivalent spectrum) with margins m and 2m
 * beyond [0, s], m = 0.15 s/2^level; the level is the first whose filter growth max|f|·max|f| on the two
 * circles is at most {@link TwoPointContour#MAX_GROWTH} (in closed form: the maxima sit at the real crossings);
 * n equispaced trapezoidal nodes; the resolvents
 * r_k = 1/(λ_k + κ) per node; the loop-closure check of the continued κ; and the n×n pair sums
 * Σ_k a_k r_ik r'_jk, Σ_k b_k r_ik r'_jk of the structured-Wishart two-point formula.
 */
final class ContourCircles {

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

    /**
     * max|f| on the circle of centre s/2 and radius R = s/2 + m: |1 − cw| = |(1 − cs/2) − cR e^{iθ}| is largest
     * at the real crossing on the far side, |1 − cs/2| + cR, so max|f| = (|1 − cs/2| + cR)^L (L = ∞:
     * max e^{−γ Re w} = e^{−γ(s/2 − R)}). It replaced a scan of 64 samples, which contained both crossings.
     */
    private static double maxAbs(PolynomialFilter filter, double bound, double margin) {
        return filter.maxAbsOnCircle(bound / 2, bound / 2 + margin);
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
     * Σ_k b_k r_ik r'_jk, handed to the sink (parallel over pairs of rows i; the sink writes only rows i of its
     * outputs). Register-blocked 2 × 2 in (i, j): each loaded r_ik, r'_jk, a_k, b_k serves four pairs, with 16
     * independent accumulators; every pair still sums its products in k order with the same operations, so the
     * result is bit-for-bit that of the former one-pair loop (ContourRegressionTest pins it to 1e-12).
     */
    static void pairSums(double[] inRe, double[] inIm, double[] outRe, double[] outIm, int n, double[] a, double[] b,
            PairSink sink) {
        int dim = a.length;
        IntStream.range(0, (n + 1) / 2).parallel().forEach(ip -> {
            int i0 = 2 * ip;
            int i1 = Math.min(i0 + 1, n - 1); // an odd last row is computed twice and handed over once
            int b0 = i0 * dim;
            int b1 = i1 * dim;
            for (int j0 = 0; j0 < n; j0 += 2) {
                int j1 = Math.min(j0 + 1, n - 1);
                int c0 = j0 * dim;
                int c1 = j1 * dim;
                double n00r = 0, n00i = 0, d00r = 0, d00i = 0, n01r = 0, n01i = 0, d01r = 0, d01i = 0;
                double n10r = 0, n10i = 0, d10r = 0, d10i = 0, n11r = 0, n11i = 0, d11r = 0, d11i = 0;
                for (int k = 0; k < dim; k++) {
                    double x0 = inRe[b0 + k];
                    double y0 = inIm[b0 + k];
                    double x1 = inRe[b1 + k];
                    double y1 = inIm[b1 + k];
                    double u0 = outRe[c0 + k];
                    double v0 = outIm[c0 + k];
                    double u1 = outRe[c1 + k];
                    double v1 = outIm[c1 + k];
                    double ak = a[k];
                    double bk = b[k];
                    double pr = x0 * u0 - y0 * v0;
                    double pi = x0 * v0 + y0 * u0;
                    n00r += ak * pr;
                    n00i += ak * pi;
                    d00r += bk * pr;
                    d00i += bk * pi;
                    pr = x0 * u1 - y0 * v1;
                    pi = x0 * v1 + y0 * u1;
                    n01r += ak * pr;
                    n01i += ak * pi;
                    d01r += bk * pr;
                    d01i += bk * pi;
                    pr = x1 * u0 - y1 * v0;
                    pi = x1 * v0 + y1 * u0;
                    n10r += ak * pr;
                    n10i += ak * pi;
                    d10r += bk * pr;
                    d10i += bk * pi;
                    pr = x1 * u1 - y1 * v1;
                    pi = x1 * v1 + y1 * u1;
                    n11r += ak * pr;
                    n11i += ak * pi;
                    d11r += bk * pr;
                    d11i += bk * pi;
                }
                sink.at(i0, j0, n00r, n00i, d00r, d00i);
                if (j1 != j0) {
                    sink.at(i0, j1, n01r, n01i, d01r, d01i);
                }
                if (i1 != i0) {
                    sink.at(i1, j0, n10r, n10i, d10r, d10i);
                    if (j1 != j0) {
                        sink.at(i1, j1, n11r, n11i, d11r, d11i);
                    }
                }
            }
        });
    }
}
