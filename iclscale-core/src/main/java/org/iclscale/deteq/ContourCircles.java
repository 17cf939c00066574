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

    /** Inner rows i per task of {@link #pairSums}: their accumulators and one k's outer columns stay in L1. */
    private static final int ROWS = 4;
    /**
     * Values of k per pass of all row blocks: the tile's outer columns, 2·TILE·2n doubles (≈ 0.6 MB at n = 148), are
     * regrouped once per tile (no D × n copy) and stay in L2 while every block passes over them.
     */
    private static final int TILE = 128;

    /**
     * For every inner node i and outer node j (rows of the n × D resolvent arrays): Σ_k a_k r_ik r'_jk and
     * Σ_k b_k r_ik r'_jk, handed to the sink (parallel over blocks of {@link #ROWS} rows i, in tiles of
     * {@link #TILE} values of k; the sink writes only rows i of its outputs). The outer resolvents are regrouped by k
     * (tile by tile), interleaved over j as (Re r'_0k, Im r'_0k, Re r'_1k, …) and turned as (−Im r'_0k, Re r'_0k, …),
     * so that lane 2j of
     * x·column + y·turned is Re(r_ik r'_jk) = xu − yv and lane 2j + 1 its imaginary part xv + yu: for each k and
     * row i the a- and b-weighted sums of all n pairs are one isomorphic loop over contiguous memory that C2
     * vectorises (the former k-innermost 2 × 2 register blocks ran scalar). These are the former products with
     * x·u − y·v written x·u + y·(−v) (exact), and every pair still sums in k order, so the result is bit for bit
     * that of the one-pair loop (ContourKernelsTest). The values of k go in pairs ({@link #accumulateTwo}).
     */
    static void pairSums(double[] inRe, double[] inIm, double[] outRe, double[] outIm, int n, double[] a, double[] b,
            PairSink sink) {
        int dim = a.length;
        double[][] column = new double[Math.min(TILE, dim)][2 * n];
        double[][] turned = new double[Math.min(TILE, dim)][2 * n];
        int blocks = (n + ROWS - 1) / ROWS;
        double[][][] num = new double[blocks][][];
        double[][][] den = new double[blocks][][];
        for (int block = 0; block < blocks; block++) {
            int rows = Math.min(ROWS, n - block * ROWS);
            num[block] = new double[rows][2 * n];
            den[block] = new double[rows][2 * n];
        }
        // k in tiles whose columns stay in L2 while every block of rows passes over them (in k order)
        for (int k0 = 0; k0 < dim; k0 += TILE) {
            int from = k0;
            int to = Math.min(dim, k0 + TILE);
            for (int j = 0; j < n; j++) {
                int c = j * dim;
                for (int k = from; k < to; k++) {
                    column[k - from][2 * j] = outRe[c + k];
                    column[k - from][2 * j + 1] = outIm[c + k];
                    turned[k - from][2 * j] = -outIm[c + k];
                    turned[k - from][2 * j + 1] = outRe[c + k];
                }
            }
            IntStream.range(0, blocks).parallel().forEach(block -> {
                int i0 = block * ROWS;
                double[][] nb = num[block];
                double[][] db = den[block];
                int k = from;
                for (; k + 1 < to; k += 2) {
                    double[] c0 = column[k - from];
                    double[] t0 = turned[k - from];
                    double[] c1 = column[k + 1 - from];
                    double[] t1 = turned[k + 1 - from];
                    for (int q = 0; q < nb.length; q++) {
                        int at = (i0 + q) * dim + k;
                        accumulateTwo(c0, t0, c1, t1, inRe[at], inIm[at], inRe[at + 1], inIm[at + 1], a[k], b[k],
                                a[k + 1], b[k + 1], nb[q], db[q]);
                    }
                }
                if (k < to) {
                    for (int q = 0; q < nb.length; q++) {
                        int at = (i0 + q) * dim + k;
                        accumulate(column[k - from], turned[k - from], inRe[at], inIm[at], a[k], b[k], nb[q], db[q]);
                    }
                }
            });
        }
        IntStream.range(0, blocks).parallel().forEach(block -> {
            int i0 = block * ROWS;
            for (int q = 0; q < num[block].length; q++) {
                double[] nq = num[block][q];
                double[] dq = den[block][q];
                for (int j = 0; j < n; j++) {
                    sink.at(i0 + q, j, nq[2 * j], nq[2 * j + 1], dq[2 * j], dq[2 * j + 1]);
                }
            }
        });
    }

    /**
     * {@link #accumulate} for k and k + 1 in one pass: each accumulator is loaded and stored once per two terms
     * (the loop is bound by its memory traffic, not its arithmetic). The two terms are added one after the other,
     * num + a₀p₀ + a₁p₁ = (num + a₀p₀) + a₁p₁ in Java's left-to-right order, so the sums keep their k order and their
     * bits. Not three or more k: that body exceeds C2's unrolling limit (LoopUnrollLimit = 60 nodes) and runs scalar,
     * about 3× slower (eighth pass, README).
     */
    private static void accumulateTwo(double[] column0, double[] turned0, double[] column1, double[] turned1,
            double x0, double y0, double x1, double y1, double a0, double b0, double a1, double b1,
            double[] num, double[] den) {
        for (int m = 0; m < num.length; m++) {
            double p0 = x0 * column0[m] + y0 * turned0[m];
            double p1 = x1 * column1[m] + y1 * turned1[m];
            num[m] = num[m] + a0 * p0 + a1 * p1;
            den[m] = den[m] + b0 * p0 + b1 * p1;
        }
    }

    /** num += ak·r_ik r'_·k, den += bk·r_ik r'_·k over all outer nodes (interleaved lanes), r_ik = x + iy. */
    private static void accumulate(double[] column, double[] turned, double x, double y, double ak, double bk,
            double[] num, double[] den) {
        for (int m = 0; m < num.length; m++) {
            double p = x * column[m] + y * turned[m];
            num[m] += ak * p;
            den[m] += bk * p;
        }
    }
}
