package org.iclscale.scaling;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.iclscale.core.ComputationException;
import org.iclscale.core.Depth;
import org.iclscale.core.Setting;
import org.iclscale.core.InvalidInputException;
import org.iclscale.deteq.OnePointDensity;
import org.iclscale.deteq.StructuredLandscapes;
import org.iclscale.deteq.TwoPointContour;
import org.iclscale.spectrum.PowerLawContinuum;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.GradientFlow;
import org.iclscale.theory.OdeSampler;
import org.iclscale.theory.OptimumSearch;
import org.iclscale.theory.RrsContinuum;
import org.iclscale.theory.RrsModel;

/**
 * The exact joint RRS loss (σ = 0) at finite resources (t, N, L, P), each possibly infinite, for the power law
 * λ_k = k^{−ν}, p_k ∝ k^{−νβ−1}: one {@link GammaLandscape} 𝓛(γ; N, L, P), then gradient flow
 * dγ/dt = −½ d𝓛/dγ from γ(0) = 0 to time t (Results 6-7 convention, {@link GradientFlow}), or the optimal γ
 * when t = ∞ ({@link OptimumSearch}). The landscape per regime:
 * <ul>
 *   <li>N = P = ∞: 𝓛 = Σ_k p_k (1 − γλ_k/L)^{2L} (L = ∞: e^{−2γλ_k}) at D = ∞ ({@link RrsContinuum}, notes §3.4):
 *       exact, no finite-D saturation;</li>
 *   <li>N = D, P = ∞: the exact finite-D mode sum ({@link RrsModel}; N = D is full width, no bottleneck);</li>
 *   <li>N &lt; D, P = ∞: the one-point density of Λ^{1/2}QΛ^{1/2} ({@link OnePointDensity}, notes §3.5 "working
 *       replacement for P → ∞", validated against Monte Carlo to &lt; 1 %) at the finite dimension D;</li>
 *   <li>P finite (N &lt; D or N = ∞): the two-point contour (E1)-(E3) of deteq-general.md
 *       ({@link TwoPointContour}) at the finite dimension D; it needs finite L with γ·L⁻¹ small enough that the
 *       filter stays below {@link TwoPointContour#MAX_GROWTH} on the contour, else {@link ComputationException}.</li>
 * </ul>
 * <b>Finite D matters for N &lt; D.</b> With N fixed and D growing, the non-zero spectrum of Λ^{1/2}QΛ^{1/2}
 * shrinks like 1/D (a Haar N-dimensional subspace overlaps each eigendirection by ~N/D): 𝓛(γ; N, D) ≈
 * F_N(γ/D) (checked in ExactJointLossTest), so gradient-flow time to reach a given loss grows like D². The exact
 * joint loss at finite N is therefore a property of the finite-D model, and D is part of its specification.
 *
 * <p>Landscapes are memoised per (N, L, P) and losses per (t, N, L, P); instances are thread-safe.
 */
public final class ExactJointLoss {

    /** Marker for an infinite integer resource. */
    public static final int INF = Integer.MAX_VALUE;

    private final double nu;
    private final double beta;
    private final int dim;
    private final PowerLawContinuum law;
    private volatile Spectrum spectrum;
    private final Map<Integer, OnePointDensity> densities = new ConcurrentHashMap<>();
    private final Map<Long, TwoPointContour> contours = new ConcurrentHashMap<>();
    private final Map<String, Double> memo = new ConcurrentHashMap<>();
    private final Map<String, Double> gammas = new ConcurrentHashMap<>();

    /**
     * @param dim D, the dimension used when N or P is finite (the N = P = ∞ regime is at D = ∞)
     */
    public ExactJointLoss(double nu, double beta, int dim) {
        if (dim < 2) {
            throw new InvalidInputException("dim", dim, "an integer >= 2");
        }
        this.nu = nu;
        this.beta = beta;
        this.dim = dim;
        this.law = new PowerLawContinuum(nu, beta);
    }

    public int dim() {
        return dim;
    }

    private Spectrum spectrum() {
        Spectrum s = spectrum;
        if (s == null) {
            s = Spectrum.powerLaw(nu, beta, dim);
            spectrum = s;
        }
        return s;
    }

    private static Depth depthOf(int depth) {
        return depth == INF ? Depth.INFINITE : Depth.of(depth);
    }

    /** Which method evaluates the loss at finite/infinite width and context. */
    public String method(int width, int context) {
        if (width == INF && context == INF) {
            return "RRS sum over all modes at D = inf (exact head + Euler-Maclaurin tail, notes 3.4)";
        }
        if (width == dim && context == INF) {
            return "RRS exact mode sum at N = D = " + dim + " (no width bottleneck, P = inf)";
        }
        if (context == INF) {
            return "one-point density of Lambda^1/2 Q Lambda^1/2 (RRS, P = inf, N < D, notes 3.5) at D = " + dim;
        }
        return "two-point contour (E1)-(E3) (RRS, sigma = 0, finite P" + (width == INF || width == dim ? ", N = D" : ", N < D")
                + ", deteq-general.md) at D = " + dim;
    }

    /** The landscape γ ↦ 𝓛(γ) at width N, depth L, context P (INF for ∞). */
    public GammaLandscape landscape(int width, int depth, int context) {
        Depth d = depthOf(depth);
        if (width != INF && (width > dim || width < 1)) {
            throw new InvalidInputException("width", width, "an integer in [1, D = " + dim + "] (or inf) for the exact loss");
        }
        if (width == INF && context == INF) {
            return new RrsContinuum(law, d, 0);
        }
        boolean fullWidth = width == dim;
        if (fullWidth && context == INF) {
            return new RrsModel(spectrum(), d, 0);
        }
        if (context == INF) {
            OnePointDensity density = densities.computeIfAbsent(width, n -> new OnePointDensity(spectrum(), n));
            return StructuredLandscapes.width(density, spectrum(), d, 0);
        }
        if (d.infinite()) {
            throw new InvalidInputException("depth", "inf", "a finite depth for finite context (two-point contour)");
        }
        long key = ((long) width << 32) ^ context;
        TwoPointContour contour = contours.computeIfAbsent(key,
                k -> new TwoPointContour(spectrum(), width == INF || fullWidth ? Double.POSITIVE_INFINITY : width, context));
        // a cancellation on the contour (excess < −1e-9) is a ComputationException: the shape search skips it
        return StructuredLandscapes.context(Setting.RRS, contour, width == INF || fullWidth ? Double.POSITIVE_INFINITY
                : width, context, d, 0);
    }

    /**
     * Exact loss at time t (+∞: optimal γ, needs finite L or a finite-N/P regime with finite L), width N,
     * depth L and context P (INF for ∞).
     */
    public double loss(double t, int width, int depth, int context) {
        String key = t + "|" + width + "|" + depth + "|" + context;
        Double cached = memo.get(key);
        if (cached != null) {
            return cached;
        }
        GammaLandscape ls = landscape(width, depth, context);
        double value;
        double gamma;
        if (Double.isInfinite(t)) {
            if (depth == INF) {
                throw new InvalidInputException("computeFormula", "(no t and no L)",
                        "a formula with t or L for the exact optimisation (t = L = inf has no finite optimal gamma)");
            }
            OptimumSearch.Optimum o = OptimumSearch.minimise(ls);
            value = o.loss();
            gamma = o.gamma();
        } else {
            OptimumSearch.Optimum opt = null;
            if (depth != INF) {
                try {
                    opt = optimum(ls, width, depth, context);
                } catch (ComputationException e) {
                    opt = null; // (contour growth limit near the stability edge) plain integration to t
                }
            }
            double[] g = flow(ls, t, opt);
            gamma = g[0];
            value = g[1];
        }
        if (!Double.isFinite(value)) {
            throw new ComputationException(ls.method(), "non-finite loss at t = " + t + ", N = " + width + ", L = "
                    + depth + ", P = " + context);
        }
        memo.put(key, value);
        gammas.put(key, gamma);
        return value;
    }

    private final Map<String, OptimumSearch.Optimum> optima = new ConcurrentHashMap<>();

    private OptimumSearch.Optimum optimum(GammaLandscape ls, int width, int depth, int context) {
        return optima.computeIfAbsent(width + "|" + depth + "|" + context, k -> OptimumSearch.minimise(ls));
    }

    /**
     * γ(t) and 𝓛(γ(t)) for dγ/dt = −½ d𝓛/dγ from γ(0) = 0 (Dormand-Prince 8(5,3), tolerances of
     * {@link GradientFlow}). At finite L the landscapes are convex in γ (sums/integrals of (1 − γs/L)^{2L} against
     * a non-negative measure), so γ(t) rises monotonically to the minimiser γ*, and near it the flow is stiff
     * (rate ½𝓛''(γ*), explicit steps O(1)); the integration ({@link OdeSampler}) therefore runs over doubling
     * checkpoints 1, 2, 4, …, t and holds the state once 𝓛(γ) − 𝓛(γ*) ≤ 1e-12 𝓛(γ*): the loss at t then lies
     * between the two, and 𝓛(γ) is returned.
     */
    private static double[] flow(GammaLandscape ls, double t, OptimumSearch.Optimum opt) {
        // doubling checkpoints 1, 2, 4, ..., t; the state is held once the gap to 𝓛(γ*) is below 1e-12 𝓛(γ*)
        int count = 1;
        for (double c = 1; c < t; c *= 2) {
            count++;
        }
        final int n = count;
        double[] checkpoints = new double[n];
        double c = 1;
        for (int i = 0; i < n; i++) {
            checkpoints[i] = Math.min(c, t);
            c *= 2;
        }
        double[] last = new double[2];
        OdeSampler.sample("gradient flow (exact joint loss)", new double[] {0.0}, checkpoints,
                GradientFlow.ABSOLUTE_TOLERANCE, GradientFlow.RELATIVE_TOLERANCE,
                (time, y) -> new double[] {-0.5 * ls.lossDerivative(y[0])},
                (i, y) -> {
                    if (i == n - 1) {
                        last[0] = y[0];
                        last[1] = ls.loss(y[0]);
                    }
                },
                y -> opt != null && ls.loss(y[0]) - opt.loss() <= 1e-12 * opt.loss());
        return last;
    }

    /** γ reached by the last {@link #loss} at these arguments (NaN if not evaluated). */
    public double gamma(double t, int width, int depth, int context) {
        return gammas.getOrDefault(t + "|" + width + "|" + depth + "|" + context, Double.NaN);
    }

    /** Number of distinct loss evaluations so far. */
    public int evaluations() {
        return memo.size();
    }

}
