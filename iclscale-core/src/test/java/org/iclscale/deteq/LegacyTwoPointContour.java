package org.iclscale.deteq;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.iclscale.core.ComputationException;
import org.iclscale.core.Depth;
import org.iclscale.spectrum.Spectrum;

/**
 * Verbatim copy of {@code TwoPointContour} at 6f3856d (before the fourth pass of issue 17 item 5), with the
 * register-blocked {@code ContourCircles.pairSums} of that commit copied in as {@code formerPairSums}: the former
 * route the bit-identity tests compare against ({@link TwoPointContourLegacyTest}). Do not edit.
 */
final class LegacyTwoPointContour {

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

    LegacyTwoPointContour(Spectrum spectrum, double width, double context) {
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
        formerPairSums(in.rRe, in.rIm, out.rRe, out.rIm, n, wl, l2, (i, j, nr, ni, dr, di) -> {
            Cx w2 = in.rhoW[i].times(out.rhoW[j]).times(new Cx(nr, ni)).divide(new Cx(1 - dr, -di));
            Cx tij = fullWidth ? w2 : correction(in, out, i, j, w2);
            g.tRe[i * n + j] = tij.re();
            g.tIm[i * n + j] = tij.im();
        });
        return g;
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
        // (2πi)² = −4π²
        double scale = -1.0 / (4 * Math.PI * Math.PI);
        double valueRe = totalRe * scale;
        double valueIm = totalIm * scale;
        if (!(Double.isFinite(valueRe) && Double.isFinite(valueIm))) {
            throw new ComputationException("two-point contour (E3)", "non-finite result at gamma = " + filter.gamma());
        }
        return new Evaluation(valueRe, valueIm, n, g.level, g.report);
    }

    /** Σ_ij a_i T_ij b_j (complex, primitive arrays), as {re, im}. */
    private static double[] bilinear(Grid g, double[] aRe, double[] aIm, double[] bRe, double[] bIm) {
        int n = aRe.length;
        double sr = 0;
        double si = 0;
        for (int i = 0; i < n; i++) {
            double vr = 0;
            double vi = 0;
            int base = i * n;
            for (int j = 0; j < n; j++) {
                double tr = g.tRe[base + j];
                double ti = g.tIm[base + j];
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

    static void formerPairSums(double[] inRe, double[] inIm, double[] outRe, double[] outIm, int n, double[] a, double[] b,
            ContourCircles.PairSink sink) {
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
