package org.iclscale.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.iclscale.core.Diagnostics;
import org.iclscale.core.Gamma;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Numbers;
import org.iclscale.core.Setting;
import org.iclscale.deteq.StructuredLandscapes;
import org.iclscale.scaling.ComputeFormula;
import org.iclscale.scaling.ComputeOptimal;
import org.iclscale.scaling.ExponentTable;
import org.iclscale.scaling.TailSum;
import org.iclscale.scaling.Term;
import org.iclscale.scaling.Verification;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.sweep.IndexRange;
import org.iclscale.theory.FsModel;
import org.iclscale.theory.FullAttentionFlow;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.GradientFlow;
import org.iclscale.theory.IsoModel;
import org.iclscale.theory.LossEvaluation;
import org.iclscale.theory.OptimumSearch;
import org.iclscale.theory.TimeConvention;
import org.iclscale.theory.UntiedLayers;

/**
 * The front door of ICLScale as a library: every quantity of the theory for a {@link ModelSpec}, returned as an
 * immutable typed result that carries its parameters, regime, method and diagnostics. The command line, the
 * sweep engine, {@code serve}, the Python package, the Spark runner and the figures are adapters over this class.
 *
 * <pre>{@code
 * Theory theory = Theory.standard();
 * OptimumResult opt = theory.optimum(ModelSpec.iso().alpha(0.5).depth(16).build());
 * RiskResult r = theory.risk(ModelSpec.rrs(PowerLaw.of(1.5, 0.8, 64)).alpha(4).width(16).depth(4).build(), Gamma.of(3));
 * FlowResult f = theory.flow(ModelSpec.iso().alpha(1).depth(4).build(), FlowRequest.tied(1, 10, 100));
 * }</pre>
 *
 * Which computation a spec gets is decided by {@link Landscapes} alone. Thread-safe: a {@code Theory} holds no
 * per-call state, and one instance may serve any number of threads.
 */
public final class Theory {

    private static final Theory STANDARD = new Theory();

    private Theory() {
    }

    /** Relative width of the flat interval (of γ*) beyond which an optimum reports it. */
    static final double FLAT_RELATIVE_WIDTH = 1e-3;

    /** The shared instance. */
    public static Theory standard() {
        return STANDARD;
    }

    /** The regime of {@code spec} ({@link Landscapes#regime}). */
    public Regime regime(ModelSpec spec) {
        return Landscapes.regime(spec);
    }

    /** The loss landscape γ ↦ 𝓛(γ) of {@code spec} ({@link Landscapes#of}). */
    public GammaLandscape landscapeOf(ModelSpec spec) {
        return Landscapes.of(spec);
    }

    /** The loss landscape of {@code spec} under {@code method} ({@link Landscapes#of(ModelSpec, Method)}). */
    public GammaLandscape landscapeOf(ModelSpec spec, Method method) {
        return Landscapes.of(spec, method);
    }

    /**
     * The loss at γ: a fixed value, the optimum ({@link Gamma#OPTIMAL}: needs a finite search range, i.e. finite
     * depth, or a model that knows its infimum) or γ = ∞ (the floors of {@link Landscapes#floor}).
     */
    public RiskResult risk(ModelSpec spec, Gamma gamma) {
        return risk(spec, gamma, Method.THEORY);
    }

    /**
     * {@link #risk(ModelSpec, Gamma)} computed by {@code method}: with {@link Method#MONTE_CARLO} the defining model
     * at the spectrum's D, its standard error in the diagnostics ({@code standardError}); the floors (γ = ∞) are
     * limits and have no Monte Carlo.
     */
    public RiskResult risk(ModelSpec spec, Gamma gamma, Method method) {
        if (gamma.infinite()) {
            if (spec.setting() != Setting.ISO && !spec.depth().infinite()) {
                throw new InvalidInputException("gamma", "inf", "a finite number or opt unless depth = inf (the floors "
                        + "are the t, L -> inf limits)");
            }
            FloorResult f = floor(spec, method);
            Diagnostics.Builder d = Diagnostics.builder().put("ridge", f.ridge());
            if (f.report() != null) {
                d.put("solverResidual", f.report().residual());
            }
            Regime regime = method == Method.MONTE_CARLO ? Regime.MONTE_CARLO : Landscapes.regime(spec);
            return new RiskResult(spec, regime, Double.POSITIVE_INFINITY, f.loss(), f.excessLoss(),
                    Double.POSITIVE_INFINITY, f.method(), d.build(), List.of());
        }
        Regime regime = Landscapes.regime(spec, method);
        GammaLandscape landscape = Landscapes.of(spec, method);
        String text = landscape.method();
        double g;
        if (gamma.optimal()) {
            if (!Double.isFinite(landscape.stabilityEdge())) {
                throw new InvalidInputException("depth", spec.depth(),
                        "a finite integer >= 1 for gamma = opt (use the optimum for depth inf)");
            }
            OptimumSearch.Optimum opt = landscape.optimum();
            g = opt.gamma();
            text += regime == Regime.MONTE_CARLO ? "; gamma by " + opt.search() : "; gamma by global grid + Brent search";
        } else {
            g = gamma.value();
        }
        return riskAt(spec, regime, landscape, g, text);
    }

    /**
     * {@link #risk(ModelSpec, Gamma)} at every finite γ of {@code gammas} ({@link Method#THEORY}), in order: the same
     * results as γ by γ, from one landscape and one batched evaluation ({@link GammaLandscape#evaluateAll}; a
     * sweep over γ, issue 17 goal 2). A γ that {@code risk} refuses makes this throw; callers that must report
     * which γ failed evaluate them one by one.
     */
    public RiskResult[] risks(ModelSpec spec, double[] gammas) {
        RiskRun run = riskRun(spec, gammas);
        RiskResult[] out = new RiskResult[gammas.length];
        for (int k = 0; k < gammas.length; k++) {
            out[k] = run.result(k);
        }
        return out;
    }

    /**
     * {@link #risks} as a {@link RiskRun}: the losses as primitives, each γ's notes and diagnostics only when its
     * {@link RiskResult} is asked for (a sweep's CSV rows need the numbers alone). The same values as
     * {@link #risks}: both come from one {@link #clampedLoss} and one riskAt.
     */
    public RiskRun riskRun(ModelSpec spec, double[] gammas) {
        Regime regime = Landscapes.regime(spec, Method.THEORY);
        GammaLandscape landscape = Landscapes.of(spec, Method.THEORY);
        String text = landscape.method();
        LossEvaluation[] e = landscape.evaluateAll(gammas.clone());
        double noise = landscape.noiseVariance();
        double[] loss = new double[gammas.length];
        double[] excess = new double[gammas.length];
        for (int k = 0; k < gammas.length; k++) {
            loss[k] = clampedLoss(regime, e[k].loss(), noise);
            excess[k] = loss[k] - noise;
        }
        return new RiskRun(spec, gammas, loss, excess, e, landscape.stabilityEdge(),
                (gamma, evaluation) -> riskAt(spec, regime, landscape, gamma, text, evaluation));
    }

    /** The reported loss: a residue in (σ² − {@link #ROUND_OFF}, σ²) below the noise floor is σ² (riskAt's note). */
    private static double clampedLoss(Regime regime, double loss, double noise) {
        return roundOffResidue(regime, loss, noise) ? noise : loss;
    }

    private static boolean roundOffResidue(Regime regime, double loss, double noise) {
        return regime != Regime.MONTE_CARLO && loss < noise && loss > noise - ROUND_OFF;
    }

    /** The loss at γ on an already built landscape of {@code spec}, with the stability-edge and finite-size notes. */
    private static RiskResult riskAt(ModelSpec spec, Regime regime, GammaLandscape landscape, double gamma,
            String method) {
        return riskAt(spec, regime, landscape, gamma, method, landscape.evaluate(gamma));
    }

    /** {@link #riskAt(ModelSpec, Regime, GammaLandscape, double, String)} from the landscape's evaluation at γ. */
    private static RiskResult riskAt(ModelSpec spec, Regime regime, GammaLandscape landscape, double gamma,
            String method, LossEvaluation e) {
        double edge = landscape.stabilityEdge();
        List<String> notes = new ArrayList<>(edgeNotes(spec, regime, gamma, edge));
        notes.addAll(FiniteSizeNotes.of(spec, regime, gamma, edge));
        double loss = e.loss();
        double noise = landscape.noiseVariance();
        if (roundOffResidue(regime, loss, noise)) {
            // the loss is a mean square above the noise floor; a residue below it is the cancellation in 1 + integral
            notes.add(String.format(Locale.ROOT, "the computed excess loss %.3g is a round-off residue below the noise "
                    + "floor (within %.0e): reported as 0", loss - noise, ROUND_OFF));
            loss = noise;
        }
        return new RiskResult(spec, regime, gamma, loss, loss - noise, edge, method, e.diagnostics(), notes);
    }

    /** The note for a γ beyond the stability edge (none inside it), in the words of the regime. */
    private static List<String> edgeNotes(ModelSpec spec, Regime regime, double gamma, double edge) {
        if (!Double.isFinite(edge) || !(gamma > edge)) {
            return List.of();
        }
        if (regime == Regime.MONTE_CARLO) {
            return List.of("gamma is beyond the equivalent's stability edge 2L/s+ = " + edge + ": the draws whose top "
                    + "eigenvalue exceeds 2L/gamma grow like |1 - gamma lambda/L|^(2L) and dominate this mean, so it "
                    + "is heavy-tailed and its standard error unreliable; the D -> inf loss diverges as L grows");
        }
        if (regime.exact()) {
            return List.of("gamma is beyond the stability edge 2L/lambda_max: in-context GD diverges as L grows");
        }
        return List.of("gamma is beyond the stability edge 2L/s+ (s+ the top of the equivalent spectrum): in-context "
                + "GD diverges as L grows; at finite D most draws are stable slightly beyond it (their top eigenvalue "
                + "fluctuates below s+)");
    }

    /**
     * Absolute accuracy of a landscape's loss (the quadratures and sums converge to ~1e-13 relative to the loss at
     * γ = 0, which is 1 + σ² at most a few): an excess loss in (−ROUND_OFF, 0) is round-off and printed as 0 (a
     * negative loss was printed at α = 2, L = 2³¹ − 2, γ = 5·10⁵, issue 18); anything lower stays visible.
     */
    static final double ROUND_OFF = 1e-12;

    /**
     * The loss after training time T by gradient flow from Γ(0) = 0 (dΓ/dt = −½ ∂𝓛/∂Γ in the ½ convention). FS at
     * α = ∞: the trained diagonal Γ(T) of Result 4 (exact per-mode solution; {@code gamma} is NaN and
     * {@code diagnostics} holds {@code gammaMode1}, its top eigenvalue); elsewhere γ(T) of the scalar flow.
     */
    public RiskResult riskAfter(ModelSpec spec, double time, TimeConvention convention) {
        if (!(time >= 0) || !Double.isFinite(time)) {
            throw new InvalidInputException("time", time, "a finite number >= 0");
        }
        if (spec.setting() == Setting.FS) {
            Landscapes.regime(spec); // refuses what no regime covers before the spectrum is used
            if (spec.alpha().finite()) {
                throw new InvalidInputException("alpha", spec.alpha(), "inf for setting fs with a training time (the "
                        + "trained diagonal Gamma(T) of Result 4 is an alpha = inf result)");
            }
            FsModel fs = Landscapes.fsModes(spec, convention);
            double loss = fs.loss(time);
            return new RiskResult(spec, Landscapes.regime(spec), Double.NaN, loss, loss - fs.noiseVariance(),
                    Double.POSITIVE_INFINITY, "FS (alpha = inf) Result 4: exact separable solution per mode, Gamma(0) = 0",
                    Diagnostics.builder().put("gammaMode1", fs.gamma(0, time)).build(), List.of());
        }
        requireFlowModes(spec);
        GammaLandscape landscape = Landscapes.of(spec);
        GradientFlow.Trajectory traj = GradientFlow.integrate(landscape, new double[] {convention.factor() * time});
        double g = traj.gamma()[0];
        return riskAt(spec, Landscapes.regime(spec), landscape, g, landscape.method() + "; gamma(T) by Dormand-Prince 8(5,3) gradient flow");
    }

    /** The t, L → ∞ floor of {@code spec} ({@link Landscapes#floor}). */
    public FloorResult floor(ModelSpec spec) {
        return Landscapes.floor(spec);
    }

    /**
     * The t, L → ∞ floor of {@code spec} by {@code method} ({@link Landscapes#floor(ModelSpec, Method)}: with
     * {@link Method#MONTE_CARLO} the finite-D width floor of the projection average at P = ∞, N &lt; D).
     */
    public FloorResult floor(ModelSpec spec, Method method) {
        return Landscapes.floor(spec, method);
    }

    /**
     * The optimal γ and its loss: the landscape's own {@link GammaLandscape#optimum()} (a global grid up to the
     * stability edge and Brent by default; closed forms, convex searches and infima where the model has them); FS
     * at α = N = ∞ adds the matrix optimum Γ = LΣ⁻¹ of Result 3; ISO adds its closed forms.
     */
    public OptimumResult optimum(ModelSpec spec) {
        return optimum(spec, Method.THEORY, Double.NaN);
    }

    /**
     * {@link #optimum(ModelSpec)} computed by {@code how} and searched on (0, gammaMax] when {@code gammaMax} is a
     * number (NaN: the landscape's own search, which continues past the stability edge while the loss still falls).
     * A minimiser at the end of the searched range is reported only with the loss still falling there, and a note
     * says so (issue 16 defect 1).
     */
    public OptimumResult optimum(ModelSpec spec, Method how, double gammaMax) {
        Regime regime = Landscapes.regime(spec, how);
        GammaLandscape landscape = Landscapes.of(spec, how);
        List<String> notes = new ArrayList<>();
        boolean bounded = !Double.isNaN(gammaMax);
        OptimumSearch.Optimum opt = bounded ? landscape.optimum(gammaMax) : landscape.optimum();
        Optional<OptimumResult.MatrixOptimum> matrix = Optional.empty();
        if (spec.setting() == Setting.FS && regime == Regime.MODE_SUM && !spec.depth().infinite()) {
            matrix = Optional.of(result3(spec, opt));
        } else if (spec.setting() == Setting.FS && regime != Regime.MODE_SUM) {
            notes.add("finite alpha: optimum along Gamma = gamma*I (the matrix optimum of Result 3 is an alpha = inf "
                    + "result)");
        }
        LossEvaluation at = opt.infimum() ? LossEvaluation.of(opt.loss()) : landscape.evaluate(opt.gamma());
        if (!opt.infimum() && opt.loss() == 0) {
            notes.add("the loss underflows to 0 in double precision over a range of gamma, so the minimiser is not "
                    + "determined numerically" + (spec.setting() == Setting.ISO && spec.sigma() == 0
                    ? "; closedFormGamma is the exact one" : ""));
        }
        if (opt.atUpperBound()) {
            notes.add("the optimum lies at the end of the searched range: the loss still decreases beyond gamma = "
                    + Numbers.prose(opt.upperBound()) + (bounded ? " (gammaMax): a larger gammaMax may find a lower loss"
                    : spec.setting() == Setting.ISO && spec.depth().infinite() ? "" : " (the search was extended past "
                    + "the stability edge until it could go no further)"));
        }
        if (!opt.infimum()) {
            notes.addAll(edgeNotes(spec, regime, opt.gamma(), landscape.stabilityEdge()));
            notes.addAll(FiniteSizeNotes.of(spec, regime, opt.gamma(), landscape.stabilityEdge()));
        }
        String method = opt.infimum() ? opt.search() : landscape.method() + "; " + opt.search();
        Optional<OptimumSearch.Interval> flat = Optional.empty();
        if (!opt.infimum() && regime != Regime.MONTE_CARLO && opt.loss() - landscape.noiseVariance() > 0) {
            OptimumSearch.Interval iv = OptimumSearch.flatInterval(landscape, opt.gamma(), opt.loss(), opt.upperBound());
            if (iv.hi() - iv.lo() > FLAT_RELATIVE_WIDTH * opt.gamma()) {
                flat = Optional.of(iv);
                notes.add("flat minimum: every gamma in [" + Numbers.prose(iv.lo()) + ", " + Numbers.prose(iv.hi())
                        + "] has an excess loss within a relative " + Numbers.prose(OptimumSearch.FLAT_TOLERANCE)
                        + " of the minimum, so the loss determines the "
                        + "minimiser only to that interval" + (opt.search().startsWith("closed form")
                        ? " (gamma is the exact closed-form minimiser)" : ""));
            }
        }
        return new OptimumResult(spec, regime, opt.gamma(), opt.loss(), opt.loss() - landscape.noiseVariance(),
                landscape.stabilityEdge(), opt.evaluations(), opt.atUpperBound(), opt.upperBound(), method,
                at.diagnostics(), isoClosedForm(spec), matrix, flat, notes);
    }

    /** Result 3 (FS, α = ∞): Γ = LΣ⁻¹ has zero excess loss at every depth; the best Γ = γI next to it. */
    private static OptimumResult.MatrixOptimum result3(ModelSpec spec, OptimumSearch.Optimum iso) {
        Spectrum s = spec.finiteSpectrum().spectrum();
        int l = spec.depth().steps();
        int shown = Math.min(8, s.dim());
        double[] modes = new double[shown];
        for (int k = 0; k < shown; k++) {
            modes[k] = l / s.lambdaAt(k);
        }
        return new OptimumResult.MatrixOptimum(modes, iso.gamma(), iso.loss());
    }

    /** ISO closed forms (paper-notes §3.1): σ = 0 any L (γ* finite L only), L = 1 any σ. */
    private static Optional<OptimumResult.ClosedForm> isoClosedForm(ModelSpec spec) {
        if (spec.setting() != Setting.ISO) {
            return Optional.empty();
        }
        double alpha = spec.alpha().value();
        if (spec.sigma() == 0) {
            OptionalDouble g = spec.depth().infinite() ? OptionalDouble.empty()
                    : OptionalDouble.of(IsoModel.optimalNoiselessGamma(alpha, spec.depth().steps()));
            return Optional.of(new OptimumResult.ClosedForm(g, IsoModel.optimalNoiselessLoss(alpha, spec.depth())));
        }
        if (!spec.depth().infinite() && spec.depth().steps() == 1) {
            double[] closed = IsoModel.optimalDepthOne(alpha, spec.sigma());
            return Optional.of(new OptimumResult.ClosedForm(OptionalDouble.of(closed[0]), closed[1]));
        }
        return Optional.empty();
    }

    /**
     * The landscape along γ/L on {@code points} points of (0, upper], upper = {@code maxPerLayer} or, when that is
     * NaN, the stability edge per layer 2/λ_max (paper Fig. 2). Finite depth only.
     */
    public LandscapeCurve landscape(ModelSpec spec, int points, double maxPerLayer) {
        return landscape(spec, points, maxPerLayer, Method.THEORY);
    }

    /**
     * The landscape along γ on {@code points} points of (0, gammaMax] (a caller's range in γ, not γ/L; issue 16
     * defect 1), computed by {@code method}.
     */
    public LandscapeCurve landscapeUpTo(ModelSpec spec, int points, double gammaMax, Method method) {
        OptimumSearch.checkGammaMax(gammaMax);
        if (spec.depth().infinite()) {
            throw new InvalidInputException("depth", "inf", "a finite integer >= 1 (the landscape is drawn against gamma/L)");
        }
        return landscape(spec, points, gammaMax / spec.depth().steps(), method);
    }

    /**
     * {@link #landscape(ModelSpec, int, double)} computed by {@code method} (Monte Carlo: one run per point, common
     * random numbers, the standard error of each point in {@link LandscapeCurve#standardError}). A note says when the
     * loss still falls at the end of the range (the minimum lies beyond it).
     */
    public LandscapeCurve landscape(ModelSpec spec, int points, double maxPerLayer, Method method) {
        if (points < 2) {
            throw new InvalidInputException("points", points, "an integer >= 2");
        }
        Regime regime = Landscapes.regime(spec, method);
        GammaLandscape landscape = Landscapes.of(spec, method);
        if (spec.depth().infinite()) {
            throw new InvalidInputException("depth", "inf", "a finite integer >= 1 (the landscape is drawn against gamma/L)");
        }
        int l = spec.depth().steps();
        double edge = landscape.stabilityEdge() / l;
        double upper = Double.isNaN(maxPerLayer) ? edge : maxPerLayer;
        if (!(upper > 0) || !Double.isFinite(upper)) {
            throw new InvalidInputException("max", upper, "a finite number > 0");
        }
        double[] perLayer = new double[points];
        double[] gamma = new double[points];
        double[] loss = new double[points];
        double[] excess = new double[points];
        boolean monteCarlo = regime == Regime.MONTE_CARLO;
        double[] se = new double[monteCarlo ? points : 0];
        for (int i = 0; i < points; i++) {
            perLayer[i] = upper * (i + 1) / points;
            gamma[i] = perLayer[i] * l;
            LossEvaluation e = landscape.evaluate(gamma[i]);
            loss[i] = e.loss();
            excess[i] = loss[i] - landscape.noiseVariance();
            if (monteCarlo) {
                se[i] = e.diagnostics().get("standardError").doubleValue();
            }
        }
        List<String> notes = new ArrayList<>();
        if (points >= 2 && loss[points - 1] < loss[points - 2]) {
            notes.add("the loss still decreases at the end of the range gamma = " + gamma[points - 1] + ": the minimum "
                    + "lies beyond it (optimum searches past the stability edge; gammaMax widens the range)");
        }
        if (!regime.exact() && !monteCarlo && Double.isFinite(edge)) {
            notes.addAll(FiniteSizeNotes.of(spec, regime, Double.NaN, edge));
        }
        return new LandscapeCurve(spec, regime, perLayer, gamma, loss, excess, se, edge, landscape.method(),
                Diagnostics.none(), notes);
    }

    /**
     * The loss of untied layers Γ^ℓ = γ^ℓ I (paper App. G.1, notes §3.6; RRS, N ≥ D): signal at α = ∞,
     * Σ_k p_k Π_ℓ(1 − γ^ℓλ_k/L)²; noise of App. G.1.2 to leading order in 1/α. The depth of {@code spec} must be 1
     * (taken from the number of layers) or the number of layers.
     */
    public UntiedRiskResult untiedRisk(ModelSpec spec, double[] layerGammas) {
        if (spec.setting() != Setting.RRS) {
            throw new InvalidInputException("layerGammas", join(layerGammas), "only with setting rrs");
        }
        for (double g : layerGammas) {
            if (!(g >= 0) || !Double.isFinite(g)) {
                throw new InvalidInputException("layerGammas", join(layerGammas), "finite numbers >= 0");
            }
        }
        if (!spec.depth().infinite() && spec.depth().steps() != 1 && spec.depth().steps() != layerGammas.length) {
            throw new InvalidInputException("depth", spec.depth(), layerGammas.length + " (the number of layer gammas) or "
                    + "omitted");
        }
        if (!(spec.spectrum() instanceof FiniteSpectrum f)) {
            throw new InvalidInputException("continuum", "not available for untied layers (they need a finite list of "
                    + "modes: give dim)");
        }
        if (spec.widthBelowDimension()) {
            throw new InvalidInputException("width", spec.width(), "inf for untied layers (N = D)");
        }
        UntiedLayers untied = new UntiedLayers(f.spectrum(), layerGammas.length);
        double contextLength = spec.contextLength();
        double loss = untied.loss(layerGammas, spec.sigma(), contextLength);
        return new UntiedRiskResult(spec, layerGammas, loss, loss - spec.noiseVariance(), untied.signal(layerGammas),
                untied.noise(layerGammas, spec.sigma(), contextLength), "untied layers (App. G.1): signal at alpha = inf, "
                + "sum_k p_k prod_l (1 - gamma^l lambda_k/L)^2; noise App. G.1.2 to leading order in 1/alpha (empirical "
                + "covariance -> Lambda in the layer products)");
    }

    /**
     * Gradient flow from Γ(0) = 0: tied (Results 1, 6, on the landscape of the regime), untied (App. G.1, RRS at
     * N = ∞, finite depth), full attention (Result 9, γ = w⁵ from w(0) = init), and FS at α = ∞ per mode
     * (Result 4).
     */
    public FlowResult flow(ModelSpec spec, FlowRequest request) {
        if (spec.setting() == Setting.FS) {
            return fsFlow(spec, request);
        }
        if (request.modes().length > 0) {
            throw new InvalidInputException("modes", join(request.modes()), "only with setting fs (per-mode eigenvalues)");
        }
        if (request.odeSolver()) {
            throw new InvalidInputException("solver", "ode", "exact here (the ODE solver is an option of setting fs)");
        }
        requireFlowModes(spec);
        double[] t = request.times();
        TimeConvention conv = request.convention();
        double[] scaled = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            scaled[i] = conv.factor() * t[i];
        }
        GammaLandscape landscape = Landscapes.of(spec);
        Regime regime = Landscapes.regime(spec);
        Map<String, double[]> columns = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        double[] gamma;
        double[] loss;
        int evaluations;
        String convention;
        String method;
        switch (request.rule()) {
            case FULL_ATTENTION -> {
                double w0 = request.init();
                FullAttentionFlow.Trajectory traj = FullAttentionFlow.integrate(landscape, w0, t, conv.factor());
                gamma = traj.gamma();
                loss = traj.loss();
                evaluations = traj.evaluations();
                convention = conv.description() + " on the attention weights; gamma = w^5, dw/dt = w^4 (-1/2 dLoss/dgamma)"
                        + (conv == TimeConvention.APPENDIX_D ? " x 2" : "");
                method = "Result 9 (L^-1 restored), Dormand-Prince 8(5,3) (tolerance " + FullAttentionFlow.ABSOLUTE_TOLERANCE
                        + "), small balanced init w(0) = init (w_q = w_k = w_v = w, w_x = sqrt2 w; exact factorised flow = this"
                        + " at time 2^(2/5) t); loss: " + landscape.method();
                columns.put("w", traj.w());
            }
            case UNTIED -> {
                if (spec.setting() != Setting.RRS || spec.depth().infinite() || regime != Regime.MODE_SUM) {
                    throw new InvalidInputException("rule", "untied", "tied or full-attention here (untied layers need"
                            + " setting rrs at alpha = N = inf with a finite list of modes and a finite depth)");
                }
                Spectrum s = spec.finiteSpectrum().spectrum();
                int l = spec.depth().steps();
                double tEnd = scaled.length == 0 ? 0 : scaled[scaled.length - 1];
                if (UntiedLayers.work(tEnd, l, s.dim()) > UntiedLayers.MAX_WORK) {
                    // no fixed point to stop at (the balanced point is a saddle): refuse what cannot end soon
                    throw new InvalidInputException(t.length == 0 ? "depth" : "times", t.length == 0 ? l : t[t.length - 1],
                            String.format(Locale.ROOT, "(t + 100) L D <= %.0e for the untied rule (the explicit flow of the "
                                    + "L per-layer gammas costs ~ t L D; here L = %d, D = %d)", UntiedLayers.MAX_WORK, l,
                                    s.dim()));
                }
                UntiedLayers u = new UntiedLayers(s, l);
                double[][] g = u.flow(new double[l], scaled);
                gamma = new double[t.length];
                loss = new double[t.length];
                double[] spread = new double[t.length];
                for (int i = 0; i < t.length; i++) {
                    double min = Double.POSITIVE_INFINITY;
                    double max = Double.NEGATIVE_INFINITY;
                    double mean = 0;
                    for (double x : g[i]) {
                        min = Math.min(min, x);
                        max = Math.max(max, x);
                        mean += x / l;
                    }
                    gamma[i] = mean;
                    spread[i] = max - min;
                    loss[i] = spec.noiseVariance() + u.signal(g[i]);
                }
                evaluations = 0;
                convention = conv.description() + "; untied learning rate eta0*L";
                method = "untied layers (App. G.1): Dormand-Prince on the L per-layer gammas from 0; gamma = layer mean";
                columns.put("layerSpread", spread);
                notes.add("from equal init the layers stay balanced (gamma^l = tied gamma); the balanced point is a saddle for"
                        + " L >= 2, so layerSpread shows whether rounding has broken the symmetry");
            }
            default -> {
                GradientFlow.Trajectory traj = GradientFlow.integrate(landscape, scaled);
                gamma = traj.gamma();
                loss = traj.loss();
                evaluations = traj.evaluations();
                convention = conv.description() + ", Gamma(0) = 0";
                method = "Dormand-Prince 8(5,3) (abs/rel tolerance " + GradientFlow.ABSOLUTE_TOLERANCE + "); loss: "
                        + landscape.method();
            }
        }
        double[] excess = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            excess[i] = loss[i] - landscape.noiseVariance();
        }
        return new FlowResult(spec, regime, request, t, gamma, loss, excess, columns, evaluations, convention, method, notes);
    }

    /**
     * Most modes of a γ-flow over an explicit mode sum: the flow evaluates the landscape hundreds to thousands of
     * times, each a sum over all D modes (D = 10⁶: 484 evaluations in 7 s; D = 10⁷ took minutes, issue 18).
     */
    public static final int MAX_FLOW_MODES = 1_000_000;

    /** Refuses a γ-flow over more than {@link #MAX_FLOW_MODES} modes up front, naming the continuum instead. */
    private static void requireFlowModes(ModelSpec spec) {
        if (spec.spectrum() instanceof FiniteSpectrum f && f.dim() > MAX_FLOW_MODES) {
            String valid = "at most " + MAX_FLOW_MODES + " modes for a gradient flow (each of its hundreds of loss "
                    + "evaluations sums over all D modes); the continuum at D = inf has no such limit";
            if (f instanceof PowerLaw) {
                throw new InvalidInputException("dim", f.dim(), valid);
            }
            throw new InvalidInputException("spectrum", f.dim() + " modes", valid);
        }
    }

    /** FS at α = ∞ (Result 4): the per-mode eigenvalues γ_k(t) of the diagonal Γ(t). */
    private FlowResult fsFlow(ModelSpec spec, FlowRequest request) {
        if (request.rule() != FlowRule.TIED) {
            throw new InvalidInputException("rule", request.rule().label(), "tied for setting fs (the matrix Gamma of "
                    + "Result 4)");
        }
        if (spec.alpha().finite()) {
            throw new InvalidInputException("alpha", spec.alpha(), "inf for the FS flow (Result 4 is an alpha = inf "
                    + "result)");
        }
        Regime regime = Landscapes.regime(spec);
        if (!(spec.spectrum() instanceof FiniteSpectrum)) {
            // the continuum has no list of modes to flow (a ClassCastException reached the user, issue 18)
            throw new InvalidInputException("continuum", spec.spectrum().toString(), "a finite number of modes D for "
                    + "the FS flow (Result 4 flows each mode)");
        }
        Spectrum s = spec.finiteSpectrum().spectrum();
        int[] m = request.modes();
        for (int k : m) {
            if (k < 0 || k >= s.dim()) {
                throw new InvalidInputException("modes", k + 1, "integers in [1, " + s.dim() + "]");
            }
        }
        int[] withTop = new int[m.length + 1];
        System.arraycopy(m, 0, withTop, 1, m.length);
        double[] t = request.times();
        TimeConvention conv = request.convention();
        FsModel fs = Landscapes.fsModes(spec, conv);
        FsModel.Trajectory traj = request.odeSolver() ? fs.integrateOde(t, withTop) : fs.trajectory(t, withTop);
        String convention = conv.description() + ": dgamma_k/dt = " + (conv.factor() == 1 ? "" : "2 ")
                + "omega_k lambda_k^2 (1 - lambda_k gamma_k/L)^(2L-1), Gamma(0) = 0";
        String method = request.odeSolver() ? "FS Result 4: vectorised Dormand-Prince 8(5,3) over all " + s.dim()
                + " modes (tolerances " + FsModel.ODE_ABSOLUTE_TOLERANCE + " abs, " + FsModel.ODE_RELATIVE_TOLERANCE + " rel)"
                : "FS Result 4: exact separable solution per mode (L = inf: 2 lambda_k gamma_k = ln(1 + 2g omega_k lambda_k^3 t),"
                        + " g = 1 half, 2 appendix-d)";
        double[] excess = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            excess[i] = traj.loss()[i] - fs.noiseVariance();
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int j = 0; j < m.length; j++) {
            columns.put("gammaMode" + (m[j] + 1), traj.modeGamma()[j + 1]);
        }
        List<String> notes = List.of("gamma = gamma_1(t), the top eigenvalue of the diagonal Gamma(t)",
                "time: partial derivatives by gamma_k without trace normalisation, so n SGD steps of train (learning "
                        + "rate eta) correspond to t = D*eta*n here (half convention)");
        return new FlowResult(spec, regime, request, t, traj.modeGamma()[0], traj.loss(), excess, columns,
                traj.evaluations(), convention, method, notes);
    }

    /**
     * The compute-optimal shape at one budget C (paper Result 8): the four-term law with tail-sum prefactors minimised
     * over log-resources with the budget eliminating one resource, then rounded on the integer lattice; with
     * {@link ShapeRequest#withExact} also the integer optimum of the exact joint RRS loss (gradient flow on the exact
     * landscape of {@link Landscapes}: D = ∞ for (t, L), the one-point density at finite N and the two-point contour at
     * finite P over D modes) and the exact single-bottleneck terms at the four-term shape.
     */
    public ShapeResult shape(ShapeRequest request) {
        return Shapes.shape(request);
    }

    /**
     * The compute-optimal frontier over log-spaced budgets: the continuous four-term optimum per budget, its fitted
     * slopes next to the Lagrange exponents, and with {@link FrontierRequest#withExact} the exact integer optimum per
     * budget with its fitted and last slopes.
     */
    public FrontierResult shape(FrontierRequest request) {
        return Shapes.frontier(request);
    }

    /**
     * The budgets C_i, i in {@code block}, of the frontier {@code request} (a shard of {@code shape --compute-range}):
     * per budget the same optima as {@link #shape(FrontierRequest)}, without the slopes, which need every budget.
     */
    public FrontierRows shapeRows(FrontierRequest request, IndexRange block) {
        return Shapes.rows(request, block);
    }

    /**
     * The numeric exponent table at (ν, β) (paper Result 8, notes §5.2): each term's exponent by the tail-sum rule
     * (q/p)·min(s, p·m) of {@code formulas/scaling-exponents.m} (a/(a + 2) for terms reached by gradient flow), its
     * regime and the paper's value; the compute-optimal exponents of C for {@code computeFormula} (Lagrange conditions,
     * notes §5.3); with {@code verify}, the fitted local slopes of the exact losses with a verdict per term
     * ({@link Verification#verify}: refused outside its domain ν ∈ [1.1, 3], β ∈ [0.1, 4]). No Symja.
     */
    public ExponentsResult exponents(double nu, double beta, ComputeFormula computeFormula, boolean verify) {
        ExponentTable table = new ExponentTable(nu, beta);
        if (verify) {
            Verification.checkDomain(nu, beta); // before any work: the verification's domain is narrower
        }
        Map<Term, ExponentsResult.Exponent> rows = new EnumMap<>(Term.class);
        for (Term t : Term.values()) {
            double value = table.exponent(t);
            double paper = table.paperExponent(t);
            TailSum sum = table.tailSum(t);
            rows.put(t, new ExponentsResult.Exponent(t, value, sum.regime(nu, beta), sum.dominant(nu, beta),
                    t.description(), paper, Math.abs(paper - value) > 1e-12 * Math.max(1, value), sum.saturated(nu, beta)));
        }
        ComputeOptimal optimal = ComputeOptimal.of(table, computeFormula);
        Optional<Verification.Result> check = verify ? Optional.of(Verification.verify(nu, beta, table)) : Optional.empty();
        String method = "tail-sum rule (q/p)*min(s, p*m) on formulas/scaling-exponents.m, flow rule a/(a+2) for trained "
                + "parameters; Lagrange a_i eps_i = e, sum b_i eps_i = 1 for C";
        List<String> notes = List.of("width: the paper's N^-(nu beta) holds only for beta < 1 (exact floor ~ N^-nu "
                + "min(beta,1)); context: nu min(beta,2); FS time: paper beta/(nu+nu beta+1), consistent nu beta/(nu beta+"
                + "2nu+1) (notes 3.3, 3.5, 8)");
        return new ExponentsResult(nu, beta, computeFormula, table, rows, optimal, check, method, notes);
    }

    /** Largest input dimension of an ISO simulation. */
    public static final int MAX_ISO_SIMULATION_DIM = 1_000_000;
    /** Largest number of modes of a structured simulation. */
    public static final int MAX_STRUCTURED_SIMULATION_DIM = 20_000;
    /** Largest context matrix P·D of one simulated context (doubles; one per worker thread). */
    public static final long MAX_SIMULATION_ENTRIES = TrainSpec.MAX_ENTRIES;

    /**
     * Monte Carlo of the defining model at finite dimension: ISO at input dimension {@code isoDim} (ignored for
     * FS/RRS, whose D is the spectrum's), {@code trials} contexts from {@code seed} (trial i always uses the same
     * generator, whatever the number of threads), with the limiting theory of the same regime next to it.
     *
     * <p>The context has P = round(αD) pairs, so the simulation realises α' = P/D, not always the α asked for
     * (issue 16 defect 7: α = 0.25, D = 10 gives P = 3); the theory is evaluated at α' (its spec is the result's
     * {@code spec}), and an α with P = 0 is refused. The theory is the D = ∞ limit (ISO: exact; FS/RRS at finite α
     * or width: a deterministic equivalent), so a deviation of O(1/D) is expected at finite D; the notes say so.
     */
    public SimulationResult simulate(ModelSpec spec, double gamma, int isoDim, int trials, long seed) {
        return simulate(spec, gamma, isoDim, trials, seed, true);
    }

    /**
     * {@link #simulate(ModelSpec, double, int, int, long)}, with the theory evaluated on a thread of its own while
     * the Monte Carlo runs ({@code concurrentTheory}; the two are independent: the same result, and a failure of
     * either thrown as the sequential order would, the Monte Carlo's first) or after it.
     */
    SimulationResult simulate(ModelSpec spec, double gamma, int isoDim, int trials, long seed,
            boolean concurrentTheory) {
        if (!(gamma >= 0) || !Double.isFinite(gamma)) {
            throw new InvalidInputException("gamma", gamma, "a finite number >= 0 for simulation");
        }
        if (spec.depth().infinite()) {
            throw new InvalidInputException("depth", "inf", "a finite integer >= 1 for simulation");
        }
        if (trials < 2) {
            throw new InvalidInputException("trials", trials, "an integer >= 2");
        }
        int l = spec.depth().steps();
        int dim;
        if (spec.setting() == Setting.ISO) {
            if (isoDim < 1 || isoDim > MAX_ISO_SIMULATION_DIM) {
                throw new InvalidInputException("dim", isoDim, "an integer in [1, " + MAX_ISO_SIMULATION_DIM
                        + "] (input dimension D)");
            }
            if (spec.alpha().infinite()) {
                throw new InvalidInputException("alpha", "inf", "a finite number > 0 for simulation");
            }
            dim = isoDim;
        } else {
            Landscapes.regime(spec); // refuses what no regime covers
            if (!(spec.spectrum() instanceof FiniteSpectrum f)) {
                throw new InvalidInputException("continuum", "not available for simulation (it needs a finite list of "
                        + "modes: give dim)");
            }
            dim = f.dim();
            if (dim > MAX_STRUCTURED_SIMULATION_DIM) {
                throw new InvalidInputException("dim", dim, "at most " + MAX_STRUCTURED_SIMULATION_DIM + " for simulation");
            }
        }
        ModelSpec realised = spec;
        int p = Integer.MAX_VALUE;
        if (spec.alpha().finite()) {
            double rounded = Math.floor(spec.alpha().value() * dim + 0.5); // Math.round, as the simulators
            if (rounded < 1 || rounded * dim > MAX_SIMULATION_ENTRIES) {
                throw new InvalidInputException("alpha", spec.alpha(), "a context of P = round(alpha D) pairs in [1, "
                        + MAX_SIMULATION_ENTRIES / dim + "] at D = " + dim + " (P D <= " + MAX_SIMULATION_ENTRIES
                        + " entries per context)");
            }
            p = (int) rounded;
            realised = spec.withAlpha(org.iclscale.core.Extent.of((double) p / dim));
        }
        List<String> notes = new ArrayList<>();
        if (realised != spec) {
            if (realised.alpha().value() != spec.alpha().value()) {
                notes.add("the simulation realises alpha = P/D = " + p + "/" + dim + " = " + realised.alpha().value()
                        + "; the theory is evaluated there (realisedAlpha)");
            }
        }
        ModelSpec theorySpec = realised;
        int theoryDim = dim;
        // the theory beside the Monte Carlo (issue 17: in a cold run most of its cost is JIT and class loading on one
        // thread, which the second core absorbs while the trials run)
        SideTask<SimulationTheory> side = concurrentTheory
                ? SideTask.start("iclscale-simulate-theory", () -> SimulationTheory.of(theorySpec, gamma, theoryDim))
                : null;
        org.iclscale.simulate.MonteCarloResult mc;
        String method;
        if (spec.setting() == Setting.ISO) {
            org.iclscale.simulate.IsoSimulator sim = new org.iclscale.simulate.IsoSimulator(dim, realised.alpha().value(),
                    l, gamma, spec.sigma());
            mc = sim.run(trials, seed);
            method = "Monte Carlo: " + trials + " contexts, P = round(alpha D), exact query loss |w - w*|^2 + sigma^2";
        } else {
            Spectrum spectrum = realised.finiteSpectrum().spectrum();
            int width = spec.width().infinite() ? Integer.MAX_VALUE : spec.width().count();
            org.iclscale.simulate.StructuredSimulator sim = new org.iclscale.simulate.StructuredSimulator(spectrum,
                    spec.setting(), width, realised.alpha().value(), l, gamma, spec.sigma());
            mc = sim.run(trials, seed);
            boolean projected = spec.setting() == Setting.RRS && spec.widthBelowDimension();
            method = "Monte Carlo (" + spec.setting().cliName() + "): " + trials + " contexts, D = " + dim
                    + (projected ? ", Haar rank-" + width + " projection" : "")
                    + ", P = " + (p == Integer.MAX_VALUE ? "inf" : Integer.toString(p))
                    + ", exact query loss sum_k lambda_k (w - w*)_k^2 + sigma^2";
        }
        SimulationTheory theory = side != null ? side.join() : SimulationTheory.of(realised, gamma, dim);
        notes.add(theory.note());
        double contextLength = p == Integer.MAX_VALUE ? Double.POSITIVE_INFINITY : p;
        return new SimulationResult(realised, dim, contextLength, gamma, trials, seed, mc.loss(),
                mc.loss() - spec.noiseVariance(), mc.standardError(), theory.loss(), theory.method(), method, notes);
    }

    /** Largest number of contexts of a Monte Carlo check. */
    public static final int MAX_CHECK_TRIALS = 1_000_000;

    /**
     * A Monte Carlo estimate of the defining model at the spectrum's D beside a risk value (issue 16 item 14):
     * {@code trials} contexts from {@code seed} at the same γ, P = round(αD). FS/RRS with a finite spectrum and a
     * finite depth; not for a value that is itself Monte Carlo, nor for the floors (γ = ∞).
     */
    public MonteCarloCheck monteCarloCheck(RiskResult risk, int trials, long seed) {
        return check(risk.spec(), risk.regime(), risk.gamma(), risk.loss(), trials, seed, false);
    }

    /**
     * {@link #monteCarloCheck(RiskResult, int, long)} at the optimum γ*, and with {@code finiteDimensionOptimum} also
     * the minimiser of the {@link Method#MONTE_CARLO} landscape at this D with {@code trials} draws
     * ({@link Landscapes#finiteDimension}: at P = ∞, N &lt; D the projection average over {@code trials} Haar
     * projections, elsewhere {@link StructuredLandscapes.MonteCarlo#optimum()} with common random numbers across γ,
     * ~30 runs of {@code trials} contexts).
     */
    public MonteCarloCheck monteCarloCheck(OptimumResult optimum, int trials, long seed, boolean finiteDimensionOptimum) {
        if (optimum.matrixOptimum().isPresent()) {
            throw new InvalidInputException("mcCheck", trials, "not for the matrix optimum of Result 3 (FS at alpha = "
                    + "inf is exact at every D: its excess loss is 0)");
        }
        return check(optimum.spec(), optimum.regime(), optimum.gamma(), optimum.loss(), trials, seed,
                finiteDimensionOptimum);
    }

    private MonteCarloCheck check(ModelSpec spec, Regime regime, double gamma, double theoryLoss, int trials, long seed,
            boolean finiteDimensionOptimum) {
        if (regime == Regime.MONTE_CARLO) {
            throw new InvalidInputException("mcCheck", trials, "only with method deteq (this value is already a Monte "
                    + "Carlo estimate)");
        }
        if (trials < 2 || trials > MAX_CHECK_TRIALS) {
            throw new InvalidInputException("mcCheck", trials, "an integer in [2, " + MAX_CHECK_TRIALS + "] (Monte Carlo "
                    + "contexts)");
        }
        if (spec.setting() == Setting.ISO || !(spec.spectrum() instanceof FiniteSpectrum f)) {
            throw new InvalidInputException("mcCheck", trials, "only for setting fs or rrs with a finite spectrum (the "
                    + "check simulates at the spectrum's D; for iso use simulate with dim)");
        }
        if (!Double.isFinite(gamma)) {
            throw new InvalidInputException("mcCheck", trials, "only at a finite gamma (gamma = inf is a t, L -> inf "
                    + "limit)");
        }
        StructuredLandscapes.MonteCarlo mc = Landscapes.monteCarlo(spec, trials, seed);
        org.iclscale.simulate.MonteCarloResult r = mc.estimate(gamma);
        int dim = f.dim();
        List<String> notes = new ArrayList<>();
        double contextLength = Double.POSITIVE_INFINITY;
        if (spec.alpha().finite()) {
            contextLength = Math.max(1, Math.round(spec.alpha().value() * dim));
            if (contextLength != spec.contextLength()) {
                notes.add("the Monte Carlo realises P = round(alpha D) = " + (long) contextLength + " (alpha' = "
                        + contextLength / dim + "); the theory value is at alpha = " + spec.alpha().value());
            }
        }
        notes.add(regime.exact() ? "the theory is the exact D = inf limit; at D = " + dim + " an O(1/D) difference is "
                + "expected" : "the deterministic equivalent is exact as D -> inf; relativeOffset is (theory - Monte "
                + "Carlo)/(Monte Carlo excess loss), to compare with README 'Finite width N and context P'");
        Optional<MonteCarloCheck.FiniteDimensionOptimum> opt = Optional.empty();
        if (finiteDimensionOptimum) {
            // the minimiser of the method monte-carlo landscape with these trials and seed (the projection average at
            // P = inf, N < D; the direct simulation with common random numbers elsewhere)
            GammaLandscape finite = Landscapes.finiteDimension(spec, trials, seed);
            OptimumSearch.Optimum o = finite.optimum();
            LossEvaluation at = finite.evaluate(o.gamma());
            opt = Optional.of(new MonteCarloCheck.FiniteDimensionOptimum(o.gamma(), at.loss(),
                    at.diagnostics().get("standardError").doubleValue(), o.evaluations() + 1, o.atUpperBound(),
                    finite instanceof StructuredLandscapes.MonteCarlo ? o.search() : finite.method() + "; " + o.search()));
            if (o.atUpperBound()) {
                notes.add("the finite-D optimum lies at the end of its searched range gamma = " + o.upperBound()
                        + ": the Monte Carlo loss still decreases there");
            }
        }
        return new MonteCarloCheck(spec, dim, contextLength, gamma, trials, seed, r.loss(), r.standardError(), theoryLoss,
                mc.method(), opt, notes);
    }

    // ---------------------------------------------------------------- training

    /**
     * Pretrains by online SGD as {@code spec} says ({@link org.iclscale.simulate.ReducedModelTrainer} or
     * {@link org.iclscale.simulate.FullAttentionTrainer} on fresh contexts of the data model), measuring the ICL
     * test loss every {@code spec.every()} steps and at the last, and puts the theory of the same run next to it
     * ({@link #trainingTheory}). A learning rate beyond the stability edge is a
     * {@link org.iclscale.core.ComputationException} naming the step and the loss. Same spec, same numbers,
     * whatever the number of threads.
     */
    public TrainResult train(TrainSpec spec) {
        return train(spec, null);
    }

    /** {@link #train(TrainSpec)} reporting progress ("step n/N, batch loss …") to {@code progress} (may be null). */
    public TrainResult train(TrainSpec spec, java.util.function.Consumer<String> progress) {
        ModelSpec model = spec.model();
        Spectrum spectrum = model.setting() == Setting.ISO ? null : model.finiteSpectrum().spectrum();
        org.iclscale.simulate.ContextSampler sampler = new org.iclscale.simulate.ContextSampler(model.setting(),
                spec.dim(), spec.contextLength(), spec.queries(), model.sigma(), spectrum)
                .withQueryLabels(spec.queryLabels());
        org.iclscale.simulate.Trainer trainer = spec.full()
                ? new org.iclscale.simulate.FullAttentionTrainer(sampler, spec.layers(), spec.untied(), spec.trainReadout(),
                        spec.eta(), spec.batch(), spec.init(), spec.seed(), spec.testContexts())
                : new org.iclscale.simulate.ReducedModelTrainer(sampler, spec.layers(), spec.untied(), spec.eta(),
                        spec.batch(), spec.init(), spec.seed(), spec.testContexts());
        org.iclscale.simulate.TrainingLoop.Curve curve = org.iclscale.simulate.TrainingLoop.run(trainer, spec.steps(),
                spec.every(), progress);
        String simulation = "online SGD, " + (spec.full() ? "full linear attention (width D+1)" : "reduced Gamma")
                + (spec.untied() ? ", untied" : ", tied") + "; test loss = exact query loss on " + spec.testContexts()
                + " fixed fresh contexts";
        if (model.sigma() > 0 && spec.queryLabels() == org.iclscale.core.QueryLabels.NOISE_FREE) {
            simulation += "; noise-free query labels in the training batches";
        }
        return new TrainResult(spec, curve.steps(), curve.loss(), curve.standardError(), curve.trainLoss(),
                curve.observables(), simulation, trainingTheory(spec, curve.steps()));
    }

    /**
     * The theory curves of the training run {@code spec} at SGD steps {@code steps} (increasing, ≥ 0; integers
     * for the depth-1 recursion of Result 10): the regime's curve and, at depth 1 in FS/RRS, the exact
     * finite-(D, P) flow ({@link TrainingTheory}). Which theory applies is decided by
     * {@link Landscapes#trainingRegime}; the run itself is not simulated. This is the curve {@code train} reports
     * and the one the figures' training overlays draw.
     */
    public TrainingTheory trainingTheory(TrainSpec spec, double[] steps) {
        return trainingTheory(spec, steps, java.util.EnumSet.of(TrainingTheory.Curve.THEORY,
                TrainingTheory.Curve.EXACT_SHALLOW));
    }

    /**
     * {@link #trainingTheory(TrainSpec, double[])} with the curves chosen: {@link TrainingTheory.Curve#THEORY},
     * {@link TrainingTheory.Curve#EXACT_SHALLOW} (where it exists) and {@link TrainingTheory.Curve#INFINITE_CONTEXT}
     * (the same flow on the α = ∞ model: the figures' P = ∞ reference).
     */
    public TrainingTheory trainingTheory(TrainSpec spec, double[] steps, java.util.Set<TrainingTheory.Curve> curves) {
        return TrainingFlows.compute(spec, steps.clone(), curves);
    }

    /**
     * The depth-1 ISO online-SGD theory of paper Result 10 with C(0) = g⁻² (the paper prints C(0) = 1, an erratum)
     * at steps 0, k, 2k, … ≤ n, in the request's query-label convention ({@link org.iclscale.theory.ShallowSgd}).
     * An unstable η (a ≥ 1) is an {@link InvalidInputException} of {@code eta} stating the largest stable η.
     */
    public SgdResult sgd(SgdRequest request) {
        org.iclscale.theory.ShallowSgd sgd = new org.iclscale.theory.ShallowSgd(request.alpha(), request.kappa(),
                request.tau(), request.eta(), request.sigma(), request.queryLabels());
        int rows = request.steps() / request.every() + 1;
        double[] step = new double[rows];
        double[] distance = new double[rows];
        double[] loss = new double[rows];
        double[] excess = new double[rows];
        double s2 = request.sigma() * request.sigma();
        for (int i = 0; i < rows; i++) {
            int t = i * request.every();
            step[i] = t;
            distance[i] = sgd.gammaDistance(t);
            loss[i] = sgd.loss(t);
            excess[i] = loss[i] - s2;
        }
        String method = "paper Result 10 recursion with C(0) = g^-2 (paper prints C(0) = 1, an erratum)"
                + (request.queryLabels() == org.iclscale.core.QueryLabels.NOISY ? "; noisy query labels y = x.w* + "
                        + "sigma eps in the update: b = (eta^2/tau)[(1 + 1/kappa)(1 + sigma^2)/alpha + sigma^2 g/kappa]"
                        : "");
        return new SgdResult(request, step, distance, loss, excess, sgd.a(), sgd.b(),
                org.iclscale.theory.ShallowSgd.largestStableEta(request.alpha(), request.kappa(), request.tau(),
                        request.sigma()), sgd.asymptoticLoss(), sgd.asymptoticGammaDistance(), method);
    }

    /**
     * FS out-of-distribution brittleness (paper Result 5, Fig. 3c; {@link org.iclscale.theory.OodModel}): the
     * α = ∞ optimum Γ = LΣ⁻¹ tested on Σ′ = e^{θS}Σe^{−θS}, Ω′ = e^{θS}Ωe^{−θS}, S = (G − Gᵀ)/(2√D) from the seed,
     * at every angle and depth of the request, with the crossover angle of the smallest and largest depth when
     * comparison depths are given. A failure of the eigen-solver is a {@link org.iclscale.core.ComputationException}.
     */
    public OodResult ood(OodRequest request) {
        ModelSpec spec = request.spec();
        double[] t = request.thetas();
        int[] depths = request.depths();
        org.iclscale.theory.OodModel ood = new org.iclscale.theory.OodModel(spec.finiteSpectrum().spectrum(),
                request.seed(), spec.sigma());
        double[][] loss = new double[depths.length][t.length];
        double[] excess = new double[t.length];
        double[] rho = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            org.iclscale.theory.OodModel.Point p = oodPoint(ood, t[i], depths);
            for (int d = 0; d < depths.length; d++) {
                loss[d][i] = p.loss()[d];
            }
            excess[i] = loss[0][i] - spec.noiseVariance();
            rho[i] = p.spectralRadius();
        }
        OptionalDouble crossover = OptionalDouble.empty();
        int[] pair = new int[0];
        List<String> notes = new ArrayList<>();
        if (request.compareDepths().length > 0) {
            int lo = Integer.MAX_VALUE;
            int hi = 0;
            for (int l : depths) {
                lo = Math.min(lo, l);
                hi = Math.max(hi, l);
            }
            if (lo != hi && t.length >= 2) {
                double c;
                try {
                    c = ood.crossover(lo, hi, Math.max(t[0], 1e-12), t[t.length - 1]);
                } catch (org.hipparchus.exception.MathRuntimeException e) {
                    throw oodFailure(e, t[t.length - 1]);
                }
                if (Double.isFinite(c)) {
                    crossover = OptionalDouble.of(c);
                    pair = new int[] {lo, hi};
                } else {
                    notes.add("no crossover between L = " + lo + " and L = " + hi + " in the given theta range");
                }
            }
        }
        String method = "Result 5 at Gamma = L Sigma^-1: eigen-decomposition of K - I = Lambda^-1/2 (Sigma' - Lambda) "
                + "Lambda^-1/2 (exact at theta = 0), "
                + "loss = sigma^2 + sum_j kappa_j (1 - kappa_j)^(2L) (V^T Lambda^1/2 Omega' Lambda^1/2 V)_jj; "
                + "e^(theta S) by Pade scaling and squaring (Hipparchus)";
        return new OodResult(request, t, loss, excess, rho, crossover, pair, method, notes);
    }

    private static org.iclscale.theory.OodModel.Point oodPoint(org.iclscale.theory.OodModel ood, double theta,
            int[] depths) {
        org.iclscale.theory.OodModel.Point p;
        try {
            p = ood.evaluate(theta, depths);
        } catch (org.hipparchus.exception.MathRuntimeException e) {
            throw oodFailure(e, theta);
        }
        for (double l : p.loss()) {
            if (!Double.isFinite(l)) {
                throw oodFailure(new ArithmeticException("loss " + Numbers.nonFinite(l)), theta);
            }
        }
        return p;
    }

    private static org.iclscale.core.ComputationException oodFailure(RuntimeException e, double theta) {
        return new org.iclscale.core.ComputationException("Result 5 (matrix exponential and symmetric eigen-"
                + "decomposition, Hipparchus)", "failed at theta = " + Numbers.prose(theta) + ": " + e.getMessage());
    }

    private static String join(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ",").append(v[i]);
        }
        return sb.toString();
    }

    private static String join(int[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ",").append(v[i] + 1);
        }
        return sb.toString();
    }
}
