package org.iclscale.deteq;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.iclscale.core.ComputationException;
import org.iclscale.core.Depth;
import org.iclscale.spectrum.Spectrum;

/**
 * The noise-free reduced-Γ loss L(γ) = E Tr[Ω f(M)ᵀ Λ f(M)], M = QΣ̂, f(x) = (1 − γx/L)^L, at finite context
 * P and any width N, by the two-point deterministic equivalent of deteq-general.md:
 * <pre>
 *  (E1) z = κ(1 − qt)(a − t)/(1 − t)                      (see {@link Subordination})
 *  (E2) T(z,z') = E Tr[Ω(z+Σ̂Q)⁻¹Λ(z'+QΣ̂)⁻¹] ≃ ρρ'[W₂ + c_Q u V]
 *  (E3) L = (2πi)⁻² ∮∮ f(w) f(w') T(−w, −w') dw dw'
 * </pre>
 * with the symbols of deteq-general.md §1 (W₂ = ρ_Wρ_W' Σω_kλ_k r_k r'_k/(1 − P⁻¹Σλ_k²r_k r'_k), etc.).
 * For N ≥ D (a = 1) ρ = 1 and c_Q = 0: T reduces to the structured-Wishart two-point formula of notes §3.5,
 * (κκ'/(zz')) Σω_kλ_k r_k r'_k / (1 − P⁻¹ Σλ_k² r_k r'_k), which this class then uses directly.
 *
 * <p><b>Label noise</b> (deteq-noise.md). Averaged over the label noise, the noise part of the loss is exactly
 * the one-point functional (σ²/P) Tr[Λ φ(QΣ̂Q)], φ(x) = (1 − f(x))²/x (deteq-noise.md (N0): the sandwich
 * g(M) QΣ̂Q g(M)ᵀ collapses to φ(QΣ̂Q) because Q² = Q). With E Tr[ΛQ(z + Σ̂Q)⁻¹] ≃ D t/(1 − q t), κ(z) from
 * (E1) (deteq-noise.md (N1)), its equivalent is the single contour
 * <pre>
 *  (N2) noise ≃ −(σ² D/P) (2πi)⁻¹ ∮ φ(w) t/(1 − q t)|_{z = −w} dw
 * </pre>
 * on the inner circle. At N ≥ D (a = 1, z = κ(1 − qt)) the kernel D t/(1 − qt) is identically the
 * structured-Wishart (κ/z) Σ λ_k/(λ_k + κ) of notes §2.3 with Γ = γI; for Λ = I it is Result 1's noise integral.
 *
 * <p><b>Numerics</b> (deteq-general.md §3, with a tighter s). Two circles centred at s/2, s the top edge of the
 * equivalent spectrum of M ({@link Subordination#supportTop()}, ≤ the bound λ_max(1+√q)² that deteq-general.md
 * uses: the projection shrinks the spectrum, and a tight contour limits the growth of f), with
 * margins m and 2m beyond [0, s], m = 0.15 s/2^ℓ; the level ℓ is the first whose contour growth
 * max|f|·max|f'| is below {@link #MAX_GROWTH} (large L·γ needs tight contours), with n ≈ 34 R/m equispaced
 * nodes (trapezoidal rule, geometric convergence). κ is continued node by node from the real crossing
 * z = m &gt; 0 (explicit real branch) and the loop closure is asserted. The grid T_ij is built once per
 * level (two n×D×n complex products) and cached, so each further γ costs O(n²).
 */
public final class TwoPointContour {

    /** Largest accepted product of the filter maxima on the two contours (cancellation control). */
    public static final double MAX_GROWTH = 1e6;
    /** Deepest contour level (margin 0.15·s/2^level). */
    public static final int MAX_LEVEL = 3;
    /** Relative loop-closure tolerance of the continued κ. */
    public static final double CLOSURE_TOLERANCE = 1e-8;

    private final double[] lambda;
    private final double[] omega;
    private final double omegaSum;
    private final int dim;
    private final double context;
    private final Subordination sub;
    private final boolean fullWidth;
    private final double bound;
    private final Map<Integer, Grid> grids = new ConcurrentHashMap<>();

    /** Result of one loss evaluation with its diagnostics. */
    public record Evaluation(double loss, double imaginaryPart, int nodes, int level, SolveReport report) {
    }

    public TwoPointContour(Spectrum spectrum, double width, double context) {
        this.lambda = spectrum.lambda();
        this.omega = spectrum.omega();
        double s = 0;
        for (double o : omega) {
            s += o;
        }
        this.omegaSum = s;
        this.dim = lambda.length;
        this.context = context;
        this.sub = Subordination.of(lambda, width, context);
        this.fullWidth = sub.widthRatio() >= 1;
        this.bound = sub.supportTop();
    }

    public Subordination subordination() {
        return sub;
    }

    /** Top s of the deterministic-equivalent spectrum of M ({@link Subordination#supportTop()}). */
    public double spectralBound() {
        return bound;
    }

    // ---------------------------------------------------------------- contour nodes

    private static final class Nodes {
        int n;
        Cx[] w;
        Cx[] dw;
        Cx[] z;
        Cx[] kappa;
        Cx[] t;
        Cx[] k1;
        Cx[] rho;
        Cx[] rhoW;
        Cx[] m0;
        Cx[] o0;
        double[] rRe; // n × D
        double[] rIm;
        double[] wRe; // w and dw as primitive arrays for the warm path (integrate)
        double[] wIm;
        double[] dwRe;
        double[] dwIm;
        SolveReport report;
    }

    private Nodes nodes(double margin, int n) {
        Nodes nd = new Nodes();
        nd.n = n;
        nd.w = new Cx[n];
        nd.dw = new Cx[n];
        nd.z = new Cx[n];
        nd.kappa = new Cx[n];
        nd.t = new Cx[n];
        nd.k1 = new Cx[n];
        nd.rho = new Cx[n];
        nd.rhoW = new Cx[n];
        nd.m0 = new Cx[n];
        nd.o0 = new Cx[n];
        nd.rRe = new double[n * dim];
        nd.rIm = new double[n * dim];
        Subordination.Root root = sub.solveReal(margin);
        Subordination.Root first = root;
        int iterations = root.iterations();
        double worst = root.residual();
        double q = sub.q();
        double a = sub.widthRatio();
        for (int i = 0; i < n; i++) {
            ContourCircles.Node node = ContourCircles.node(bound, margin, n, i);
            Cx w = node.w();
            Cx z = w.negate();
            if (i > 0) {
                root = sub.continueTo(root, z);
                iterations += root.iterations();
                worst = Math.max(worst, root.residual());
            }
            Cx k = root.kappa();
            Cx t = root.t();
            nd.w[i] = w;
            nd.dw[i] = node.dw();
            nd.z[i] = z;
            nd.kappa[i] = k;
            nd.t[i] = t;
            Cx oneMinusQt = Cx.ONE.minus(t.times(q));
            nd.k1[i] = k.times(oneMinusQt);
            nd.rho[i] = fullWidth ? Cx.ONE : Cx.ONE.minus(t).divide(Cx.real(a).minus(t));
            nd.rhoW[i] = Cx.ONE.divide(oneMinusQt);
            ContourCircles.resolvents(lambda, k, nd.rRe, nd.rIm, i * dim);
            double m0r = 0;
            double m0i = 0;
            double o0r = 0;
            double o0i = 0;
            for (int j = 0; j < dim; j++) {
                double rr = nd.rRe[i * dim + j];
                double ri = nd.rIm[i * dim + j];
                m0r += rr;
                m0i += ri;
                o0r += omega[j] * rr;
                o0i += omega[j] * ri;
            }
            nd.m0[i] = new Cx(m0r / dim, m0i / dim);
            nd.o0[i] = new Cx(o0r, o0i);
        }
        nd.wRe = new double[n];
        nd.wIm = new double[n];
        nd.dwRe = new double[n];
        nd.dwIm = new double[n];
        for (int i = 0; i < n; i++) {
            nd.wRe[i] = nd.w[i].re();
            nd.wIm[i] = nd.w[i].im();
            nd.dwRe[i] = nd.dw[i].re();
            nd.dwIm[i] = nd.dw[i].im();
        }
        Subordination.Root back = ContourCircles.close(sub, root, first, "contour continuation", margin);
        nd.report = new SolveReport(sub.name(), iterations + back.iterations(), Math.max(worst, back.residual()),
                Subordination.TOLERANCE);
        return nd;
    }

    // ---------------------------------------------------------------- two-point grid

    private static final class Grid {
        Nodes inner;
        Nodes outer;
        double[] tRe; // n × n
        double[] tIm;
        int level;
        SolveReport report;
    }

    private Grid grid(int level) {
        return grids.computeIfAbsent(level, this::buildGrid);
    }

    private Grid buildGrid(int level) {
        double margin = ContourCircles.margin(bound, level);
        int n = ContourCircles.nodeCount(bound, margin, 34, 96); // (1 − m/R)^n ≈ e^{−34} ≈ 2e-15
        Grid g = new Grid();
        g.level = level;
        g.inner = nodes(margin, n);
        g.outer = nodes(2 * margin, n);
        g.report = g.inner.report.merge(g.outer.report);
        g.tRe = new double[n * n];
        g.tIm = new double[n * n];
        Nodes in = g.inner;
        Nodes out = g.outer;
        double invP = 1.0 / context;
        double[] wl = new double[dim];
        double[] l2 = new double[dim];
        for (int k = 0; k < dim; k++) {
            wl[k] = omega[k] * lambda[k];
            l2[k] = invP * lambda[k] * lambda[k];
        }
        ContourCircles.pairSums(in.rRe, in.rIm, out.rRe, out.rIm, n, wl, l2, (i, j, nr, ni, dr, di) -> {
            Cx w2 = in.rhoW[i].times(out.rhoW[j]).times(new Cx(nr, ni)).divide(new Cx(1 - dr, -di));
            Cx tij = fullWidth ? w2 : correction(in, out, i, j, w2);
            g.tRe[i * n + j] = tij.re();
            g.tIm[i * n + j] = tij.im();
        });
        return g;
    }

    /**
     * The built grid of contour {@code level} as copies {w, dw on the inner circle, w, dw on the outer circle, T}, each
     * a {re, im} pair of arrays (T row-major n × n, inner index first): what a further γ needs (for tests and the
     * vectorised NumPy comparison of bench/numpy_deteq.py, which evaluates (E3) from these arrays).
     */
    double[][] gridArrays(int level) {
        Grid g = grid(level);
        return new double[][] {g.inner.wRe.clone(), g.inner.wIm.clone(), g.inner.dwRe.clone(), g.inner.dwIm.clone(),
            g.outer.wRe.clone(), g.outer.wIm.clone(), g.outer.dwRe.clone(), g.outer.dwIm.clone(), g.tRe.clone(),
            g.tIm.clone()};
    }

    /** ρρ'[W₂ + c_Q u V] (deteq-general.md (E2)). */
    private Cx correction(Nodes in, Nodes out, int i, int j, Cx w2) {
        Cx delta = out.k1[j].minus(in.k1[i]);
        Cx u = in.rhoW[i].times(in.t[i]).minus(out.rhoW[j].times(out.t[j])).divide(delta);
        Cx mR2 = in.rhoW[i].times(in.m0[i]).minus(out.rhoW[j].times(out.m0[j])).divide(delta);
        Cx tauA = out.rhoW[j].times(out.m0[j]).minus(in.k1[i].times(mR2));
        Cx dz = out.z[j].minus(in.z[i]);
        Cx rr = in.rho[i].times(out.rho[j]);
        Cx cQ = in.rho[i].minus(out.rho[j]).divide(dz.times(rr).times(tauA));
        Cx oR2 = in.rhoW[i].times(in.o0[i]).minus(out.rhoW[j].times(out.o0[j])).divide(delta);
        Cx v = Cx.real(omegaSum).minus(in.kappa[i].times(in.o0[i])).minus(out.kappa[j].times(out.o0[j]))
                .plus(in.k1[i].times(out.k1[j]).times(oR2));
        return rr.times(w2.plus(cQ.times(u).times(v)));
    }

    // ---------------------------------------------------------------- losses

    /** Contour level whose filter growth stays below {@link #MAX_GROWTH}. */
    private int level(PolynomialFilter filter) {
        int level = ContourCircles.level(filter, bound);
        if (level >= 0) {
            return level;
        }
        throw new ComputationException("two-point contour (E3)", "filter (1 - gamma x/L)^L grows to "
                + String.format(java.util.Locale.ROOT, "%.3g", ContourCircles.growth(filter, bound, ContourCircles.margin(bound, MAX_LEVEL)))
                + " on the tightest contour (tolerance " + MAX_GROWTH + "): gamma = " + filter.gamma() + ", L = "
                + filter.depth() + " is too large for the contour method (cancellation); use a smaller gamma or depth");
    }

    /** Noise-free loss (E3) at step scale γ and depth L. */
    public Evaluation signal(double gamma, Depth depth) {
        PolynomialFilter filter = new PolynomialFilter(gamma, depth);
        Grid g = grid(level(filter));
        return integrate(g, filter, false);
    }

    /**
     * {@link #signal} at every γ of {@code gammas} (the same doubles and diagnostics):
     * the γ sharing a contour level are evaluated together, each T_ij read once for all of them
     * ({@link #bilinearBatch}); a sweep over γ on one built contour costs one pass over T per block of γ instead of
     * one per γ (issue 17 goal 2). A γ whose filter grows too much throws as {@link #signal} does (the first such γ, before
     * any other work); a non-finite result throws for the first γ of its level.
     */
    public Evaluation[] signals(double[] gammas, Depth depth) {
        int count = gammas.length;
        Evaluation[] out = new Evaluation[count];
        PolynomialFilter[] filters = new PolynomialFilter[count];
        int[] levels = new int[count];
        for (int k = 0; k < count; k++) {
            filters[k] = new PolynomialFilter(gammas[k], depth);
            levels[k] = level(filters[k]);
        }
        int[] members = new int[count];
        for (int level = 0; level <= MAX_LEVEL; level++) {
            int m = 0;
            for (int k = 0; k < count; k++) {
                if (levels[k] == level) {
                    members[m++] = k;
                }
            }
            if (m == 0) {
                continue;
            }
            Grid g = grid(level);
            for (int from = 0; from < m; from += BATCH) {
                int size = Math.min(BATCH, m - from);
                int n = g.inner.n;
                // a[i][c], b[j][c]: f·dw at node i (j) of the c-th γ of the block
                double[][] aRe = new double[n][size];
                double[][] aIm = new double[n][size];
                double[][] bRe = new double[n][size];
                double[][] bIm = new double[n][size];
                double[] re = new double[n];
                double[] im = new double[n];
                for (int c = 0; c < size; c++) {
                    PolynomialFilter f = filters[members[from + c]];
                    f.weighted(g.inner.wRe, g.inner.wIm, g.inner.dwRe, g.inner.dwIm, false, re, im);
                    for (int i = 0; i < n; i++) {
                        aRe[i][c] = re[i];
                        aIm[i][c] = im[i];
                    }
                    f.weighted(g.outer.wRe, g.outer.wIm, g.outer.dwRe, g.outer.dwIm, false, re, im);
                    for (int j = 0; j < n; j++) {
                        bRe[j][c] = re[j];
                        bIm[j][c] = im[j];
                    }
                }
                double[][] t = bilinearBatch(g.tRe, g.tIm, n, size, aRe, aIm, bRe, bIm);
                for (int c = 0; c < size; c++) {
                    int k = members[from + c];
                    out[k] = evaluation(g, filters[k], t[0][c], t[1][c]);
                }
            }
        }
        return out;
    }

    /** γ per block of {@link #signals}: the block's accumulators stay in the first-level cache. */
    static final int BATCH = 128;

    /**
     * Σ_ij a_i^(c) T_ij b_j^(c) for the {@code size} columns c of a[i][c], b[j][c], as {re[], im[]}: for each column
     * exactly the operations of {@link #bilinear} in its order (v_i summed over j, then Σ_i a_i v_i), the columns
     * side by side in the innermost loop, which the JIT vectorises (one row array per node, so every access of
     * that loop has the same index: with offsets into one flat array C2 of Java 17 did not vectorise it, 3× slower).
     */
    static double[][] bilinearBatch(double[] tRe, double[] tIm, int n, int size, double[][] aRe, double[][] aIm,
            double[][] bRe, double[][] bIm) {
        double[] sr = new double[size];
        double[] si = new double[size];
        double[] vr = new double[size];
        double[] vi = new double[size];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(vr, 0);
            java.util.Arrays.fill(vi, 0);
            int base = i * n;
            for (int j = 0; j < n; j++) {
                double tr = tRe[base + j];
                double ti = tIm[base + j];
                double[] br = bRe[j];
                double[] bi = bIm[j];
                for (int c = 0; c < size; c++) {
                    double x = br[c];
                    double y = bi[c];
                    vr[c] += tr * x - ti * y;
                    vi[c] += tr * y + ti * x;
                }
            }
            double[] ar = aRe[i];
            double[] ai = aIm[i];
            for (int c = 0; c < size; c++) {
                sr[c] += ar[c] * vr[c] - ai[c] * vi[c];
                si[c] += ar[c] * vi[c] + ai[c] * vr[c];
            }
        }
        return new double[][] {sr, si};
    }

    /** ∂/∂γ of the noise-free loss. */
    public double signalDerivative(double gamma, Depth depth) {
        PolynomialFilter filter = new PolynomialFilter(gamma, depth);
        Grid g = grid(level(filter));
        return integrate(g, filter, true).loss();
    }

    private Evaluation integrate(Grid g, PolynomialFilter filter, boolean derivative) {
        int n = g.inner.n;
        Nodes in = g.inner;
        Nodes out = g.outer;
        // f(w)·dw on both circles (and ∂f/∂γ·dw for the derivative), on primitive arrays
        double[] fiRe = new double[n];
        double[] fiIm = new double[n];
        double[] foRe = new double[n];
        double[] foIm = new double[n];
        filter.weighted(in.wRe, in.wIm, in.dwRe, in.dwIm, false, fiRe, fiIm);
        filter.weighted(out.wRe, out.wIm, out.dwRe, out.dwIm, false, foRe, foIm);
        double totalRe;
        double totalIm;
        if (derivative) {
            double[] dfiRe = new double[n];
            double[] dfiIm = new double[n];
            double[] dfoRe = new double[n];
            double[] dfoIm = new double[n];
            filter.weighted(in.wRe, in.wIm, in.dwRe, in.dwIm, true, dfiRe, dfiIm);
            filter.weighted(out.wRe, out.wIm, out.dwRe, out.dwIm, true, dfoRe, dfoIm);
            double[] first = bilinear(g, dfiRe, dfiIm, foRe, foIm);
            double[] second = bilinear(g, fiRe, fiIm, dfoRe, dfoIm);
            totalRe = first[0] + second[0];
            totalIm = first[1] + second[1];
        } else {
            double[] t = bilinear(g, fiRe, fiIm, foRe, foIm);
            totalRe = t[0];
            totalIm = t[1];
        }
        return evaluation(g, filter, totalRe, totalIm);
    }

    /** (E3) from the double sum Σ_ij f_i T_ij f'_j: its (2πi)⁻² factor, checked finite. */
    private static Evaluation evaluation(Grid g, PolynomialFilter filter, double totalRe, double totalIm) {
        // (2πi)² = −4π²
        double scale = -1.0 / (4 * Math.PI * Math.PI);
        double valueRe = totalRe * scale;
        double valueIm = totalIm * scale;
        if (!(Double.isFinite(valueRe) && Double.isFinite(valueIm))) {
            throw new ComputationException("two-point contour (E3)", "non-finite result at gamma = " + filter.gamma());
        }
        return new Evaluation(valueRe, valueIm, g.inner.n, g.level, g.report);
    }

    /**
     * Σ_ij a_i T_ij b_j (complex, primitive arrays), as {re, im}: v_i = Σ_j T_ij b_j summed over j in order, then
     * Σ_i a_i v_i in order. Four rows share each pass over j (their sums are independent dependency chains, so the
     * loop is no longer bound by the latency of one addition chain: issue 17 goal 2); every sum keeps its order of
     * operations, so the result is the same double as the row-by-row loop ({@code ContourKernelsTest}).
     */
    private static double[] bilinear(Grid g, double[] aRe, double[] aIm, double[] bRe, double[] bIm) {
        return bilinear(g.tRe, g.tIm, aRe, aIm, bRe, bIm);
    }

    /** {@link #bilinear(Grid, double[], double[], double[], double[])} on a row-major n × n matrix T. */
    static double[] bilinear(double[] tRe, double[] tIm, double[] aRe, double[] aIm, double[] bRe, double[] bIm) {
        int n = aRe.length;
        double sr = 0;
        double si = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double vr0 = 0;
            double vi0 = 0;
            double vr1 = 0;
            double vi1 = 0;
            double vr2 = 0;
            double vi2 = 0;
            double vr3 = 0;
            double vi3 = 0;
            int b0 = i * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            for (int j = 0; j < n; j++) {
                double br = bRe[j];
                double bi = bIm[j];
                double tr = tRe[b0 + j];
                double ti = tIm[b0 + j];
                vr0 += tr * br - ti * bi;
                vi0 += tr * bi + ti * br;
                tr = tRe[b1 + j];
                ti = tIm[b1 + j];
                vr1 += tr * br - ti * bi;
                vi1 += tr * bi + ti * br;
                tr = tRe[b2 + j];
                ti = tIm[b2 + j];
                vr2 += tr * br - ti * bi;
                vi2 += tr * bi + ti * br;
                tr = tRe[b3 + j];
                ti = tIm[b3 + j];
                vr3 += tr * br - ti * bi;
                vi3 += tr * bi + ti * br;
            }
            sr += aRe[i] * vr0 - aIm[i] * vi0;
            si += aRe[i] * vi0 + aIm[i] * vr0;
            sr += aRe[i + 1] * vr1 - aIm[i + 1] * vi1;
            si += aRe[i + 1] * vi1 + aIm[i + 1] * vr1;
            sr += aRe[i + 2] * vr2 - aIm[i + 2] * vi2;
            si += aRe[i + 2] * vi2 + aIm[i + 2] * vr2;
            sr += aRe[i + 3] * vr3 - aIm[i + 3] * vi3;
            si += aRe[i + 3] * vi3 + aIm[i + 3] * vr3;
        }
        for (; i < n; i++) {
            double vr = 0;
            double vi = 0;
            int base = i * n;
            for (int j = 0; j < n; j++) {
                double tr = tRe[base + j];
                double ti = tIm[base + j];
                vr += tr * bRe[j] - ti * bIm[j];
                vi += tr * bIm[j] + ti * bRe[j];
            }
            sr += aRe[i] * vr - aIm[i] * vi;
            si += aRe[i] * vi + aIm[i] * vr;
        }
        return new double[] {sr, si};
    }

    /**
     * The label-noise part (σ²/P) E Tr[Λ φ(QΣ̂Q)] of the loss, any width (deteq-noise.md (N2), one contour on
     * the inner circle; 0 for P = ∞).
     */
    public double noiseTerm(double gamma, Depth depth, double sigma) {
        return noise(gamma, depth, sigma, false);
    }

    /** ∂/∂γ of {@link #noiseTerm} (the same contour with ∂φ/∂γ = −2(1 − f) f_γ/w). */
    public double noiseTermDerivative(double gamma, Depth depth, double sigma) {
        return noise(gamma, depth, sigma, true);
    }

    private double noise(double gamma, Depth depth, double sigma, boolean derivative) {
        if (sigma == 0) {
            return 0;
        }
        PolynomialFilter filter = new PolynomialFilter(gamma, depth);
        Grid g = grid(level(filter));
        Nodes in = g.inner;
        double q = sub.q();
        // f(w_i) (and ∂f/∂γ) on primitive arrays (unit weights), then φ = (1 − f)²/w, ∂φ/∂γ = −2(1 − f)f_γ/w
        double[] one = new double[in.n];
        double[] zero = new double[in.n];
        java.util.Arrays.fill(one, 1.0);
        double[] fRe = new double[in.n];
        double[] fIm = new double[in.n];
        filter.weighted(in.wRe, in.wIm, one, zero, false, fRe, fIm);
        double[] dfRe = null;
        double[] dfIm = null;
        if (derivative) {
            dfRe = new double[in.n];
            dfIm = new double[in.n];
            filter.weighted(in.wRe, in.wIm, one, zero, true, dfRe, dfIm);
        }
        Cx sum = Cx.ZERO;
        for (int i = 0; i < in.n; i++) {
            // (N1): E Tr[ΛQ(z + Σ̂Q)⁻¹] ≃ D t/(1 − q t) (= (κ/z) D t when a = 1)
            Cx gz = in.t[i].times(dim).divide(Cx.ONE.minus(in.t[i].times(q)));
            Cx oneMinusF = Cx.ONE.minus(new Cx(fRe[i], fIm[i]));
            Cx ph = derivative
                    ? oneMinusF.times(new Cx(dfRe[i], dfIm[i])).times(-2).divide(in.w[i])
                    : oneMinusF.times(oneMinusF).divide(in.w[i]);
            sum = sum.plus(ph.times(gz).times(in.dw[i]));
        }
        // Qφ(Σ̂Q) = (2πi)⁻¹∮ φ(w) Q(w − Σ̂Q)⁻¹dw and (w − Σ̂Q)⁻¹ = −(z + Σ̂Q)⁻¹ at z = −w: hence −(2πi)⁻¹
        Cx value = sum.divide(new Cx(0, -2 * Math.PI));
        return sigma * sigma / context * value.re();
    }
}
