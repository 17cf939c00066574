package org.iclscale.deteq;

import org.iclscale.core.ComputationException;
import org.iclscale.core.Depth;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.SpectralSums;

/**
 * RRS at infinite context P = ∞ and finite width N (notes §3.5, "working replacement for P → ∞"): because Λ
 * and Ω are diagonal, Λ(I − cQΛ) = (I − cΛQ)Λ and the loss is a one-point functional
 * <pre>
 *   L(γ) = Tr[D_p (I − cS)^{2L}],   S = Λ^{1/2} Q Λ^{1/2},  D_p = diag(p_k),  c = γ/L,
 * </pre>
 * integrated against the p-weighted spectral measure of S: a continuous part ρ_p(s) = −(1/π) Im g(−s + i0),
 * g(z) = Tr D_p(z + S)⁻¹ ≃ (κ/z) Σ_k p_k/(κ + λ_k) with κ(z) from the rank-N projection equation
 * z = κ(a − t)/(1 − t) ({@link Subordination}), plus an atom at s = 0 of mass Σ_k p_k κ₀/(κ₀ + λ_k) with
 * Σ_k λ_k/(κ₀ + λ_k) = N (the width floor, {@link Floors#width}).
 *
 * <p><b>Numerics.</b> By Cauchy interlacing the non-zero spectrum of S (a compression of Λ) lies in
 * [λ_min, λ_max], and its top is the support edge s₊ ≤ λ_max of the equivalent ({@link #supportTop()}: the
 * edge condition z'(κ) = 0 of the projection equation, {@link Subordination#supportTop()}). κ is continued from
 * the positive real axis into the upper half plane and then along z = −s + iη (η = 1e-9 λ_max: the physical
 * root is unique for Im z &gt; 0, so no conjugate ambiguity on the cut) over a logarithmic grid of
 * {@link #GRID} points from s₊ down to 0.98 λ_min. The grid stops at s₊: above it the density is zero, and
 * the O(η) Lorentzian tail that the broadening leaves there (≈1e-13 per node) would otherwise be amplified
 * by the filter (1 − cs)^{2L} beyond 2L/s₊ (up to 10¹⁸ at D = 400, N = 50, L = 16, γ = 150). The density is
 * integrated by the trapezoidal rule in log s (band edges are square-root singularities: error O(h^{3/2})).
 * The mass closure |atom + ∫ρ_p − Σp| / Σp is reported as the method's residual. Nodes and weights do not
 * depend on γ or L, so each loss evaluation costs O(GRID) and any depth (up to 10⁶ and ∞) is exact in the
 * filter (1 − cs)^{2L}, evaluated on the real axis without cancellation.
 */
public final class OnePointDensity {

    /** Points of the logarithmic s-grid. */
    public static final int GRID = 6000;
    /** Largest accepted relative mass-closure error. */
    public static final double MASS_TOLERANCE = 2e-3;

    private final double atom;
    private final double[] s;
    private final double[] weight; // ρ_p(s_j) × quadrature weight
    private final double massError;
    private final SolveReport report;
    private final int width;
    private final double supportTop;

    public OnePointDensity(Spectrum spectrum, int width) {
        double[] lambda = spectrum.lambda();
        double[] p = spectrum.weights();
        int d = lambda.length;
        if (width >= d) {
            throw new IllegalArgumentException("width N >= D has no bottleneck: use the exact sum (RrsModel)");
        }
        this.width = width;
        Subordination sub = Subordination.rankProjection(lambda, width);
        double kappa0 = sub.branchPoint();
        double a0 = 0;
        double total = 0;
        double lmax = 0;
        double lmin = Double.POSITIVE_INFINITY;
        for (int k = 0; k < d; k++) {
            a0 += p[k] * kappa0 / (kappa0 + lambda[k]);
            total += p[k];
            lmax = Math.max(lmax, lambda[k]);
            lmin = Math.min(lmin, lambda[k]);
        }
        this.atom = a0;
        this.supportTop = sub.supportTop();
        double eta = 1e-9 * lmax;
        double hi = Math.log(supportTop);
        double lo = Math.log(0.98 * lmin);
        int n = GRID;
        double h = (hi - lo) / (n - 1);
        s = new double[n];
        weight = new double[n];
        // reach z = −s₊ + iη from the real axis through the upper half plane
        Subordination.Root root = sub.solveReal(lmax);
        int iterations = root.iterations();
        double worst = root.residual();
        root = sub.continueTo(root, new Cx(lmax, lmax));
        root = sub.continueTo(root, new Cx(-supportTop, lmax));
        // Herglotz condition of the physical sheet: for Im z > 0 every diagonal entry κ/(z(λ_k + κ)) of the
        // resolvent equivalent has Im ≤ 0 (checked at λ_max and λ_min)
        final double lTop = lmax;
        final double lBottom = lmin;
        java.util.function.Predicate<Subordination.Root> physical = r -> {
            Cx k = r.kappa();
            Cx base = k.divide(r.z());
            double tolIm = 1e-9;
            for (double l : new double[] {lTop, lBottom}) {
                Cx entry = base.divide(k.plus(l));
                if (entry.im() > tolIm * entry.abs()) {
                    return false;
                }
            }
            return true;
        };
        int detours = 0;
        int skipped = 0;
        for (int j = 0; j < n; j++) {
            double sj = Math.exp(hi - j * h);
            try {
                root = sub.continueTo(root, new Cx(-sj, eta), physical);
            } catch (ComputationException e) {
                // detour through the upper half plane (where the physical root is unique), then straight down
                Subordination.Root saved = root;
                try {
                    Cx up = new Cx(root.z().re(), 0.05 * Math.abs(root.z().re()));
                    root = sub.continueTo(root, up, physical);
                    root = sub.continueTo(root, new Cx(-sj, 0.05 * sj), physical);
                    root = sub.continueTo(root, new Cx(-sj, eta), physical);
                    detours++;
                } catch (ComputationException e2) {
                    // a branch point (band edge, where ρ → 0) within η of the node: the node gets ρ = 0, the
                    // continuation resumes from the last root; the mass closure below bounds the effect
                    root = saved;
                    s[j] = sj;
                    weight[j] = 0;
                    skipped++;
                    continue;
                }
            }
            iterations += root.iterations();
            worst = Math.max(worst, root.residual());
            Cx k = root.kappa();
            // g(z) = (κ/z) Σ p_k/(κ + λ_k)
            double gr = 0;
            double gi = 0;
            for (int m = 0; m < d; m++) {
                double ar = lambda[m] + k.re();
                double den = ar * ar + k.im() * k.im();
                gr += p[m] * ar / den;
                gi -= p[m] * k.im() / den;
            }
            Cx g = k.divide(root.z()).times(new Cx(gr, gi));
            double rho = -g.im() / Math.PI;
            if (rho < -1e-8 * total / lmin) {
                throw new ComputationException(sub.name() + " (one-point density)", "negative density " + rho
                        + " at s = " + sj + ": wrong branch");
            }
            s[j] = sj;
            double trap = (j == 0 || j == n - 1) ? 0.5 : 1.0;
            weight[j] = Math.max(rho, 0) * sj * h * trap; // ds = s du
        }
        double mass = atom;
        for (double w : weight) {
            mass += w;
        }
        this.massError = Math.abs(mass - total) / total;
        if (!(massError <= MASS_TOLERANCE)) {
            throw new ComputationException(sub.name() + " (one-point density)", "mass closure " + massError
                    + " > " + MASS_TOLERANCE + " (density quadrature did not resolve the spectrum)");
        }
        this.report = new SolveReport(sub.name() + " along z = -s + i eta (" + detours + " detours, " + skipped
                + " band-edge nodes set to 0)", iterations, worst, Subordination.TOLERANCE);
    }

    /**
     * Top s₊ of the support of the equivalent spectrum of S = Λ^{1/2}QΛ^{1/2}: the first minimum of
     * w(κ) = −z(κ) for real κ &lt; −λ_max (z'(κ) = 0, {@link Subordination#supportTop()}), where the density's
     * mass ends. ≤ λ_max; at finite D the sample λ_max fluctuates inside the top band below it.
     */
    public double supportTop() {
        return supportTop;
    }

    /** Mass of the zero atom (= the width floor). */
    public double atom() {
        return atom;
    }

    /** |atom + ∫ρ_p − Σp|/Σp. */
    public double massError() {
        return massError;
    }

    public SolveReport report() {
        return report;
    }

    public int width() {
        return width;
    }

    /** The s-grid (a copy; for tests). */
    double[] grid() {
        return s.clone();
    }

    /** ρ_p(s_j) × quadrature weight on {@link #grid()} (a copy; for tests). */
    double[] gridWeights() {
        return weight.clone();
    }

    /**
     * Noise-free loss Σ-weighted: atom + ∫ρ_p(s)(1 − cs)^{2L} ds (L = ∞: e^{−2γs}); finite L by the blocked
     * binary exponentiation of {@link SpectralSums} (it was a Math.pow per grid point).
     */
    public double loss(double gamma, Depth depth) {
        if (!depth.infinite()) {
            int l = depth.steps();
            return atom + SpectralSums.powerSum(weight, s, gamma / l, 2L * l);
        }
        double sum = atom;
        for (int j = 0; j < s.length; j++) {
            sum += weight[j] * Math.exp(-2 * gamma * s[j]);
        }
        return sum;
    }

    /** ∂L/∂γ = ∫ρ_p · (−2s)(1 − cs)^{2L−1} ds (L = ∞: −2s e^{−2γs}). */
    public double lossDerivative(double gamma, Depth depth) {
        if (!depth.infinite()) {
            int l = depth.steps();
            return -2 * SpectralSums.powerSumLambda(weight, s, gamma / l, 2L * l - 1);
        }
        double sum = 0;
        for (int j = 0; j < s.length; j++) {
            double x = s[j];
            sum += weight[j] * (-2 * x * Math.exp(-2 * gamma * x));
        }
        return sum;
    }
}
