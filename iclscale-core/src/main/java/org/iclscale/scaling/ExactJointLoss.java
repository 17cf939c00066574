package org.iclscale.scaling;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.exception.MathRuntimeException;
import org.iclscale.core.ComputationException;
import org.iclscale.core.Depth;
import org.iclscale.core.Extent;
import org.iclscale.core.InvalidInputException;
import org.iclscale.deteq.OnePointDensity;
import org.iclscale.deteq.StructuredLandscapes;
import org.iclscale.deteq.TwoPointContour;
import org.iclscale.model.Continuum;
import org.iclscale.model.Landscapes;
import org.iclscale.model.ModelSpec;
import org.iclscale.model.PowerLaw;
import org.iclscale.model.Regime;
import org.iclscale.model.SpectrumSpec;
import org.iclscale.theory.FlowQuadrature;
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
 * when t = ∞ ({@link OptimumSearch}). The model is RRS at σ = 0 with the power law at D = ∞ when N = P = ∞ and
 * over D = {@link #dim()} modes otherwise ({@link #spec}); which computation that model gets is decided by the
 * model layer ({@link Landscapes#regime}, whose table is the reference), and built solvers come from its shared
 * cache. The regimes reached here:
 * <ul>
 *   <li>N = P = ∞ ({@link Regime#CONTINUUM}): 𝓛 = Σ_k p_k (1 − γλ_k/L)^{2L} (L = ∞: e^{−2γλ_k}) at D = ∞
 *       ({@link RrsContinuum}, notes §3.4): exact, no finite-D saturation;</li>
 *   <li>N = D, P = ∞ ({@link Regime#MODE_SUM}): the exact finite-D mode sum ({@link RrsModel}; N = D is full width,
 *       no bottleneck);</li>
 *   <li>N &lt; D, P = ∞ ({@link Regime#ONE_POINT_DENSITY}): the one-point density of Λ^{1/2}QΛ^{1/2}
 *       ({@link OnePointDensity}, notes §3.5 "working replacement for P → ∞", validated against Monte Carlo to
 *       &lt; 1 %) at the finite dimension D;</li>
 *   <li>P finite, N = D or N = ∞ ({@link Regime#STRUCTURED_WISHART}) or N &lt; D ({@link Regime#TWO_POINT_CONTOUR}):
 *       the two-point contour (E1)-(E3) of deteq-general.md ({@link TwoPointContour}) at the finite dimension D; it
 *       needs finite L with γ·L⁻¹ small enough that the filter stays below {@link TwoPointContour#MAX_GROWTH} on the
 *       contour, else {@link ComputationException}. Flows and minimiser solves at finite L ≤ 64 read it
 *       through its per-level Chebyshev interpolants ({@link StructuredLandscapes#interpolated}: on one contour
 *       level the loss is a polynomial of degree 2L in γ), equal to the direct route to its rounding.</li>
 * </ul>
 * <b>Finite D matters for N &lt; D.</b> With N fixed and D growing, the non-zero spectrum of Λ^{1/2}QΛ^{1/2}
 * shrinks like 1/D (a Haar N-dimensional subspace overlaps each eigendirection by ~N/D): 𝓛(γ; N, D) ≈
 * F_N(γ/D) (checked in ExactJointLossTest), so gradient-flow time to reach a given loss grows like D². The exact
 * joint loss at finite N is therefore a property of the finite-D model, and D is part of its specification.
 *
 * <p>Optima are memoised per (N, L, P) and losses per (t, N, L, P); instances are thread-safe.
 */
public final class ExactJointLoss {

    /** The resources that fix a landscape: width N, depth L, context P (each possibly infinite). */
    private record Shape(Extent width, Depth depth, Extent context) {
    }

    /** A loss evaluation: training time t (+∞: optimal γ) on the landscape of a shape. */
    private record Point(double time, Shape shape) {
    }

    private final int dim;
    private final PowerLaw powerLaw;
    private final Map<Point, Double> memo = new ConcurrentHashMap<>();
    private final Map<Point, Double> gammas = new ConcurrentHashMap<>();
    private final Map<Shape, OptimumSearch.Optimum> optima = new ConcurrentHashMap<>();
    private final Map<Shape, Double> minimisers = new ConcurrentHashMap<>();

    /**
     * @param dim D, the dimension used when N or P is finite (the N = P = ∞ regime is at D = ∞)
     */
    public ExactJointLoss(double nu, double beta, int dim) {
        if (dim < 2) {
            throw new InvalidInputException("dim", dim, "an integer >= 2");
        }
        this.dim = dim;
        this.powerLaw = PowerLaw.of(nu, beta, dim);
    }

    public int dim() {
        return dim;
    }

    /**
     * The model whose landscape is the exact joint loss at (N, L, P): RRS, σ = 0, the power law at D = ∞
     * ({@link Continuum}) when N = P = ∞, else over D = {@link #dim()} modes ({@link PowerLaw}); its regime (and so the
     * computation) is decided by {@link Landscapes#regime}.
     *
     * @param width N: an integer in [1, D] or {@link Extent#INFINITE} (N = D is full width, no bottleneck)
     * @param context P: a length &gt; 0 or {@link Extent#INFINITE}
     */
    public ModelSpec spec(Extent width, Depth depth, Extent context) {
        if (width.finite() && !(width.value() == Math.rint(width.value()) && width.value() <= dim)) {
            throw new InvalidInputException("width", width, "an integer in [1, D = " + dim + "] (or inf) for the exact loss");
        }
        boolean continuum = width.infinite() && context.infinite();
        SpectrumSpec spectrum = continuum ? powerLaw.continuum() : powerLaw;
        return ModelSpec.rrs(spectrum).width(width).depth(depth).contextLength(context).build();
    }

    /** Which method evaluates the loss at finite/infinite width and context (one of the regimes of {@link #spec}). */
    public String method(Extent width, Extent context) {
        Regime regime = Landscapes.regime(spec(width, Depth.of(1), context));
        return switch (regime) {
            case CONTINUUM -> "RRS sum over all modes at D = inf (exact head + Euler-Maclaurin tail, notes 3.4)";
            case MODE_SUM -> "RRS exact mode sum at N = D = " + dim + " (no width bottleneck, P = inf)";
            case ONE_POINT_DENSITY -> "one-point density of Lambda^1/2 Q Lambda^1/2 (RRS, P = inf, N < D, notes 3.5) at D = "
                    + dim;
            case STRUCTURED_WISHART, TWO_POINT_CONTOUR -> "two-point contour (E1)-(E3) (RRS, sigma = 0, finite P"
                    + (regime == Regime.STRUCTURED_WISHART ? ", N = D" : ", N < D") + ", deteq-general.md) at D = " + dim;
            default -> throw new IllegalStateException("regime " + regime + " at sigma = 0");
        };
    }

    /**
     * The landscape γ ↦ 𝓛(γ) at width N, depth L, context P ({@link Landscapes#of} on {@link #spec}; built solvers
     * are shared through the model layer's cache).
     */
    public GammaLandscape landscape(Extent width, Depth depth, Extent context) {
        if (context.finite() && depth.infinite()) {
            throw new InvalidInputException("depth", "inf", "a finite depth for finite context (two-point contour)");
        }
        // a cancellation on the contour (excess < −1e-9) is a ComputationException: the shape search skips it
        return Landscapes.of(spec(width, depth, context));
    }

    /**
     * Exact loss at time t (+∞: optimal γ, needs finite L or a finite-N/P regime with finite L), width N,
     * depth L and context P ({@link Extent#INFINITE}, {@link Depth#INFINITE} for ∞).
     */
    public double loss(double t, Extent width, Depth depth, Extent context) {
        Shape shape = new Shape(width, depth, context);
        Point key = new Point(t, shape);
        Double cached = memo.get(key);
        if (cached != null) {
            return cached;
        }
        // finite-depth contour landscapes through their per-level interpolants (degree 2L in γ, 2L + 1 samples per
        // level): the minimiser solve and the flow below ask ~360 derivatives, two n × n bilinear forms apiece
        GammaLandscape ls = StructuredLandscapes.interpolated(landscape(width, depth, context));
        double value;
        double gamma;
        if (Double.isInfinite(t)) {
            if (depth.infinite()) {
                throw new InvalidInputException("computeFormula", "(no t and no L)",
                        "a formula with t or L for the exact optimisation (t = L = inf has no finite optimal gamma)");
            }
            OptimumSearch.Optimum o = OptimumSearch.minimise(ls);
            value = o.loss();
            gamma = o.gamma();
        } else {
            double star = depth.infinite() ? Double.NaN : minimisers.computeIfAbsent(shape, k -> minimiser(ls));
            OptimumSearch.Optimum opt = null;
            if (Double.isNaN(star) && !depth.infinite()) {
                try {
                    opt = optima.computeIfAbsent(shape, k -> OptimumSearch.minimise(ls));
                } catch (ComputationException e) {
                    opt = null; // (contour growth limit near the stability edge) plain integration to t
                }
            }
            double[] g = Double.isNaN(star) ? stepped(ls, t, opt) : flow(ls, t, star);
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

    /**
     * γ(t) and 𝓛(γ(t)) for dγ/dt = −½ d𝓛/dγ from γ(0) = 0. At finite L the landscapes are convex in γ (sums/integrals
     * of (1 − γs/L)^{2L} against a non-negative measure), so γ(t) rises monotonically to the minimiser γ*: with γ*
     * bracketed as the zero of d𝓛/dγ to 1e-9 (relative), t(γ) = ∫₀^γ dg/(−½𝓛'(g)) is integrated and inverted in
     * u = ln(1 + γ/s) − ln(1 − γ/γ*) ({@link FlowQuadrature#towardsFixedPoint}; s = f(0)/|f'(0)| by a difference):
     * ~100 derivatives where Dormand–Prince with doubling checkpoints took ~1,000 (N = 61, L = 3, D = 64, t = 89.6:
     * 99 against 1,006), and γ(t) within ~1e-15 of Dormand–Prince at tolerance 1e-14 where the former route was
     * 1e-14 to 3e-7 off (its hold at a loss gap of 1e-12); a flow at its minimiser stops within ~1e-9 γ* of γ*, below
     * the loss's resolution. Otherwise (L = ∞, no optimum, or an optimum that is not such a zero) {@link #stepped}.
     */
    private static double[] flow(GammaLandscape ls, double t, double star) {
        DoubleUnaryOperator rate = g -> -0.5 * ls.lossDerivative(g);
        // the scale where the rate starts to fall: f(0)/|f'(0)| from a difference over 1e-3 γ* (within a factor)
        double probe = 1e-3 * star;
        double f0 = rate.applyAsDouble(0);
        double drop = f0 - rate.applyAsDouble(probe);
        double scale = drop > 0 ? Math.min(star, Math.max(probe, f0 * probe / drop)) : star;
        double gamma = FlowQuadrature.towardsFixedPoint("gradient flow (exact joint loss)", rate, star, scale,
                new double[] {t})[0];
        return new double[] {gamma, ls.loss(gamma)};
    }

    /**
     * The minimiser γ* of a finite-depth landscape as the zero of its rate −½𝓛' in (0, stability edge] (convex: one
     * sign change; Brent to 1e-15), bracketed by {@link #fixedPoint}; NaN when the rate does not change sign there
     * or the landscape cannot be evaluated up to the edge (then {@link OptimumSearch} and {@link #stepped}). About 40
     * derivatives where the 256-point grid of {@link OptimumSearch#minimise} took ~270 losses.
     */
    private static double minimiser(GammaLandscape ls) {
        DoubleUnaryOperator rate = g -> -0.5 * ls.lossDerivative(g);
        double edge = ls.stabilityEdge();
        try {
            if (!(edge > 0) || !Double.isFinite(edge) || !(rate.applyAsDouble(0) > 0) || !(rate.applyAsDouble(edge) <= 0)) {
                return Double.NaN;
            }
            double f0 = rate.applyAsDouble(0);
            // scaled to O(1) so that Brent's sign test does not underflow for tiny rates (cf. OptimumSearch)
            double unit = Math.scalb(1.0, -Math.getExponent(f0));
            double root = new BracketingNthOrderBrentSolver(1e-15, 1e-15 * edge, 1e-300, 5)
                    .solve(200, g -> unit * rate.applyAsDouble(g), 0, edge);
            return fixedPoint(rate, root);
        } catch (ComputationException | MathRuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * γ* or the next double above it when there the rate −½𝓛' is ≤ 0 while at γ*(1 − 1e-9) it is &gt; 0 (a bracket of
     * its first zero tight enough for {@link FlowQuadrature#towardsFixedPoint}), else NaN.
     */
    private static double fixedPoint(DoubleUnaryOperator rate, double gamma) {
        if (!(gamma > 0) || !(rate.applyAsDouble(0) > 0) || !(rate.applyAsDouble(gamma * (1 - 1e-9)) > 0)) {
            return Double.NaN;
        }
        for (double star = gamma, step = 1e-15; step < 1e-9; star = gamma * (1 + step), step *= 8) {
            if (rate.applyAsDouble(star) <= 0) {
                return star;
            }
        }
        return Double.NaN;
    }

    /**
     * The same flow by Dormand-Prince 8(5,3) at the tolerances of {@link GradientFlow}, for landscapes without a
     * bracketed minimiser: near γ* the flow is stiff (rate ½𝓛''(γ*), explicit steps O(1)); the integration
     * ({@link OdeSampler}) therefore runs over doubling checkpoints 1, 2, 4, …, t and holds the state once
     * 𝓛(γ) − 𝓛(γ*) ≤ 1e-12 𝓛(γ*): the loss at t then lies between the two, and 𝓛(γ) is returned.
     */
    private static double[] stepped(GammaLandscape ls, double t, OptimumSearch.Optimum opt) {
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
    public double gamma(double t, Extent width, Depth depth, Extent context) {
        return gammas.getOrDefault(new Point(t, new Shape(width, depth, context)), Double.NaN);
    }

    /** Number of distinct loss evaluations so far. */
    public int evaluations() {
        return memo.size();
    }

}
