package org.iclscale.model;

import org.iclscale.core.Extent;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Setting;
import org.iclscale.deteq.Floors;
import org.iclscale.deteq.FsModeLandscape;
import org.iclscale.deteq.StructuredLandscapes;
import org.iclscale.simulate.ProjectionAverage;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.ExactShallowLandscape;
import org.iclscale.theory.FsModel;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.IsoModel;
import org.iclscale.theory.ModeLandscape;
import org.iclscale.theory.RrsContinuum;
import org.iclscale.theory.RrsModel;
import org.iclscale.theory.TimeConvention;

/**
 * The one dispatcher of the theory: which computation a {@link ModelSpec} gets. Nowhere else in the code is the
 * regime decided.
 *
 * <table>
 *   <caption>Regimes of the loss landscape γ ↦ 𝓛(γ)</caption>
 *   <tr><th>setting</th><th>spectrum</th><th>width N</th><th>context α</th><th>σ</th><th>{@link Regime}</th></tr>
 *   <tr><td>iso</td><td>isotropic</td><td>∞</td><td>any</td><td>any</td><td>{@link Regime#MARCHENKO_PASTUR}</td></tr>
 *   <tr><td>fs, rrs</td><td>D modes</td><td>∞ (or ≥ D)</td><td>∞</td><td>any</td><td>{@link Regime#MODE_SUM}</td></tr>
 *   <tr><td>rrs</td><td>D = ∞</td><td>∞</td><td>∞</td><td>any</td><td>{@link Regime#CONTINUUM}</td></tr>
 *   <tr><td>rrs</td><td>D modes</td><td>N &lt; D</td><td>∞</td><td>any</td><td>{@link Regime#ONE_POINT_DENSITY}</td></tr>
 *   <tr><td>fs, rrs</td><td>D modes</td><td>∞ (or ≥ D)</td><td>finite</td><td>any</td><td>{@link Regime#STRUCTURED_WISHART}</td></tr>
 *   <tr><td>rrs</td><td>D modes</td><td>N &lt; D</td><td>finite</td><td>any</td><td>{@link Regime#TWO_POINT_CONTOUR}
 *       (signal (E1)-(E3), label noise (N2))</td></tr>
 * </table>
 *
 * With {@link Method#MONTE_CARLO} (an explicit choice, never the default) every FS/RRS spec with D modes and a
 * finite depth is {@link Regime#MONTE_CARLO}: the defining in-context GD at that D, P = round(αD), with its standard
 * error ({@link #regime(ModelSpec, Method)}). At P = ∞ and N &lt; D (RRS) its landscape is the conditional Monte
 * Carlo {@link ProjectionAverage}: exact over the task, Monte Carlo over the rank-N projection only, smooth in γ
 * (flows and derivative searches run on it) and with no task-draw noise; elsewhere direct simulation
 * ({@link StructuredLandscapes.MonteCarlo}) with {@value StructuredLandscapes#MONTE_CARLO_TRIALS} contexts per γ.
 *
 * <p>Depth does not choose the regime: every row takes a finite L ≥ 1 or L = ∞ (the continuum too: Σ_k p_k(1 −
 * γλ_k/L)^{2L} at finite L, Σ_k p_k e^{−2γλ_k} at L = ∞), except Monte Carlo (finite L only). A context given as a
 * length P is α = P/D ({@link ModelSpec.Builder#contextLength}); the exact joint loss of the scaling package
 * (org.iclscale.scaling.ExactJointLoss) asks for the continuum row at N = P = ∞ and for the D-mode rows otherwise.
 *
 * <p>Refused (an {@link InvalidInputException} naming the parameter): FS with a width bottleneck (the rank-N read-in
 * is part of the RRS model, paper §4); the D = ∞ continuum away from RRS at α = N = ∞; Monte Carlo for ISO (no D in
 * the spec: the simulation is {@link Theory#simulate}), for the continuum, at infinite depth or beyond the simulation
 * sizes of {@link Theory}. Floors (γ = L = ∞) follow the same table: see {@link #floor}.
 *
 * <p>Built deterministic-equivalent solvers are cached by (spectrum, N, P) and shared across calls, sweep points
 * and threads ({@link SolverCache}); landscapes themselves are stateless.
 */
public final class Landscapes {

    private static final SolverCache SOLVERS = new SolverCache();

    private Landscapes() {
    }

    /** The regime of the loss landscape of {@code spec} (see the table above). */
    public static Regime regime(ModelSpec spec) {
        if (spec.setting() == Setting.ISO) {
            return Regime.MARCHENKO_PASTUR;
        }
        if (spec.spectrum() instanceof Continuum) {
            if (spec.setting() != Setting.RRS || spec.alpha().finite() || spec.width().finite()) {
                throw new InvalidInputException("continuum", "available only for setting rrs at alpha = inf and width "
                        + "= inf (the D = inf power law has an exact mode sum there only)");
            }
            return Regime.CONTINUUM;
        }
        boolean bottleneck = spec.widthBelowDimension();
        if (spec.setting() == Setting.FS && bottleneck) {
            throw new InvalidInputException("width", spec.width(), "inf for setting fs (the rank-N read-in is part of "
                    + "the RRS model, paper §4)");
        }
        if (spec.alpha().infinite()) {
            return bottleneck ? Regime.ONE_POINT_DENSITY : Regime.MODE_SUM;
        }
        return bottleneck ? Regime.TWO_POINT_CONTOUR : Regime.STRUCTURED_WISHART;
    }

    /** Most modes of the one-point density (N &lt; D, α = ∞), refused up front beyond (issue 18: D = 10⁷ hung). */
    public static final int MAX_DENSITY_MODES = 100_000;

    /** Most modes of the two-point contour (finite α), refused up front beyond (issue 18). */
    public static final int MAX_CONTOUR_MODES = 1_000_000;

    private static void requireModes(ModelSpec spec, int limit, String what) {
        if (spec.spectrum() instanceof FiniteSpectrum f && f.dim() > limit) {
            String valid = "at most " + limit + " modes for " + what;
            if (f instanceof PowerLaw) {
                throw new InvalidInputException("dim", f.dim(), valid);
            }
            throw new InvalidInputException("spectrum", f.dim() + " modes", valid);
        }
    }

    /**
     * The regime of {@code spec} under the caller's {@code method}: {@link #regime(ModelSpec)} for
     * {@link Method#THEORY}; {@link Regime#MONTE_CARLO} for {@link Method#MONTE_CARLO} wherever the defining model can
     * be simulated (FS/RRS over D modes, finite depth, D and P·D within the simulation sizes of {@link Theory}).
     */
    public static Regime regime(ModelSpec spec, Method method) {
        Regime theory = regime(spec); // refuses what no regime covers
        if (method == Method.THEORY) {
            return theory;
        }
        if (spec.setting() == Setting.ISO) {
            throw new InvalidInputException("method", method.label(), "deteq for setting iso (its spec has no input "
                    + "dimension D; simulate it with simulate and dim)");
        }
        if (!(spec.spectrum() instanceof FiniteSpectrum f)) {
            throw new InvalidInputException("method", method.label(), "deteq for the continuum (Monte Carlo needs a "
                    + "finite list of modes: give dim)");
        }
        if (spec.depth().infinite()) {
            throw new InvalidInputException("depth", "inf", "a finite integer for method monte-carlo");
        }
        int d = f.dim();
        if (d > Theory.MAX_STRUCTURED_SIMULATION_DIM) {
            throw new InvalidInputException("dim", d, "at most " + Theory.MAX_STRUCTURED_SIMULATION_DIM
                    + " for method monte-carlo");
        }
        if (spec.alpha().finite()) {
            double p = Math.floor(spec.alpha().value() * d + 0.5); // Math.round, as the simulator
            if (p < 1 || p * d > Theory.MAX_SIMULATION_ENTRIES) {
                throw new InvalidInputException("alpha", spec.alpha(), "a context of P = round(alpha D) pairs in [1, "
                        + Theory.MAX_SIMULATION_ENTRIES / d + "] at D = " + d + " for method monte-carlo");
            }
        }
        return Regime.MONTE_CARLO;
    }

    /** The loss landscape γ ↦ 𝓛(γ) of {@code spec}, computed as {@link #regime} says. */
    public static GammaLandscape of(ModelSpec spec) {
        return of(spec, Method.THEORY);
    }

    /** The loss landscape of {@code spec} under the caller's {@code method} ({@link #regime(ModelSpec, Method)}). */
    public static GammaLandscape of(ModelSpec spec, Method method) {
        Regime regime = regime(spec, method);
        if (regime == Regime.ONE_POINT_DENSITY) {
            requireModes(spec, MAX_DENSITY_MODES, "the one-point density (its 6000-point grid sums over all D modes "
                    + "at every Newton step; 10^5 modes take ~30 s)");
        } else if (regime == Regime.TWO_POINT_CONTOUR || regime == Regime.STRUCTURED_WISHART) {
            requireModes(spec, MAX_CONTOUR_MODES, "the two-point contour (each node sums over all D modes; 10^5 modes "
                    + "take ~6 s)");
        }
        return switch (regime) {
            case MARCHENKO_PASTUR -> new IsoModel(spec.alpha().value(), spec.depth(), spec.sigma());
            case CONTINUUM -> new RrsContinuum(((Continuum) spec.spectrum()).law(), spec.depth(), spec.sigma());
            case MODE_SUM -> {
                Spectrum s = spec.finiteSpectrum().spectrum();
                yield spec.setting() == Setting.FS ? FsModel.isotropicLandscape(s, spec.depth(), spec.sigma())
                        : new RrsModel(s, spec.depth(), spec.sigma());
            }
            case ONE_POINT_DENSITY -> StructuredLandscapes.width(SOLVERS.density(spec.finiteSpectrum(), spec.width().count()),
                    spec.finiteSpectrum().spectrum(), spec.depth(), spec.sigma());
            case STRUCTURED_WISHART -> StructuredLandscapes.context(spec.setting(),
                    SOLVERS.contour(spec.finiteSpectrum(), Double.POSITIVE_INFINITY, spec.contextLength()),
                    Double.POSITIVE_INFINITY, spec.contextLength(), spec.depth(), spec.sigma());
            case TWO_POINT_CONTOUR -> StructuredLandscapes.context(spec.setting(),
                    SOLVERS.contour(spec.finiteSpectrum(), spec.width().count(), spec.contextLength()),
                    spec.width().count(), spec.contextLength(), spec.depth(), spec.sigma());
            case MONTE_CARLO -> finiteDimension(spec, StructuredLandscapes.MONTE_CARLO_TRIALS,
                    StructuredLandscapes.MONTE_CARLO_SEED);
        };
    }

    /**
     * The finite-D landscape of {@code spec} ({@link Method#MONTE_CARLO}; validated by
     * {@link #regime(ModelSpec, Method)}) from {@code trials} draws and {@code seed}: at P = ∞ and N &lt; D (RRS) the
     * {@link ProjectionAverage} over {@code trials} Haar projections, elsewhere the direct simulation with
     * {@code trials} contexts per γ ({@link #monteCarlo(ModelSpec, int, long)}). Both report {@code standardError}
     * in each evaluation's diagnostics.
     */
    public static GammaLandscape finiteDimension(ModelSpec spec, int trials, long seed) {
        regime(spec, Method.MONTE_CARLO);
        if (projectionAveraged(spec)) {
            return new ProjectionAverage(spec.finiteSpectrum().spectrum(), spec.width().count(), spec.depth().steps(),
                    spec.sigma(), trials, seed);
        }
        return monteCarlo(spec, trials, seed);
    }

    /** RRS at P = ∞ with a width bottleneck over D modes: the projection is all that is random. */
    private static boolean projectionAveraged(ModelSpec spec) {
        return spec.setting() == Setting.RRS && spec.alpha().infinite() && spec.widthBelowDimension()
                && spec.spectrum() instanceof FiniteSpectrum;
    }

    /**
     * The direct simulation of {@code spec} (validated by {@link #regime(ModelSpec, Method)}) with {@code trials}
     * contexts per γ from {@code seed}: task, projection and context all drawn, as {@code simulate} does.
     */
    public static StructuredLandscapes.MonteCarlo monteCarlo(ModelSpec spec, int trials, long seed) {
        regime(spec, Method.MONTE_CARLO);
        int width = spec.width().infinite() || !spec.widthBelowDimension() ? Integer.MAX_VALUE : spec.width().count();
        return StructuredLandscapes.monteCarlo(spec.setting(), spec.finiteSpectrum().spectrum(), width,
                spec.alpha().value(), spec.depth(), spec.sigma(), trials, seed);
    }

    /**
     * {@link #floor(ModelSpec)} by {@code method}: with {@link Method#MONTE_CARLO} the t, L → ∞ floor of the finite-D
     * model at P = ∞ and N &lt; D (RRS), Σ_k p_k − Σ_i w_i averaged over
     * {@value StructuredLandscapes#MONTE_CARLO_TRIALS} Haar projections ({@link ProjectionAverage#widthFloor()};
     * any depth, since the limit does not depend on it); refused elsewhere (there the Monte Carlo is a finite-depth
     * simulation).
     */
    public static FloorResult floor(ModelSpec spec, Method method) {
        if (method == Method.THEORY) {
            return floor(spec);
        }
        if (!projectionAveraged(spec)) {
            throw new InvalidInputException("method", method.label(), "deteq for gamma = inf here (a Monte Carlo floor "
                    + "exists only for setting rrs at alpha = inf with a width below dim: the projection average; "
                    + "elsewhere the floors are t, L -> inf limits, not a finite-depth model to simulate)");
        }
        regime(spec); // refuses what no regime covers
        FiniteSpectrum f = spec.finiteSpectrum();
        ProjectionAverage average = new ProjectionAverage(f.spectrum(), spec.width().count(), 1,
                StructuredLandscapes.MONTE_CARLO_TRIALS, StructuredLandscapes.MONTE_CARLO_SEED);
        double excess = average.widthFloor();
        double s2 = spec.noiseVariance();
        return new FloorResult(spec, s2 + excess, excess, 0, null, "finite-D width floor (t, L -> inf at D = " + f.dim()
                + ", N = " + spec.width().count() + ", P = inf): sum_k p_k - sum_i w_i over the N learned modes of each "
                + "of " + StructuredLandscapes.MONTE_CARLO_TRIALS + " Haar projections (seed "
                + StructuredLandscapes.MONTE_CARLO_SEED + "), exact over the task" + noiseNote(s2));
    }

    /** The floors' method text names the added label noise only when there is some. */
    private static String noiseNote(double noiseVariance) {
        return noiseVariance > 0 ? "; sigma^2 added" : "";
    }

    /**
     * The t, L → ∞ floor of {@code spec} (γ = ∞; notes §3.5): the width floor Σ_k p_k z/(z + λ_k),
     * Σ_k λ_k/(λ_k + z) = N at α = ∞ and N &lt; D; the context floor (min-norm interpolation with the
     * 1/(1 − P⁻¹Σλ²/(r + λ)²) correction and the noise term) at N ≥ D and finite α; 0 at α = N = ∞. Refused for
     * ISO (its loss at γ = ∞ diverges at finite depth and is [1 − α]₊ at infinite depth: ask for the optimum) and
     * where both width and context are finite (no validated joint floor).
     */
    public static FloorResult floor(ModelSpec spec) {
        if (spec.setting() == Setting.ISO) {
            throw new InvalidInputException("gamma", "inf", "a finite number >= 0 or opt for setting iso");
        }
        boolean finiteWidth = spec.widthBelowDimension();
        boolean finiteContext = spec.alpha().finite();
        double s2 = spec.noiseVariance();
        if (finiteWidth && finiteContext) {
            throw new InvalidInputException("gamma", "inf", "finite when both width and alpha are finite (no validated "
                    + "joint floor; the floors are the width floor at alpha = inf or the context floor at width = inf)");
        }
        regime(spec); // refuses what no regime covers (fs with a bottleneck, the continuum at finite alpha)
        if (!finiteWidth && !finiteContext) {
            return new FloorResult(spec, s2, 0, 0, null, "exact: sum_k p_k exp(-2 gamma lambda_k) -> 0 as gamma -> inf "
                    + "(alpha = N = inf)");
        }
        if (finiteWidth) {
            Floors.Floor f = Floors.width(spec.finiteSpectrum().spectrum(), spec.width().count());
            return new FloorResult(spec, s2 + f.excessLoss(), f.excessLoss(), f.ridge(), f.report(), "width floor (t, L, "
                    + "P -> inf; notes 3.5, first-power form): sum_k p_k z/(z + lambda_k) with sum_k lambda_k/(lambda_k + "
                    + "z) = N" + noiseNote(s2));
        }
        Floors.Floor f = Floors.context(spec.finiteSpectrum().spectrum(), spec.contextLength(), spec.sigma());
        return new FloorResult(spec, s2 + f.excessLoss(), f.excessLoss(), f.ridge(), f.report(), "context floor (t, L, "
                + "N -> inf; min-norm interpolation, notes 3.5/7.4): [r^2 sum p/(r+lambda)^2 + sigma^2 df2/P]/(1 - df2/P) "
                + "with sum lambda/(r+lambda) = P");
    }

    /**
     * The per-mode FS model of Result 4 (α = N = ∞, D modes): the diagonal Γ(t) trained by gradient flow, in the
     * given time convention. Refused for other settings or a finite context (Result 4 is an α = ∞ result).
     */
    public static FsModel fsModes(ModelSpec spec, org.iclscale.theory.TimeConvention convention) {
        Regime regime = regime(spec);
        if (spec.setting() != Setting.FS || regime != Regime.MODE_SUM) {
            throw new InvalidInputException("alpha", spec.alpha(), "inf for the per-mode FS model (Result 4 is an alpha = "
                    + "inf result at setting fs)");
        }
        return new FsModel(spec.finiteSpectrum().spectrum(), spec.depth(), spec.sigma(), convention);
    }

    /**
     * The per-mode landscape (γ_1..γ_D) ↦ 𝓛 of FS with a diagonal Γ = diag(γ_k) (the mean SGD update keeps Γ
     * diagonal in FS): at α = ∞ the exact Result 4 loss ({@link FsModel}, ½ convention); at finite α the
     * structured-Wishart equivalent with Λ' = ΓΛ ({@link FsModeLandscape}, finite depth). FS with a finite spectrum
     * and width ∞ only.
     */
    public static ModeLandscape modes(ModelSpec spec) {
        if (spec.setting() != Setting.FS) {
            throw new InvalidInputException("setting", spec.setting().cliName(), "fs for a per-mode landscape (Gamma is "
                    + "diagonal only in FS)");
        }
        regime(spec); // refuses a width bottleneck and the continuum
        if (!(spec.spectrum() instanceof FiniteSpectrum f)) {
            throw new InvalidInputException("continuum", "not available for a per-mode landscape (it needs a finite list "
                    + "of modes: give dim)");
        }
        return spec.alpha().infinite() ? new FsModel(f.spectrum(), spec.depth(), spec.sigma(), TimeConvention.HALF)
                : new FsModeLandscape(f.spectrum(), spec.alpha().value(), spec.depth(), spec.sigma());
    }

    /**
     * The exact finite-(D, P) depth-1 loss of a diagonal Γ at P = {@code contextLength} pairs (Isserlis, no
     * deterministic equivalent; {@link ExactShallowLandscape}), FS or RRS with a finite spectrum.
     */
    public static ExactShallowLandscape exactShallow(ModelSpec spec, int contextLength) {
        if (spec.setting() == Setting.ISO || !(spec.spectrum() instanceof FiniteSpectrum f)) {
            throw new InvalidInputException("setting", spec.setting().cliName(), "fs or rrs with a finite spectrum for the "
                    + "exact depth-1 loss");
        }
        return new ExactShallowLandscape(f.spectrum(), contextLength, spec.sigma());
    }

    /**
     * Which theory curve a training run gets (the only place that decides it). Reduced = the Γ model of paper §2.2,
     * full = the linear attention of §2.1; init = γ₀ of Γ(0) = γ₀I (reduced) or the balanced scale s (full).
     *
     * <table>
     *   <caption>Training theories</caption>
     *   <tr><th>model</th><th>setting</th><th>depth</th><th>init / readout</th><th>{@link TrainingRegime}</th></tr>
     *   <tr><td>reduced</td><td>iso</td><td>1</td><td>γ₀ = 0</td><td>{@link TrainingRegime#SHALLOW_SGD} (Result 10)</td></tr>
     *   <tr><td>reduced</td><td>iso</td><td>L ≥ 2</td><td>γ₀ = 0</td><td>{@link TrainingRegime#ISO_GRADIENT_FLOW} (Result 1)</td></tr>
     *   <tr><td>reduced</td><td>rrs</td><td>any</td><td>γ₀ = 0</td><td>{@link TrainingRegime#RRS_GRADIENT_FLOW} (Result 6, finite α, N = D)</td></tr>
     *   <tr><td>reduced</td><td>iso, rrs</td><td>any</td><td>γ₀ ≠ 0</td><td>{@link TrainingRegime#NONE_NONZERO_INIT}</td></tr>
     *   <tr><td>reduced</td><td>fs</td><td>any</td><td>any γ₀</td><td>{@link TrainingRegime#FS_MODE_FLOW} ({@link #modes})</td></tr>
     *   <tr><td>full</td><td>iso, rrs</td><td>any</td><td>readout frozen</td><td>{@link TrainingRegime#BALANCED_ATTENTION_FLOW} (Result 9)</td></tr>
     *   <tr><td>full</td><td>fs</td><td>any</td><td>readout frozen</td><td>{@link TrainingRegime#NONE_FULL_ATTENTION_FS}</td></tr>
     *   <tr><td>full</td><td>any</td><td>any</td><td>readout trained</td><td>{@link TrainingRegime#NONE_TRAINED_READOUT}</td></tr>
     * </table>
     *
     * The landscapes are those of {@link #trainingModel} ({@link #of}, {@link #modes}); untied layers get the tied
     * curve on the clock t = η·n/L (reduced) or the balanced flow with layer share 1/L (full). In addition,
     * {@link #hasExactShallowTheory} says where the exact depth-1 curve exists.
     */
    public static TrainingRegime trainingRegime(TrainSpec spec) {
        Setting setting = spec.model().setting();
        if (spec.full()) {
            if (spec.trainReadout()) {
                return TrainingRegime.NONE_TRAINED_READOUT;
            }
            return setting == Setting.FS ? TrainingRegime.NONE_FULL_ATTENTION_FS : TrainingRegime.BALANCED_ATTENTION_FLOW;
        }
        if (setting == Setting.FS) {
            return TrainingRegime.FS_MODE_FLOW;
        }
        if (spec.init() != 0) {
            return TrainingRegime.NONE_NONZERO_INIT;
        }
        if (setting == Setting.RRS) {
            return TrainingRegime.RRS_GRADIENT_FLOW;
        }
        return spec.layers() == 1 ? TrainingRegime.SHALLOW_SGD : TrainingRegime.ISO_GRADIENT_FLOW;
    }

    /**
     * True where a training run also gets the flow on the exact finite-(D, P) depth-1 loss ({@link #exactShallow}):
     * reduced model, depth 1, FS (from any Γ(0) = γ₀I) or RRS (from Γ(0) = 0).
     */
    public static boolean hasExactShallowTheory(TrainSpec spec) {
        Setting setting = spec.model().setting();
        return !spec.full() && spec.layers() == 1
                && (setting == Setting.FS || setting == Setting.RRS && spec.init() == 0);
    }

    /**
     * The model a training run's theory is evaluated on: FS and RRS at the realised α = P/D of the simulation
     * (its D, σ and spectrum); ISO at the requested α (its landscape is the D = ∞ Marchenko–Pastur one).
     */
    public static ModelSpec trainingModel(TrainSpec spec) {
        ModelSpec m = spec.model();
        return theoryAtRealisedAlpha(spec) ? m.withAlpha(Extent.of(spec.realisedAlpha())) : m;
    }

    /** True where {@link #trainingModel} evaluates the theory at the realised α = P/D (FS, RRS). */
    public static boolean theoryAtRealisedAlpha(TrainSpec spec) {
        return spec.model().setting() != Setting.ISO;
    }

    /** Drops the cached solvers (memory, tests). */
    static void clearCache() {
        SOLVERS.clear();
    }
}
