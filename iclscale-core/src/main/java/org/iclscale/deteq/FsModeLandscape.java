package org.iclscale.deteq;

import java.util.Locale;
import java.util.stream.IntStream;
import org.iclscale.core.ComputationException;
import org.iclscale.core.Depth;
import org.iclscale.core.Numbers;
import org.iclscale.core.Diagnostics;
import org.iclscale.core.InvalidInputException;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.LossEvaluation;
import org.iclscale.theory.ModeLandscape;

/**
 * The FS loss of the reduced model at finite context P = αD for a <b>diagonal</b> Γ = diag(γ_k) in the
 * eigenbasis of Σ = Λ (not in the paper, which treats FS only at α = ∞; derived for this project), with its
 * analytic gradient ∂𝓛/∂γ_k: the landscape of the per-mode gradient flow that online SGD follows in FS
 * (the mean update keeps Γ diagonal: the FS data are invariant under coordinate sign flips).
 *
 * <p><b>Reduction to the structured Wishart.</b> With G = Γ &gt; 0 diagonal, GΣ̂ = G^{1/2} S G^{−1/2},
 * S = G^{1/2}Σ̂G^{1/2}, so (I − GΣ̂/L)^L = G^{1/2} f(S) G^{−1/2} with f(x) = (1 − x/L)^L and
 * <pre>
 *   tr Ω[(I − GΣ̂/L)^L]ᵀ Λ (I − GΣ̂/L)^L = Tr (ΩG⁻¹) f(S) (GΛ) f(S),
 * </pre>
 * where S is the sample covariance of P draws of N(0, Λ'), Λ' = GΛ: exactly the N = D structured-Wishart
 * two-point expression of {@link TwoPointContour} at γ = 1 with spectrum λ'_k = γ_kλ_k and weights
 * ω'_k = ω_k/γ_k. Only the products ω'_kλ'_k = p_k = ω_kλ_k enter the equivalent
 * <pre>
 *   T(z,z') = (κκ'/(zz')) Σ_k p_k r_k r'_k / (1 − P⁻¹ Σ_k λ'_k² r_k r'_k),   r_k = 1/(λ'_k + κ(z)),
 *   z = κ(1 − P⁻¹ Σ_k λ'_k/(λ'_k + κ)),     𝓛_signal = (2πi)⁻² ∮∮ f(w) f(w') T(−w, −w') dw dw',
 * </pre>
 * so modes with γ_k = 0 (λ'_k = 0) are handled exactly, without dividing by γ_k. The label noise
 * (notes §2.3, e^L's noise part Σ_ℓ A^ℓ ΓXᵀσε/(LP)) is (σ²/P) E Tr Λ (I − A^L)Σ̂⁻¹(I − A^L)ᵀ
 * = (σ²/P) E Tr Λ' φ(S), φ(x) = (1 − f(x))²/x: the one-point noise term of {@link TwoPointContour} with Λ'.
 * For γ_k = γ for all k this is the FS landscape of {@link StructuredLandscapes} at γ (scale covariance).
 *
 * <p><b>Gradient</b> (analytic, at fixed contour nodes: the integral does not depend on the contour).
 * With E = 1 − P⁻¹Σλ'²r², ∂κ/∂λ'_k = P⁻¹κ²r_k²/E and ∂r_m/∂λ'_k = −r_m²(δ_mk + ∂κ/∂λ'_k), every term of
 * ∂T/∂λ'_k is either a per-node scalar times ∂κ/∂λ'_k or a bilinear form Σ_ij M_ij r_ik^a r'_jk^b; all are
 * obtained from six n×n×D complex products per evaluation. ∂𝓛/∂γ_k = λ_k ∂𝓛/∂λ'_k.
 *
 * <p><b>Numerics</b> as in {@link TwoPointContour}: circles centred at s/2 with s = λ'_max(1 + √(D/P))²
 * (a bound on spec S), margins m and 2m, m = 0.15 s/2^level with the first level whose filter growth
 * max|f|·max|f| ≤ {@link TwoPointContour#MAX_GROWTH}, n ≈ {@link #NODE_FACTOR}·R/m trapezoidal nodes, κ continued node by
 * node from the real crossing with the loop closure asserted. Near Γ = 0 (max γ_kλ_k ≤ {@link #LINEAR_REGIME})
 * the exact first-order expansion 𝓛 = σ² + Σp_k(1 − 2γ_kλ_k), ∂𝓛/∂γ_k = −2ω_kλ_k² (EΣ̂ = Λ) is used.
 *
 * <p>Stateless and thread-safe: the contour diagnostics of a value (nodes, level, |Im|) come back with it in its
 * {@link Evaluation}; {@link #method()} is a fixed description.
 */
public final class FsModeLandscape implements ModeLandscape {

    /**
     * Trapezoidal nodes per contour n = NODE_FACTOR·R/m: the error decays like (1 − m/R)^n ≈ e^{−24} ≈ 4e-11
     * (relative to the filter growth); {@link TwoPointContour} uses 34 for a single landscape, this cheaper
     * rule is checked against it to 1e-9 in the tests (each flow step needs one gradient evaluation).
     */
    public static final double NODE_FACTOR = 24;

    /**
     * Below this λ'_max = max γ_kλ_k the loss is taken to first order in Γ (error O(λ'²) ≤ 1e-12): the contour
     * sums of the gradient cancel terms of size 1/λ'_max, so their quadrature error (≈ 3e-12/λ'_max relative,
     * measured) would exceed the first-order truncation there.
     */
    public static final double LINEAR_REGIME = 1e-6;

    private final double[] lambda;
    private final double[] p;
    private final int dim;
    private final double context;
    private final Depth depth;
    private final double sigma;
    private final PolynomialFilter filter;

    /**
     * Loss, gradient (null if not asked) and contour diagnostics of one evaluation (nodes = level = 0 and
     * imaginaryPart = 0 in the first-order regime near Γ = 0, where no contour is used).
     */
    public record Evaluation(double loss, double[] gradient, double imaginaryPart, int nodes, int level) {

        /** nodesPerContour, level, imaginaryPart (the names of the N = D two-point landscape's diagnostics). */
        public Diagnostics diagnostics() {
            return Diagnostics.builder().put("nodesPerContour", nodes).put("level", level)
                    .put("imaginaryPart", Math.abs(imaginaryPart)).build();
        }
    }

    /**
     * @param spectrum λ_k, ω_k of Σ and Ω (codiagonal)
     * @param alpha    α = P/D, finite
     * @param depth    finite L
     * @param sigma    label-noise standard deviation
     */
    public FsModeLandscape(Spectrum spectrum, double alpha, Depth depth, double sigma) {
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new InvalidInputException("alpha", alpha, "a finite number > 0 (alpha = inf is theory.FsModel)");
        }
        if (depth.infinite()) {
            throw new InvalidInputException("depth", "inf", "a finite integer for the finite-alpha FS mode landscape");
        }
        this.lambda = spectrum.lambda();
        this.p = spectrum.weights();
        this.dim = lambda.length;
        this.context = alpha * dim;
        this.depth = depth;
        this.sigma = sigma;
        this.filter = new PolynomialFilter(1.0, depth);
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public double loss(double[] gammaK) {
        return evaluate(gammaK, false).loss();
    }

    @Override
    public double[] gradient(double[] gammaK) {
        return evaluate(gammaK, true).gradient();
    }

    /** The loss at Γ = diag(γ_k) with its contour diagnostics ({@link Evaluation#diagnostics()}). */
    @Override
    public LossEvaluation evaluate(double[] gammaK) {
        Evaluation e = evaluate(gammaK, false);
        return new LossEvaluation(e.loss(), e.diagnostics());
    }

    @Override
    public String method() {
        return "FS per-mode loss at finite alpha (P = " + Numbers.compact(context) + ", D = " + dim + "): N = D structured-Wishart "
                + "two-point contour with Lambda' = Gamma Lambda, Omega' = Omega Gamma^-1 (derived, not in the paper)"
                + (sigma > 0 ? " + one-point noise term" : "") + ", analytic gradient";
    }

    /**
     * {@link #method()} with the contour diagnostics of one evaluation ({@link Evaluation#diagnostics()}):
     * "...; 96 nodes per contour (level 1), |Im| 3.2e-17".
     */
    public String method(Diagnostics at) {
        return method() + "; " + at.get("nodesPerContour") + " nodes per contour (level " + at.get("level") + "), |Im| "
                + String.format(Locale.ROOT, "%.1e", at.get("imaginaryPart").doubleValue());
    }

    /** 𝓛 and (optionally) ∂𝓛/∂γ_k at Γ = diag(γ_k); negative γ_k are treated as 0. */
    public Evaluation evaluate(double[] gammaK, boolean withGradient) {
        if (gammaK.length != dim) {
            throw new IllegalArgumentException("expected " + dim + " modes, got " + gammaK.length);
        }
        double[] lp = new double[dim];
        double lmax = 0;
        for (int k = 0; k < dim; k++) {
            lp[k] = Math.max(0, gammaK[k]) * lambda[k];
            lmax = Math.max(lmax, lp[k]);
        }
        if (lmax <= LINEAR_REGIME) {
            // exact to first order in Γ: 𝓛 = σ² + Σp_k − 2Σp_kλ'_k + O(λ'²) (EΣ̂ = Λ; the noise term is O(λ'²))
            double s = 0;
            double[] g = withGradient ? new double[dim] : null;
            for (int k = 0; k < dim; k++) {
                s += p[k] * (1 - 2 * lp[k]);
                if (g != null) {
                    g[k] = -2 * p[k] * lambda[k];
                }
            }
            return new Evaluation(sigma * sigma + s, g, 0, 0, 0);
        }
        double q = dim / context;
        double sq = 1 + Math.sqrt(q);
        double bound = lmax * sq * sq;
        int level = level(bound);
        double margin = ContourCircles.margin(bound, level);
        int n = ContourCircles.nodeCount(bound, margin, NODE_FACTOR, 64);
        Subordination sub = Subordination.of(lp, Double.POSITIVE_INFINITY, context);
        Nodes in = nodes(sub, lp, bound, margin, n);
        Nodes out = nodes(sub, lp, bound, 2 * margin, n);
        return compute(lp, in, out, n, level, withGradient);
    }

    // ---------------------------------------------------------------- nodes

    private static final class Nodes {
        double[] fRe; // f(w) dw
        double[] fIm;
        double[] phiRe; // φ(w) dw (noise)
        double[] phiIm;
        double[] kRe; // κ
        double[] kIm;
        double[] cRe; // κ/z
        double[] cIm;
        double[] zRe;
        double[] zIm;
        double[] rRe; // n × D
        double[] rIm;
        double[] eRe; // E = 1 − P⁻¹Σλ'²r²
        double[] eIm;
    }

    private Nodes nodes(Subordination sub, double[] lp, double bound, double margin, int n) {
        Nodes nd = new Nodes();
        nd.fRe = new double[n];
        nd.fIm = new double[n];
        nd.phiRe = new double[n];
        nd.phiIm = new double[n];
        nd.kRe = new double[n];
        nd.kIm = new double[n];
        nd.cRe = new double[n];
        nd.cIm = new double[n];
        nd.zRe = new double[n];
        nd.zIm = new double[n];
        nd.eRe = new double[n];
        nd.eIm = new double[n];
        nd.rRe = new double[n * dim];
        nd.rIm = new double[n * dim];
        Subordination.Root root = sub.solveReal(margin);
        Cx polished = newton(lp, root.z(), root.kappa());
        if (polished != null) {
            root = new Subordination.Root(root.z(), polished, Cx.ZERO, 0, 0);
        }
        Subordination.Root first = root;
        double invP = 1.0 / context;
        for (int i = 0; i < n; i++) {
            ContourCircles.Node node = ContourCircles.node(bound, margin, n, i);
            Cx w = node.w();
            Cx z = w.negate();
            if (i > 0) {
                Cx k1 = newton(lp, z, root.kappa());
                if (k1 != null && k1.minus(root.kappa()).abs() <= 0.3 * root.kappa().abs()) {
                    root = new Subordination.Root(z, k1, Cx.ZERO, 0, 0);
                } else {
                    root = sub.continueTo(root, z); // adaptive continuation when the direct step is unsafe
                }
            }
            Cx dw = node.dw();
            Cx fw = filter.f(w).times(dw);
            Cx ph = filter.phi(w).times(dw);
            Cx k = root.kappa();
            Cx c = k.divide(z);
            nd.fRe[i] = fw.re();
            nd.fIm[i] = fw.im();
            nd.phiRe[i] = ph.re();
            nd.phiIm[i] = ph.im();
            nd.kRe[i] = k.re();
            nd.kIm[i] = k.im();
            nd.cRe[i] = c.re();
            nd.cIm[i] = c.im();
            nd.zRe[i] = z.re();
            nd.zIm[i] = z.im();
            ContourCircles.resolvents(lp, k, nd.rRe, nd.rIm, i * dim);
            double er = 0;
            double ei = 0;
            for (int j = 0; j < dim; j++) {
                double rr = nd.rRe[i * dim + j];
                double ri = nd.rIm[i * dim + j];
                double l2 = invP * lp[j] * lp[j];
                er += l2 * (rr * rr - ri * ri);
                ei += l2 * 2 * rr * ri;
            }
            nd.eRe[i] = 1 - er;
            nd.eIm[i] = -ei;
        }
        ContourCircles.close(sub, root, first, "FS mode contour continuation", margin);
        return nd;
    }

    /**
     * Newton on F(κ) = κ(1 − P⁻¹Σ λ'/(λ' + κ)) − z from the previous node's κ (primitive arithmetic, the hot path
     * of the node loop); null if it does not reach {@link Subordination#TOLERANCE} in 30 iterations. The
     * gradient's contour sums cancel terms of size 1/λ'_max, so κ is polished to machine precision.
     */
    private Cx newton(double[] lp, Cx z, Cx start) {
        double invP = 1.0 / context;
        double kr = start.re();
        double ki = start.im();
        double scale = Math.max(z.abs(), start.abs());
        boolean converged = false;
        for (int it = 0; it < 30; it++) {
            // s1 = Σ λ'/(λ'+κ), s2 = Σ λ'²/(λ'+κ)²
            double s1r = 0;
            double s1i = 0;
            double s2r = 0;
            double s2i = 0;
            for (double l : lp) {
                double ar = l + kr;
                double den = ar * ar + ki * ki;
                double rr = ar / den;
                double ri = -ki / den;
                double tr = l * rr;
                double ti = l * ri;
                s1r += tr;
                s1i += ti;
                s2r += tr * tr - ti * ti;
                s2i += 2 * tr * ti;
            }
            // F = κ(1 − s1/P) − z,  F' = 1 − s2/P
            double gr = 1 - invP * s1r;
            double gi = -invP * s1i;
            double fr = kr * gr - ki * gi - z.re();
            double fi = kr * gi + ki * gr - z.im();
            double dr = 1 - invP * s2r;
            double di = -invP * s2i;
            double dd = dr * dr + di * di;
            double stepR = (fr * dr + fi * di) / dd;
            double stepI = (fi * dr - fr * di) / dd;
            if (!Double.isFinite(stepR) || !Double.isFinite(stepI)) {
                return null;
            }
            kr -= stepR;
            ki -= stepI;
            if (converged) {
                return new Cx(kr, ki); // one extra step after convergence: quadratic, so machine precision
            }
            converged = Math.hypot(fr, fi) <= Subordination.TOLERANCE * scale
                    && Math.hypot(stepR, stepI) <= 1e-10 * Math.hypot(kr, ki);
        }
        return null;
    }

    private int level(double bound) {
        int level = ContourCircles.level(filter, bound);
        if (level >= 0) {
            return level;
        }
        throw new ComputationException("FS mode two-point contour", "filter (1 - x/L)^L grows beyond "
                + TwoPointContour.MAX_GROWTH + " on the tightest contour around spec(Gamma^1/2 Sigma-hat Gamma^1/2) "
                + "(top " + String.format(Locale.ROOT, "%.3g", bound) + ", L = " + depth.steps() + "): cancellation, no reliable value");
    }

    // ---------------------------------------------------------------- loss and gradient

    private Evaluation compute(double[] lp, Nodes in, Nodes out, int n, int level, boolean withGradient) {
        double invP = 1.0 / context;
        double[] wl = new double[dim]; // p_k
        double[] l2 = new double[dim]; // λ'_k²/P
        for (int k = 0; k < dim; k++) {
            wl[k] = p[k];
            l2[k] = invP * lp[k] * lp[k];
        }
        // N_ij, Dn_ij; then T, U = FG cc'/(1 − Dn), V = U N/(1 − Dn), Wt = FG T
        double[] uRe = new double[n * n];
        double[] uIm = new double[n * n];
        double[] vRe = new double[n * n];
        double[] vIm = new double[n * n];
        double[] wtRe = new double[n * n];
        double[] wtIm = new double[n * n];
        ContourCircles.pairSums(in.rRe, in.rIm, out.rRe, out.rIm, n, wl, l2, (i, j, nr, ni, dr, di) -> {
            // inv = 1/(1 − Dn)
            double xr = 1 - dr;
            double xi = -di;
            double den = xr * xr + xi * xi;
            double ir = xr / den;
            double ii = -xi / den;
            // FG cc'
            double cr = in.cRe[i] * out.cRe[j] - in.cIm[i] * out.cIm[j];
            double ci = in.cRe[i] * out.cIm[j] + in.cIm[i] * out.cRe[j];
            double fr = in.fRe[i] * out.fRe[j] - in.fIm[i] * out.fIm[j];
            double fi = in.fRe[i] * out.fIm[j] + in.fIm[i] * out.fRe[j];
            double gr = fr * cr - fi * ci;
            double gi = fr * ci + fi * cr;
            double ur = gr * ir - gi * ii;
            double ui = gr * ii + gi * ir;
            double wr = ur * nr - ui * ni;
            double wi = ur * ni + ui * nr;
            int ij = i * n + j;
            uRe[ij] = ur;
            uIm[ij] = ui;
            wtRe[ij] = wr;
            wtIm[ij] = wi;
            vRe[ij] = wr * ir - wi * ii;
            vIm[ij] = wr * ii + wi * ir;
        });
        double sRe = 0;
        double sIm = 0;
        for (int ij = 0; ij < n * n; ij++) {
            sRe += wtRe[ij];
            sIm += wtIm[ij];
        }
        // (2πi)⁻² = −1/(4π²)
        double k0 = -1.0 / (4 * Math.PI * Math.PI);
        double signal = k0 * sRe;
        double imag = k0 * sIm;
        // noise: −(σ²/P)(2πi)⁻¹ Σ φ(w_i)dw_i G(z_i), G = (κ/z) Σ λ'_k r_k
        double noise = 0;
        double s2p = sigma * sigma * invP;
        double[] gRe = new double[n]; // Σ λ' r (per inner node)
        double[] gIm = new double[n];
        if (sigma > 0) {
            double nr = 0;
            double ni = 0;
            for (int i = 0; i < n; i++) {
                double ar = 0;
                double ai = 0;
                for (int k = 0; k < dim; k++) {
                    ar += lp[k] * in.rRe[i * dim + k];
                    ai += lp[k] * in.rIm[i * dim + k];
                }
                gRe[i] = ar;
                gIm[i] = ai;
                double hr = in.cRe[i] * ar - in.cIm[i] * ai;
                double hi = in.cRe[i] * ai + in.cIm[i] * ar;
                nr += in.phiRe[i] * hr - in.phiIm[i] * hi;
                ni += in.phiRe[i] * hi + in.phiIm[i] * hr;
            }
            // −(1/(2πi)) (nr + i ni): real part = −ni/(2π)
            noise = -s2p * ni / (2 * Math.PI);
        }
        double excess = signal + noise;
        if (!Double.isFinite(excess) || excess < -1e-9) {
            throw new ComputationException("FS mode two-point contour", "excess loss " + excess
                    + " (cancellation on the contour; |Im| = " + Math.abs(imag) + ")");
        }
        double total = sigma * sigma + Math.max(0, excess);
        if (!withGradient) {
            return new Evaluation(total, null, imag, n, level);
        }
        double[] grad = gradient(lp, in, out, n, uRe, uIm, vRe, vIm, wtRe, wtIm, k0);
        if (sigma > 0) {
            addNoiseGradient(lp, in, n, s2p, grad);
        }
        for (int k = 0; k < dim; k++) {
            grad[k] *= lambda[k];
            if (!Double.isFinite(grad[k])) {
                throw new ComputationException("FS mode two-point contour", "non-finite gradient in mode " + (k + 1));
            }
        }
        return new Evaluation(total, grad, imag, n, level);
    }

    /** ∂𝓛_signal/∂λ'_k (see the class comment). */
    private double[] gradient(double[] lp, Nodes in, Nodes out, int n, double[] uRe, double[] uIm, double[] vRe,
            double[] vIm, double[] wtRe, double[] wtIm, double k0) {
        double invP = 1.0 / context;
        // Qu = U R_out, Pu = Uᵀ R_in, Qv, Pv (each n×D)
        double[][] qu = times(uRe, uIm, out, n, false);
        double[][] pu = times(uRe, uIm, in, n, true);
        double[][] qv = times(vRe, vIm, out, n, false);
        double[][] pv = times(vRe, vIm, in, n, true);
        // row and column sums of Wt
        double[] rowRe = new double[n];
        double[] rowIm = new double[n];
        double[] colRe = new double[n];
        double[] colIm = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rowRe[i] += wtRe[i * n + j];
                rowIm[i] += wtIm[i * n + j];
                colRe[j] += wtRe[i * n + j];
                colIm[j] += wtIm[i * n + j];
            }
        }
        double[] gRe = new double[dim];
        double[] gIm = new double[dim];
        accumulate(lp, in, n, rowRe, rowIm, qu, qv, invP, gRe, gIm, true);
        accumulate(lp, out, n, colRe, colIm, pu, pv, invP, gRe, gIm, false);
        double[] grad = new double[dim];
        for (int k = 0; k < dim; k++) {
            grad[k] = k0 * gRe[k];
        }
        return grad;
    }

    /**
     * Adds one side's terms: Σ_i a_ik A_i (A_i = rowsum(Wt)_i/κ_i − Σ_m p_m r_im² Q^U_im − P⁻¹Σ_m λ'_m² r_im² Q^V_im)
     * and the bilinear terms −p_k S^U_k + P⁻¹(λ'_k S^V11_k [inner side only, ×2 split as 1 + 1] − λ'_k² S^V_k).
     */
    private void accumulate(double[] lp, Nodes nd, int n, double[] sumRe, double[] sumIm, double[][] qu, double[][] qv,
            double invP, double[] gRe, double[] gIm, boolean innerSide) {
        for (int i = 0; i < n; i++) {
            // 1/κ_i
            double kr = nd.kRe[i];
            double ki = nd.kIm[i];
            double kd = kr * kr + ki * ki;
            double ikr = kr / kd;
            double iki = -ki / kd;
            double aRe = sumRe[i] * ikr - sumIm[i] * iki;
            double aIm = sumRe[i] * iki + sumIm[i] * ikr;
            // a_ik = P⁻¹ κ² r_k² / E
            double k2r = kr * kr - ki * ki;
            double k2i = 2 * kr * ki;
            double er = nd.eRe[i];
            double ei = nd.eIm[i];
            double ed = er * er + ei * ei;
            // κ²/E · P⁻¹
            double hr = invP * (k2r * er + k2i * ei) / ed;
            double hi = invP * (k2i * er - k2r * ei) / ed;
            double[] r2Re = new double[dim];
            double[] r2Im = new double[dim];
            for (int m = 0; m < dim; m++) {
                double rr = nd.rRe[i * dim + m];
                double ri = nd.rIm[i * dim + m];
                double sr = rr * rr - ri * ri;
                double si = 2 * rr * ri;
                r2Re[m] = sr;
                r2Im[m] = si;
                double quR = qu[0][i * dim + m];
                double quI = qu[1][i * dim + m];
                double qvR = qv[0][i * dim + m];
                double qvI = qv[1][i * dim + m];
                double cm = invP * lp[m] * lp[m];
                double xr = p[m] * quR + cm * qvR;
                double xi = p[m] * quI + cm * qvI;
                aRe -= sr * xr - si * xi;
                aIm -= sr * xi + si * xr;
                // bilinear terms in mode m (k = m): −p r² Q^U + P⁻¹(λ' r Q^V [inner] − λ'² r² Q^V)
                double br = -(p[m] * (sr * quR - si * quI)) - cm * (sr * qvR - si * qvI);
                double bi = -(p[m] * (sr * quI + si * quR)) - cm * (sr * qvI + si * qvR);
                // 2λ'S^V11/P: the (1,1) form appears once; count it on the inner side with factor 2
                if (innerSide) {
                    double f = 2 * invP * lp[m];
                    br += f * (rr * qvR - ri * qvI);
                    bi += f * (rr * qvI + ri * qvR);
                }
                gRe[m] += br;
                gIm[m] += bi;
            }
            // Σ_k a_ik A_i: a_ik = h r_ik²
            double tr = hr * aRe - hi * aIm;
            double ti = hr * aIm + hi * aRe;
            for (int m = 0; m < dim; m++) {
                gRe[m] += r2Re[m] * tr - r2Im[m] * ti;
                gIm[m] += r2Re[m] * ti + r2Im[m] * tr;
            }
        }
    }

    /** M·R_nd (transpose = false, M indexed [i][j] with j over nd) or Mᵀ·R_nd (transpose = true). */
    private double[][] times(double[] mRe, double[] mIm, Nodes nd, int n, boolean transpose) {
        double[] re = new double[n * dim];
        double[] im = new double[n * dim];
        IntStream.range(0, n).parallel().forEach(a -> {
            int ba = a * dim;
            for (int b = 0; b < n; b++) {
                int idx = transpose ? b * n + a : a * n + b;
                double xr = mRe[idx];
                double xi = mIm[idx];
                int bb = b * dim;
                for (int k = 0; k < dim; k++) {
                    double rr = nd.rRe[bb + k];
                    double ri = nd.rIm[bb + k];
                    re[ba + k] += xr * rr - xi * ri;
                    im[ba + k] += xr * ri + xi * rr;
                }
            }
        });
        return new double[][] {re, im};
    }

    /**
     * ∂noise/∂λ'_k = −(σ²/P)(2πi)⁻¹ Σ_i φ_i dw_i (1/z_i)[κ_i² r_ik² + a_ik Σ_m λ'_m² r_im²],
     * a_ik = P⁻¹κ_i²r_ik²/E_i and Σ_m λ'_m² r_im² = P(1 − E_i): the bracket is κ_i² r_ik² / E_i.
     */
    private void addNoiseGradient(double[] lp, Nodes in, int n, double s2p, double[] grad) {
        double[] acc = new double[dim];
        for (int i = 0; i < n; i++) {
            double kr = in.kRe[i];
            double ki = in.kIm[i];
            double k2r = kr * kr - ki * ki;
            double k2i = 2 * kr * ki;
            // h = φ dw κ² / (z E)
            double zr = in.zRe[i];
            double zi = in.zIm[i];
            double er = in.eRe[i];
            double ei = in.eIm[i];
            double dr = zr * er - zi * ei;
            double di = zr * ei + zi * er;
            double dd = dr * dr + di * di;
            double qr = (k2r * dr + k2i * di) / dd;
            double qi = (k2i * dr - k2r * di) / dd;
            double hr = in.phiRe[i] * qr - in.phiIm[i] * qi;
            double hi = in.phiRe[i] * qi + in.phiIm[i] * qr;
            for (int m = 0; m < dim; m++) {
                double rr = in.rRe[i * dim + m];
                double ri = in.rIm[i * dim + m];
                double sr = rr * rr - ri * ri;
                double si = 2 * rr * ri;
                // imaginary part of h r² (real part of −(1/2πi)(·) = −Im(·)/(2π))
                acc[m] += hr * si + hi * sr;
            }
        }
        for (int m = 0; m < dim; m++) {
            grad[m] += -s2p * acc[m] / (2 * Math.PI);
        }
    }

}
