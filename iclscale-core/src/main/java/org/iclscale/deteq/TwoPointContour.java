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
    /** The batched route's interpolated pieces per (L, σ), kept with the grids they sample ({@link LevelPieces}). */
    private final Map<PiecesKey, LevelPieces> pieces = new ConcurrentHashMap<>();

    /**
     * (L, σ) of {@link #pieces}: equal as a record of these components would be (== and {@link Double#compare}), but
     * written out; a record's equals and hashCode are bootstrapped through method handles on first use
     * (java.lang.runtime.ObjectMethods: ≈ 100 more methods for C1 to compile on a long sweep, issue 17 goal 2, as
     * the power law of org.iclscale.model).
     */
    static final class PiecesKey {
        final int steps;
        final double sigma;

        PiecesKey(int steps, double sigma) {
            this.steps = steps;
            this.sigma = sigma;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PiecesKey k && steps == k.steps && Double.compare(sigma, k.sigma) == 0;
        }

        @Override
        public int hashCode() {
            return 31 * steps + Double.hashCode(sigma);
        }
    }

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
        /** Column j of T, interleaved: (Re T_0j, Im T_0j, Re T_1j, Im T_1j, …). */
        double[][] column;
        /** Column j of iT: (−Im T_0j, Re T_0j, …), so that T_ij b_j = column·Re b_j + turned·Im b_j lane by lane. */
        double[][] turned;
        int level;
        SolveReport report;
    }

    private Grid grid(int level) {
        return grids.computeIfAbsent(level, this::buildGrid);
    }

    /**
     * The built grid of contour {@code level} as copies {w, dw on the inner circle, w, dw on the outer circle, T}, each
     * a {re, im} pair of arrays (T row-major n × n, inner index first): what a further γ needs (for tests and the
     * vectorised NumPy comparison of bench/numpy_deteq.py, which evaluates (E3) from these arrays).
     */
    double[][] gridArrays(int level) {
        Grid g = grid(level);
        int n = g.column.length;
        double[] tRe = new double[n * n];
        double[] tIm = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                tRe[i * n + j] = g.column[j][2 * i];
                tIm[i * n + j] = g.column[j][2 * i + 1];
            }
        }
        return new double[][] {g.inner.wRe.clone(), g.inner.wIm.clone(), g.inner.dwRe.clone(), g.inner.dwIm.clone(),
            g.outer.wRe.clone(), g.outer.wIm.clone(), g.outer.dwRe.clone(), g.outer.dwIm.clone(), tRe, tIm};
    }

    private Grid buildGrid(int level) {
        double margin = ContourCircles.margin(bound, level);
        int n = ContourCircles.nodeCount(bound, margin, 34, 96); // (1 − m/R)^n ≈ e^{−34} ≈ 2e-15
        Grid g = new Grid();
        g.level = level;
        g.inner = nodes(margin, n);
        g.outer = nodes(2 * margin, n);
        g.report = g.inner.report.merge(g.outer.report);
        g.column = new double[n][2 * n];
        g.turned = new double[n][2 * n];
        double invP = 1.0 / context;
        double[] wl = new double[dim];
        double[] l2 = new double[dim];
        for (int k = 0; k < dim; k++) {
            wl[k] = omega[k] * lambda[k];
            l2[k] = invP * lambda[k] * lambda[k];
        }
        Correction c = fullWidth ? null : new Correction(g.inner, g.outer, omegaSum);
        Nodes in = g.inner;
        Nodes out = g.outer;
        ContourCircles.pairSums(in.rRe, in.rIm, out.rRe, out.rIm, n, wl, l2, (i, j, nr, ni, dr, di) -> {
            // W₂ = ρ_Wρ'_W N/(1 − D), in the operation order of the former Cx expression
            // rhoW[i].times(rhoW'[j]).times(N).divide(1 − D)
            double hr = in.rhoW[i].re() * out.rhoW[j].re() - in.rhoW[i].im() * out.rhoW[j].im();
            double hi = in.rhoW[i].re() * out.rhoW[j].im() + in.rhoW[i].im() * out.rhoW[j].re();
            double pr = hr * nr - hi * ni;
            double pi = hr * ni + hi * nr;
            double w2r = Quotient.re(pr, pi, 1 - dr, -di);
            double w2i = Quotient.im(pr, pi, 1 - dr, -di);
            double[] col = g.column[j];
            if (c == null) {
                col[2 * i] = w2r;
                col[2 * i + 1] = w2i;
            } else {
                c.apply(i, j, w2r, w2i, col, 2 * i);
            }
            g.turned[j][2 * i] = -col[2 * i + 1];
            g.turned[j][2 * i + 1] = col[2 * i];
        });
        return g;
    }

    /**
     * ρρ'[W₂ + c_Q u V] (deteq-general.md (E2)) on primitive doubles: the factors that depend on one node only
     * (ρ_W t, ρ_W m₀, ρ_W o₀, Σω − κo₀, κ'o'₀) are formed once per node with the {@link Cx} operations of the
     * former per-pair expression, and the per-pair remainder repeats that expression's operations in its order
     * (complex quotients by Smith's algorithm as {@link Cx#divide}), so T_ij has the same bits
     * (TwoPointContourLegacyTest).
     */
    private static final class Correction {
        final double[] k1iRe, k1iIm, k1oRe, k1oIm; // κ(1 − qt) on the inner / outer circle
        final double[] aRe, aIm, bRe, bIm; // ρ_W t
        final double[] cRe, cIm, dRe, dIm; // ρ_W m₀
        final double[] eRe, eIm, fRe, fIm; // ρ_W o₀
        final double[] sRe, sIm; // Σω − κ o₀ (inner)
        final double[] hRe, hIm; // κ' o'₀ (outer)
        final double[] ziRe, ziIm, zoRe, zoIm; // z = −w
        final double[] riRe, riIm, roRe, roIm; // ρ

        Correction(Nodes in, Nodes out, double omegaSum) {
            int n = in.n;
            k1iRe = new double[n]; k1iIm = new double[n]; k1oRe = new double[n]; k1oIm = new double[n];
            aRe = new double[n]; aIm = new double[n]; bRe = new double[n]; bIm = new double[n];
            cRe = new double[n]; cIm = new double[n]; dRe = new double[n]; dIm = new double[n];
            eRe = new double[n]; eIm = new double[n]; fRe = new double[n]; fIm = new double[n];
            sRe = new double[n]; sIm = new double[n]; hRe = new double[n]; hIm = new double[n];
            ziRe = new double[n]; ziIm = new double[n]; zoRe = new double[n]; zoIm = new double[n];
            riRe = new double[n]; riIm = new double[n]; roRe = new double[n]; roIm = new double[n];
            for (int i = 0; i < n; i++) {
                set(k1iRe, k1iIm, i, in.k1[i]);
                set(k1oRe, k1oIm, i, out.k1[i]);
                set(aRe, aIm, i, in.rhoW[i].times(in.t[i]));
                set(bRe, bIm, i, out.rhoW[i].times(out.t[i]));
                set(cRe, cIm, i, in.rhoW[i].times(in.m0[i]));
                set(dRe, dIm, i, out.rhoW[i].times(out.m0[i]));
                set(eRe, eIm, i, in.rhoW[i].times(in.o0[i]));
                set(fRe, fIm, i, out.rhoW[i].times(out.o0[i]));
                set(sRe, sIm, i, Cx.real(omegaSum).minus(in.kappa[i].times(in.o0[i])));
                set(hRe, hIm, i, out.kappa[i].times(out.o0[i]));
                set(ziRe, ziIm, i, in.z[i]);
                set(zoRe, zoIm, i, out.z[i]);
                set(riRe, riIm, i, in.rho[i]);
                set(roRe, roIm, i, out.rho[i]);
            }
        }

        private static void set(double[] re, double[] im, int i, Cx v) {
            re[i] = v.re();
            im[i] = v.im();
        }

        /** T_ij = ρρ'[W₂ + c_Q u V] into out[o] (re) and out[o + 1] (im). */
        void apply(int i, int j, double w2r, double w2i, double[] out, int o) {
            // Δ = k1'_j − k1_i
            double deR = k1oRe[j] - k1iRe[i];
            double deI = k1oIm[j] - k1iIm[i];
            // u = (ρ_W t − ρ'_W t')/Δ
            double xr = aRe[i] - bRe[j];
            double xi = aIm[i] - bIm[j];
            double uR = Quotient.re(xr, xi, deR, deI);
            double uI = Quotient.im(xr, xi, deR, deI);
            // m_R2 = (ρ_W m₀ − ρ'_W m'₀)/Δ
            xr = cRe[i] - dRe[j];
            xi = cIm[i] - dIm[j];
            double mR = Quotient.re(xr, xi, deR, deI);
            double mI = Quotient.im(xr, xi, deR, deI);
            // τ_A = ρ'_W m'₀ − k1_i m_R2
            double taR = dRe[j] - (k1iRe[i] * mR - k1iIm[i] * mI);
            double taI = dIm[j] - (k1iRe[i] * mI + k1iIm[i] * mR);
            // dz = z'_j − z_i, ρρ'
            double dzR = zoRe[j] - ziRe[i];
            double dzI = zoIm[j] - ziIm[i];
            double rrR = riRe[i] * roRe[j] - riIm[i] * roIm[j];
            double rrI = riRe[i] * roIm[j] + riIm[i] * roRe[j];
            // c_Q = (ρ − ρ')/(dz·ρρ'·τ_A)
            double pR = dzR * rrR - dzI * rrI;
            double pI = dzR * rrI + dzI * rrR;
            double qR = pR * taR - pI * taI;
            double qI = pR * taI + pI * taR;
            xr = riRe[i] - roRe[j];
            xi = riIm[i] - roIm[j];
            double cqR = Quotient.re(xr, xi, qR, qI);
            double cqI = Quotient.im(xr, xi, qR, qI);
            // o_R2 = (ρ_W o₀ − ρ'_W o'₀)/Δ
            xr = eRe[i] - fRe[j];
            xi = eIm[i] - fIm[j];
            double oR = Quotient.re(xr, xi, deR, deI);
            double oI = Quotient.im(xr, xi, deR, deI);
            // V = (Σω − κo₀) − κ'o'₀ + k1 k1' o_R2
            double kkR = k1iRe[i] * k1oRe[j] - k1iIm[i] * k1oIm[j];
            double kkI = k1iRe[i] * k1oIm[j] + k1iIm[i] * k1oRe[j];
            double vR = (sRe[i] - hRe[j]) + (kkR * oR - kkI * oI);
            double vI = (sIm[i] - hIm[j]) + (kkR * oI + kkI * oR);
            // ρρ'(W₂ + c_Q u V)
            double cuR = cqR * uR - cqI * uI;
            double cuI = cqR * uI + cqI * uR;
            double yR = w2r + (cuR * vR - cuI * vI);
            double yI = w2i + (cuR * vI + cuI * vR);
            out[o] = rrR * yR - rrI * yI;
            out[o + 1] = rrR * yI + rrI * yR;
        }
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

    /** ∂/∂γ of the noise-free loss. */
    public double signalDerivative(double gamma, Depth depth) {
        PolynomialFilter filter = new PolynomialFilter(gamma, depth);
        Grid g = grid(level(filter));
        return integrate(g, filter, true).loss();
    }

    /**
     * The level {@link #signal} uses at (γ, L): the first whose filter growth is ≤ {@link #MAX_GROWTH}; −1 when
     * none is (then {@link #signal} throws).
     */
    int levelAt(double gamma, Depth depth) {
        return ContourCircles.level(new PolynomialFilter(gamma, depth), bound);
    }

    /**
     * The γ ≥ 0 at which the filter growth (|1 − cs/2| + c(s/2 + m))^L (|1 − cs/2| + c(s/2 + 2m))^L, c = γ/L, on the
     * circles of this level reaches {@link #MAX_GROWTH} (finite L; the growth rises monotonically with γ ≥ 0, so
     * the level is accepted for γ up to about this value). With G = MAX_GROWTH^{1/L}: for cs ≤ 2 the bases are
     * 1 + cm, 1 + 2cm and c = (√(1 + 8G) − 3)/(4m); beyond, (c(s + m) − 1)(c(s + 2m) − 1) = G.
     */
    double levelEnd(int level, Depth depth) {
        int l = depth.steps();
        double s = bound;
        double m = ContourCircles.margin(bound, level);
        double root = Math.pow(MAX_GROWTH, 1.0 / l);
        double c = (Math.sqrt(1 + 8 * root) - 3) / (4 * m);
        if (c * s > 2) {
            double a = (s + m) * (s + 2 * m);
            double b = 2 * s + 3 * m;
            c = (b + Math.sqrt(b * b - 4 * a * (1 - root))) / (2 * a);
        }
        return l * c;
    }

    /**
     * The noise-free loss (E3) and the label-noise term (N2) at a given level, whatever its growth (the loss on one
     * level is a polynomial of degree 2L in γ: {@link ContourInterpolation} samples it): {signal, ∂signal/∂γ,
     * noise, ∂noise/∂γ}.
     */
    double[] terms(int level, double gamma, Depth depth, double sigma) {
        PolynomialFilter filter = new PolynomialFilter(gamma, depth);
        Grid g = grid(level);
        return new double[] {integrate(g, filter, false).loss(), integrate(g, filter, true).loss(),
            noise(g, filter, sigma, false), noise(g, filter, sigma, true)};
    }

    /**
     * The noise-free loss (E3) with its imaginary residue and the label-noise term (N2) at γ on a given level,
     * whatever its growth, with the operations of {@link #signal} and {@link #noiseTerm} on that level (so at a γ
     * whose own level it is, the same doubles): the samples of {@link BatchedContourLosses}.
     */
    LevelSample sample(int level, double gamma, Depth depth, double sigma) {
        PolynomialFilter filter = new PolynomialFilter(gamma, depth);
        Grid g = grid(level);
        return new LevelSample(integrate(g, filter, false), noise(g, filter, sigma, false));
    }

    /** The dyadic level pieces of the landscape (finite L, σ) on this contour, built on first use and kept. */
    LevelPieces pieces(Depth depth, double sigma) {
        return pieces.computeIfAbsent(new PiecesKey(depth.steps(), sigma), k -> new LevelPieces(this, depth, sigma));
    }

    /** {@link #sample}: the signal's evaluation and the noise term at one γ on one level. */
    record LevelSample(Evaluation signal, double noise) {
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
        double[] v = new double[2 * n]; // T b interleaved
        if (derivative) {
            double[] dfiRe = new double[n];
            double[] dfiIm = new double[n];
            double[] dfoRe = new double[n];
            double[] dfoIm = new double[n];
            filter.weighted(in.wRe, in.wIm, in.dwRe, in.dwIm, true, dfiRe, dfiIm);
            filter.weighted(out.wRe, out.wIm, out.dwRe, out.dwIm, true, dfoRe, dfoIm);
            // ∂_γ(f T f') = f_γ T f' + f T f'_γ: T f' and T f'_γ in one pass over T
            double[] v2 = new double[2 * n];
            applyTwice(g, foRe, foIm, v, dfoRe, dfoIm, v2);
            double[] first = dot(dfiRe, dfiIm, v);
            double[] second = dot(fiRe, fiIm, v2);
            totalRe = first[0] + second[0];
            totalIm = first[1] + second[1];
        } else {
            apply(g, foRe, foIm, v);
            double[] t = dot(fiRe, fiIm, v);
            totalRe = t[0];
            totalIm = t[1];
        }
        // (2πi)² = −4π²
        double scale = -1.0 / (4 * Math.PI * Math.PI);
        double valueRe = totalRe * scale;
        double valueIm = totalIm * scale;
        if (!(Double.isFinite(valueRe) && Double.isFinite(valueIm))) {
            throw new ComputationException("two-point contour (E3)", "non-finite result at gamma = " + filter.gamma());
        }
        return new Evaluation(valueRe, valueIm, n, g.level, g.report);
    }

    /*
     * The bilinear forms Σ_ij a_i T_ij b_j as Σ_i a_i (T b)_i, T b accumulated column by column on the interleaved
     * columns: lane 2i adds Re T_ij·Re b_j + (−Im T_ij)·Im b_j, lane 2i + 1 adds Im T_ij·Re b_j + Re T_ij·Im b_j, one
     * isomorphic axpy over contiguous memory that C2 vectorises (the former row loop's two reductions ran
     * scalar). These are the former products and sums with x − y written x + (−y) and the imaginary part's terms
     * swapped (both exact in IEEE arithmetic), and every (T b)_i sums in j order, so the forms have the same bits
     * (TwoPointContourLegacyTest).
     */

    /** v += T b (complex, v interleaved and starting at 0). */
    private static void apply(Grid g, double[] bRe, double[] bIm, double[] v) {
        for (int j = 0; j < bRe.length; j++) {
            axpy(g.column[j], g.turned[j], bRe[j], bIm[j], v);
        }
    }

    private static void axpy(double[] column, double[] turned, double br, double bi, double[] v) {
        for (int m = 0; m < v.length; m++) {
            v[m] += column[m] * br + turned[m] * bi;
        }
    }

    /** v += T b and v2 += T c in one pass over T (the derivative's two forms). */
    private static void applyTwice(Grid g, double[] bRe, double[] bIm, double[] v, double[] cRe, double[] cIm,
            double[] v2) {
        for (int j = 0; j < bRe.length; j++) {
            axpyTwice(g.column[j], g.turned[j], bRe[j], bIm[j], v, cRe[j], cIm[j], v2);
        }
    }

    private static void axpyTwice(double[] column, double[] turned, double br, double bi, double[] v, double cr,
            double ci, double[] v2) {
        for (int m = 0; m < v.length; m++) {
            double t = column[m];
            double u = turned[m];
            v[m] += t * br + u * bi;
            v2[m] += t * cr + u * ci;
        }
    }

    /** Σ_i a_i v_i (complex, in i order; v interleaved), as {re, im}. */
    private static double[] dot(double[] aRe, double[] aIm, double[] v) {
        double sr = 0;
        double si = 0;
        for (int i = 0; i < aRe.length; i++) {
            double vr = v[2 * i];
            double vi = v[2 * i + 1];
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
        return noise(grid(level(filter)), filter, sigma, derivative);
    }

    private double noise(Grid g, PolynomialFilter filter, double sigma, boolean derivative) {
        if (sigma == 0) {
            return 0;
        }
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
