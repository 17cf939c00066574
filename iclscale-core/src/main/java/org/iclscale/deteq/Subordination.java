package org.iclscale.deteq;

import org.iclscale.core.ComputationException;
import org.iclscale.core.InvalidInputException;

/**
 * The one-point subordination equation for M = QΣ̂ (Q a Haar rank-N projection, Σ̂ = XᵀX/P with rows of X
 * drawn from N(0, Λ)), deteq-general.md (E1):
 * <pre>
 *   z = κ · g(t(κ)),   g(t) = (1 − q t)(a − t)/(1 − t),   t(κ) = (1/D) Σ_k λ_k/(λ_k + κ),
 * </pre>
 * with a = N/D ({@code widthRatio}, capped at 1) and q = D/P (0 for P = ∞). This is the free-product rule
 * (S-transforms multiply, App. A "iω_A iω_B = ((1−τ)/τ) iω", notes §3.5 and §7.4): 1/g(t) = S_Q(−t)·S_W(−t)
 * with S_Q(x) = (1 + x)/(a + x) (rank-N projection, notes App. F.5 "iω = a/τ − 1") and S_W(x) = 1/(1 + qx)
 * (Wishart, notes §7.4). Special cases: a = 1 is the structured-Wishart equation z = κ(1 − D t/P)
 * (Atanasov et al., notes §7.4: κ = λ/(1 − df₁/P)); q = 0 is the rank-N projection of Λ (notes §3.5,
 * Ψ = z/κ = (a − t)/(1 − t)). With it, E(z + QΣ̂)⁻¹ ≃ (κ/z)(Λ + κ)⁻¹.
 *
 * <p><b>Branch.</b> For real z &gt; 0 the physical root is the real κ &gt; κ* with t(κ*) = min(a, 1/q), on
 * which z(κ) increases from 0 to ∞; it is found by bisection on log κ and polished by Newton. Complex z are
 * reached by continuation along a path from such a real point with adaptive steps, Newton at each step
 * (predictor dκ/dz = 1/F'(κ)). Every solve returns its {@link SolveReport}; failure throws
 * {@link ComputationException} naming the solver, the tolerance and the residual reached.
 */
public final class Subordination {

    /** Relative residual asked of each Newton solve. */
    public static final double TOLERANCE = 1e-12;
    private static final int MAX_NEWTON = 60;
    private static final int MAX_STEPS = 200_000;

    private final double[] lambda;
    private final double widthRatio;
    private final double q;
    private final String name;

    /** A solution κ(z) with t = t(κ) and the Newton diagnostics of the last step. */
    record Root(Cx z, Cx kappa, Cx t, int iterations, double residual) {
    }

    private Subordination(double[] lambda, double widthRatio, double q, String name) {
        this.lambda = lambda.clone();
        this.widthRatio = Math.min(1.0, widthRatio);
        this.q = q;
        this.name = name;
    }

    /** Free product of a rank-N projection and a structured Wishart with P samples (N or P may be infinite). */
    public static Subordination of(double[] lambda, double width, double context) {
        int d = lambda.length;
        if (!(width >= 1)) {
            throw new InvalidInputException("width", width, "a number >= 1, or inf");
        }
        if (!(context > 0)) {
            throw new InvalidInputException("alpha", context / d, "a number > 0, or inf");
        }
        double a = Double.isInfinite(width) ? 1.0 : Math.min(1.0, width / d);
        double qq = Double.isInfinite(context) ? 0.0 : d / context;
        String n = a >= 1 ? (qq == 0 ? "identity" : "structured-Wishart equation z = kappa(1 - q t)")
                : (qq == 0 ? "rank-N projection equation z = kappa(a - t)/(1 - t)"
                : "free-product (S-transform) equation z = kappa(1 - q t)(a - t)/(1 - t)");
        return new Subordination(lambda, a, qq, n);
    }

    /** Structured Wishart: Σ̂ = XᵀX/P, rows of X ~ N(0, Λ). */
    public static Subordination structuredWishart(double[] lambda, double context) {
        return of(lambda, Double.POSITIVE_INFINITY, context);
    }

    /** Rank-N Haar projection Q times Λ (P = ∞). */
    public static Subordination rankProjection(double[] lambda, int width) {
        return of(lambda, width, Double.POSITIVE_INFINITY);
    }

    public double widthRatio() {
        return widthRatio;
    }

    public double q() {
        return q;
    }

    public int dim() {
        return lambda.length;
    }

    public String name() {
        return name;
    }

    /** S-transform of a rank-N projection with N/D = a: S_Q(x) = (1 + x)/(a + x). */
    public static double sTransformProjection(double a, double x) {
        return (1 + x) / (a + x);
    }

    /** S-transform of a white Wishart with D/P = q: S_W(x) = 1/(1 + qx). */
    public static double sTransformWishart(double q, double x) {
        return 1 / (1 + q * x);
    }

    /** Upper bound of the spectrum of M: λ_max (1 + √q)². */
    public double spectralBound() {
        double m = 0;
        for (double l : lambda) {
            m = Math.max(m, l);
        }
        double s = 1 + Math.sqrt(q);
        return m * s * s;
    }

    // ---------------------------------------------------------------- τ-transform

    /** τ-transform of Λ: t(κ) = (1/D) Σ λ_k/(λ_k + κ) for complex κ; returns {t, t'(κ)}. */
    Cx[] tau(Cx kappa) {
        double tr = 0;
        double ti = 0;
        double dr = 0;
        double di = 0;
        double kr = kappa.re();
        double ki = kappa.im();
        for (double l : lambda) {
            double ar = l + kr;
            double den = ar * ar + ki * ki;
            // 1/(l+κ) = (ar − i ki)/den
            double ir = ar / den;
            double ii = -ki / den;
            tr += l * ir;
            ti += l * ii;
            // 1/(l+κ)² = (ir + i ii)²
            dr += l * (ir * ir - ii * ii);
            di += l * (2 * ir * ii);
        }
        int d = lambda.length;
        return new Cx[] {new Cx(tr / d, ti / d), new Cx(-dr / d, -di / d)};
    }

    /** Real τ-transform t(κ) for κ &gt; 0 (decreasing from 1 to 0). */
    public double tau(double kappa) {
        double s = 0;
        for (double l : lambda) {
            s += l / (l + kappa);
        }
        return s / lambda.length;
    }

    /** Inverse τ-transform on the positive axis: the κ &gt; 0 with t(κ) = target ∈ (0, 1). */
    public double inverseTau(double target) {
        if (!(target > 0 && target < 1)) {
            throw new InvalidInputException("tau", target, "a number in (0, 1)");
        }
        double lo = -100;
        double hi = 100;
        for (int i = 0; i < 300 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo)); i++) {
            double mid = 0.5 * (lo + hi);
            if (tau(Math.exp(mid)) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp(0.5 * (lo + hi));
    }

    /** g(t) = (1 − qt)(a − t)/(1 − t) = 1/(S_Q(−t) S_W(−t)). */
    Cx g(Cx t) {
        if (widthRatio >= 1) {
            return Cx.ONE.minus(t.times(q)); // (a − t)/(1 − t) = 1 cancelled exactly
        }
        Cx oneMinusT = Cx.ONE.minus(t);
        return Cx.ONE.minus(t.times(q)).times(Cx.real(widthRatio).minus(t)).divide(oneMinusT);
    }

    /** g'(t). */
    Cx gPrime(Cx t) {
        if (widthRatio >= 1) {
            return Cx.real(-q);
        }
        Cx oneMinusT = Cx.ONE.minus(t);
        Cx a = Cx.real(widthRatio).minus(t);
        Cx b = Cx.ONE.minus(t.times(q));
        // d/dt [b a/(1−t)] = (−q a − b)/(1−t) + b a/(1−t)²
        Cx first = a.times(-q).minus(b).divide(oneMinusT);
        Cx second = b.times(a).divide(oneMinusT.times(oneMinusT));
        return first.plus(second);
    }

    /** z(κ) = κ g(t(κ)). */
    public Cx zOf(Cx kappa) {
        return kappa.times(g(tau(kappa)[0]));
    }

    double zOf(double kappa) {
        double t = tau(kappa);
        if (widthRatio >= 1) {
            return kappa * (1 - q * t);
        }
        return kappa * (1 - q * t) * (widthRatio - t) / (1 - t);
    }

    /**
     * Top edge of the deterministic-equivalent spectrum of M: on the real axis beyond the spectrum, z = −w
     * with real κ &lt; −λ_max, and w(κ) = −κ g(t(κ)) decreases from +∞ (κ → −∞) to its first local minimum,
     * which is the upper edge of the highest band. Found by a logarithmic scan of κ = −λ_max(1 + e^u) from
     * large u and golden-section refinement; falls back to {@link #spectralBound()} if no minimum in (0, bound].
     */
    public double supportTop() {
        double lmax = 0;
        for (double l : lambda) {
            lmax = Math.max(lmax, l);
        }
        double bnd = spectralBound();
        if (widthRatio >= 1 && q == 0) {
            return lmax;
        }
        double prevU = 12;
        double prevW = wOfU(prevU, lmax);
        double du = 0.02;
        for (double u = prevU - du; u > -40; u -= du) {
            double w = wOfU(u, lmax);
            if (!(w < prevW) || !Double.isFinite(w)) {
                // minimum bracketed in [u, prevU + du]: golden section
                double a = u;
                double b = prevU + du;
                double gr = (Math.sqrt(5) - 1) / 2;
                for (int i = 0; i < 80; i++) {
                    double c = b - gr * (b - a);
                    double d = a + gr * (b - a);
                    if (wOfU(c, lmax) < wOfU(d, lmax)) {
                        b = d;
                    } else {
                        a = c;
                    }
                }
                double top = wOfU(0.5 * (a + b), lmax);
                return top > 0 && top <= bnd * (1 + 1e-9) ? top : bnd;
            }
            prevU = u;
            prevW = w;
        }
        return bnd;
    }

    private double wOfU(double u, double lmax) {
        double kappa = -lmax * (1 + Math.exp(u));
        return -zOf(kappa);
    }

    // ---------------------------------------------------------------- real branch

    /** κ* with t(κ*) = min(a, 1/q): the lower end of the physical real branch (0 if the minimum is 1). */
    public double branchPoint() {
        double tmax = widthRatio;
        if (q > 0) {
            tmax = Math.min(tmax, 1 / q);
        }
        return tmax >= 1 ? 0.0 : inverseTau(tmax);
    }

    /** The physical root for real z &gt; 0: real κ &gt; κ* (bisection on log κ, then Newton polish). */
    Root solveReal(double z) {
        if (!(z > 0) || !Double.isFinite(z)) {
            throw new IllegalArgumentException("solveReal needs a finite z > 0, got " + z);
        }
        double kStar = branchPoint();
        double lo = kStar > 0 ? Math.log(kStar) : Math.log(Math.min(z, 1e-300));
        double hi = Math.log(Math.max(1.0, 2 * z / widthRatio) + 1);
        int it = 0;
        while (zOf(Math.exp(hi)) < z) {
            hi += 2;
            if (++it > 200) {
                throw new ComputationException(name, "real-branch bracket not found for z = " + z);
            }
        }
        for (int i = 0; i < 400 && hi - lo > 1e-14; i++, it++) {
            double mid = 0.5 * (lo + hi);
            double v = zOf(Math.exp(mid));
            if (v < z) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        Root r = newton(Cx.real(z), Cx.real(Math.exp(0.5 * (lo + hi))));
        if (r == null || Math.abs(r.kappa().im()) > 1e-10 * Math.abs(r.kappa().re()) || r.kappa().re() <= kStar) {
            throw new ComputationException(name + " (real branch)", "Newton polish at z = " + z
                    + " left the physical branch kappa > " + kStar);
        }
        return new Root(r.z(), Cx.real(r.kappa().re()), Cx.real(r.t().re()), it + r.iterations(), r.residual());
    }

    // ---------------------------------------------------------------- Newton and continuation

    /** Newton on F(κ) = κ g(t(κ)) − z from κ0; null if it does not reach {@link #TOLERANCE}. */
    Root newton(Cx z, Cx kappa0) {
        Cx k = kappa0;
        // residual relative to max(|z|, |κ|): both sides of z = κ g(t) are O(|κ|) before cancellation
        double scale = Math.max(Math.max(z.abs(), kappa0.abs()), 1e-300);
        double residual = Double.POSITIVE_INFINITY;
        for (int i = 1; i <= MAX_NEWTON; i++) {
            Cx[] tt = tau(k);
            Cx t = tt[0];
            Cx gg = g(t);
            Cx f = k.times(gg).minus(z);
            residual = f.abs() / scale;
            Cx fp = gg.plus(k.times(gPrime(t)).times(tt[1]));
            Cx step = f.divide(fp);
            if (!step.isFinite()) {
                return null;
            }
            k = k.minus(step);
            if (residual <= TOLERANCE && step.abs() <= 1e-10 * Math.max(k.abs(), 1e-300)) {
                Cx t2 = tau(k)[0];
                double res2 = k.times(g(t2)).minus(z).abs() / scale;
                return new Root(z, k, t2, i, res2);
            }
        }
        return null;
    }

    /**
     * Continues a root (zFrom, κFrom) along the straight segment to zTo with adaptive steps.
     * Throws {@link ComputationException} if the step size collapses.
     */
    Root continueTo(Root from, Cx zTo) {
        return continueTo(from, zTo, r -> true);
    }

    /**
     * As {@link #continueTo(Root, Cx)}, accepting a step only if {@code physical} holds for the new root
     * (explicit branch selection near branch points, where Newton may land on the other sheet).
     */
    Root continueTo(Root from, Cx zTo, java.util.function.Predicate<Root> physical) {
        Cx zFrom = from.z();
        Cx k = from.kappa();
        Root last = from;
        double s = 0;
        double h = 1;
        int iterations = 0;
        double worst = from.residual();
        int steps = 0;
        while (s < 1) {
            double next = Math.min(1, s + h);
            Cx z = zFrom.plus(zTo.minus(zFrom).times(next));
            // predictor: dκ/dz = 1/F'(κ)
            Cx[] tt = tau(k);
            Cx fp = g(tt[0]).plus(k.times(gPrime(tt[0])).times(tt[1]));
            Cx guess = k.plus(z.minus(last.z()).divide(fp));
            Root r = guess.isFinite() ? newton(z, guess) : null;
            boolean ok = r != null && r.kappa().minus(guess).abs() <= 0.3 * Math.max(guess.abs(), 1e-300)
                    + 1e-12 && physical.test(r);
            if (ok) {
                s = next;
                k = r.kappa();
                last = r;
                iterations += r.iterations();
                worst = Math.max(worst, r.residual());
                h = Math.min(1, h * 2);
            } else {
                h /= 4;
                if (h < 1e-14) {
                    throw new ComputationException(name + " (Newton continuation)", "step collapsed at z = "
                            + zFrom.plus(zTo.minus(zFrom).times(s)) + " towards " + zTo + "; tolerance "
                            + TOLERANCE + ", last residual " + (r == null ? "not reached" : r.residual()));
                }
            }
            if (++steps > MAX_STEPS) {
                throw new ComputationException(name + " (Newton continuation)", "more than " + MAX_STEPS
                        + " steps towards z = " + zTo);
            }
        }
        return new Root(last.z(), last.kappa(), last.t(), iterations, worst);
    }

    /**
     * κ(z) for any z off the cut: real positive start at z₀ = |z| + spectral bound, then continuation through
     * the half plane of z (upper if Im z ≥ 0) to z. Returns the root with its accumulated diagnostics.
     */
    public Solution solve(Cx z) {
        double start = z.abs() + spectralBound();
        Root r = solveReal(start);
        double side = z.im() >= 0 ? 1 : -1;
        Cx via = new Cx(z.re(), side * Math.max(Math.abs(z.im()), start));
        r = continueTo(r, new Cx(start, side * start));
        r = continueTo(r, via);
        r = continueTo(r, z);
        return new Solution(r.kappa(), r.t(), new SolveReport(name, r.iterations(), r.residual(), TOLERANCE));
    }

    /** κ(z), t(κ(z)) and diagnostics. */
    public record Solution(Cx kappa, Cx t, SolveReport report) {
    }
}
