package org.iclscale.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.iclscale.check.PointComparison;
import org.iclscale.check.Sample;
import org.iclscale.core.Depth;
import org.iclscale.core.Extent;
import org.iclscale.core.Gamma;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Setting;
import org.iclscale.theory.TimeConvention;

/**
 * The numeric model as a source of values at points (variable name → number) for {@code check --against-model}
 * ({@link PointComparison}): a base {@link ModelSpec} whose parameters a point overrides, one {@link Quantity}
 * evaluated through {@link Theory}, and the relative accuracy the model itself has there (exact quadrature and mode
 * sums, deterministic equivalents solved to their tolerance, Monte Carlo with its standard error in the sample).
 *
 * <p>Point variables: the model's {@code alpha} (= P/D), {@code P} (context length, α = P/D), {@code D} (modes of
 * a power law), {@code N} (width), {@code L} (depth), {@code sigma}, {@code nu}, {@code beta}; the quantity's
 * {@code gamma} or {@code t}; for {@link Quantity#SGD_LOSS} the theory's {@code alpha, kappa, tau, eta, sigma, t}.
 * A point's γ may be drawn relative to the model ({@link GammaScale}): a fraction of that point's optimal γ or of
 * its stability edge, which {@link #resolve} turns into γ before either side is evaluated.
 */
public final class ModelProbe implements PointComparison.Source {

    /** Relative accuracy of exact quadrature, mode sums, closed forms and the SGD recursion. */
    public static final double EXACT_ACCURACY = 1e-9;
    /** Relative accuracy of a value through the gradient flow (Dormand–Prince at relative tolerance 1e-12). */
    public static final double FLOW_ACCURACY = 1e-8;
    /** Relative accuracy of a floor's self-consistent scale (Brent to 1e-13, sums to machine precision). */
    public static final double FLOOR_ACCURACY = 1e-8;
    /** Relative accuracy of a deterministic equivalent solved by its fixed point / contour (residual ≈ 1e-10). */
    public static final double EQUIVALENT_ACCURACY = 1e-6;
    /** Relative accuracy of the location of a minimiser (Brent on a bottom that is flat to second order). */
    public static final double MINIMISER_ACCURACY = 1e-5;

    /** How a point's {@code gamma} is given. */
    public enum GammaScale {
        /** γ itself. */
        ABSOLUTE,
        /** A fraction of the point's optimal γ ({@code gamma=0:opt}). */
        OPTIMAL,
        /** A fraction of the point's stability edge 2L/λ_max ({@code gamma=0:edge}). */
        EDGE
    }

    /** Model variables a point may set (beyond the quantity's arguments). */
    public static final List<String> MODEL_VARIABLES = List.of("alpha", "P", "D", "N", "L", "sigma", "nu", "beta");
    /** Variables of the SGD theory (Result 10). */
    public static final List<String> SGD_VARIABLES = List.of("alpha", "kappa", "tau", "eta", "sigma", "t");

    private final Theory theory;
    private final ModelSpec base;
    private final SgdRequest sgdBase;
    private final Quantity quantity;
    private final GammaScale gammaScale;

    /**
     * @param theory the facade
     * @param base the model whose parameters points override (ignored for {@link Quantity#SGD_LOSS}: may be null)
     * @param sgdBase the SGD theory whose parameters points override (only for {@link Quantity#SGD_LOSS})
     * @param quantity what to evaluate
     * @param gammaScale how a point's γ is given
     */
    public ModelProbe(Theory theory, ModelSpec base, SgdRequest sgdBase, Quantity quantity, GammaScale gammaScale) {
        this.theory = Objects.requireNonNull(theory, "theory");
        this.quantity = Objects.requireNonNull(quantity, "quantity");
        this.gammaScale = Objects.requireNonNull(gammaScale, "gammaScale");
        if (quantity == Quantity.SGD_LOSS) {
            this.sgdBase = Objects.requireNonNull(sgdBase, "sgdBase");
            this.base = null;
        } else {
            this.base = Objects.requireNonNull(base, "base");
            this.sgdBase = null;
        }
        if (gammaScale != GammaScale.ABSOLUTE && !quantity.arguments().contains("gamma")) {
            throw new InvalidInputException("vary", "gamma=...:" + (gammaScale == GammaScale.OPTIMAL ? "opt" : "edge"),
                    "a gamma range only for the quantities loss, excessLoss (" + quantity.key() + " has no gamma)");
        }
    }

    public Quantity quantity() {
        return quantity;
    }

    /** The variables a point may set for this quantity. */
    public Set<String> variables() {
        Set<String> out = new TreeSet<>(quantity == Quantity.SGD_LOSS ? SGD_VARIABLES : MODEL_VARIABLES);
        out.addAll(quantity.arguments());
        return out;
    }

    /**
     * Refuses a variable this quantity cannot take and a missing argument: {@code given} are the varied and fixed
     * variables together.
     */
    public void requireVariables(Set<String> given) {
        for (String v : given) {
            if (!variables().contains(v)) {
                throw new InvalidInputException("vary", v, "a variable of " + quantity.key() + ": one of " + variables());
            }
        }
        for (String a : quantity.arguments()) {
            if (!given.contains(a)) {
                throw new InvalidInputException("vary", "missing " + a + " (" + quantity.key() + " needs " + a
                        + ": vary it or fix it, e.g. " + a + "=1)");
            }
        }
    }

    /**
     * The point as both sides see it: γ made absolute (γ = fraction × γ* or × edge of the point's model) and every
     * model parameter the point does not set added with the model's value there (α, P = αD, D, N, L, σ, ν, β; for
     * SGD α, κ, τ, η, σ), so that an expression may use any of them.
     */
    public Map<String, Double> resolve(Map<String, Double> point) {
        Map<String, Double> out = new LinkedHashMap<>(point);
        if (quantity == Quantity.SGD_LOSS) {
            out.putIfAbsent("alpha", sgdBase.alpha());
            out.putIfAbsent("kappa", sgdBase.kappa());
            out.putIfAbsent("tau", sgdBase.tau());
            out.putIfAbsent("eta", sgdBase.eta());
            out.putIfAbsent("sigma", sgdBase.sigma());
            return out;
        }
        ModelSpec spec = specAt(point);
        if (gammaScale != GammaScale.ABSOLUTE && point.containsKey("gamma")) {
            double reference = gammaScale == GammaScale.OPTIMAL ? theory.optimum(spec).gamma()
                    : theory.landscapeOf(spec).stabilityEdge();
            if (!Double.isFinite(reference)) {
                throw new InvalidInputException("vary", "gamma=...:" + (gammaScale == GammaScale.OPTIMAL ? "opt" : "edge"),
                        "a model with a finite " + (gammaScale == GammaScale.OPTIMAL ? "optimal gamma" : "stability edge")
                        + " (at " + point + " it is not finite: give gamma in absolute numbers)");
            }
            out.put("gamma", point.get("gamma") * reference);
        }
        parameters(spec).forEach(out::putIfAbsent);
        return out;
    }

    /** The finite parameters of a model as point variables (α, P, D, N, L, σ, ν, β where they are finite). */
    public static Map<String, Double> parameters(ModelSpec spec) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (spec.alpha().finite()) {
            out.put("alpha", spec.alpha().value());
        }
        if (spec.spectrum() instanceof FiniteSpectrum f) {
            out.put("D", (double) f.dim());
            if (spec.alpha().finite()) {
                out.put("P", spec.contextLength());
            }
        }
        if (spec.width().finite()) {
            out.put("N", spec.width().value());
        }
        if (!spec.depth().infinite()) {
            out.put("L", (double) spec.depth().steps());
        }
        out.put("sigma", spec.sigma());
        if (spec.spectrum() instanceof PowerLaw p) {
            out.put("nu", p.nu());
            out.put("beta", p.beta());
        } else if (spec.spectrum() instanceof Continuum c) {
            out.put("nu", c.nu());
            out.put("beta", c.beta());
        }
        return out;
    }

    /** The base model with the point's model variables applied (D, ν, β first, then α or P, N, L, σ). */
    public ModelSpec specAt(Map<String, Double> point) {
        SpectrumSpec spectrum = base.spectrum();
        Map<String, Double> own = parameters(base);
        for (String v : List.of("D", "nu", "beta")) {
            if (point.containsKey(v) && !point.get(v).equals(own.get(v))) {
                spectrum = spectrum(spectrum, point);
                break;
            }
        }
        ModelSpec.Builder b = ModelSpec.builder(base.setting(), spectrum).alpha(base.alpha()).width(base.width())
                .depth(base.depth()).sigma(base.sigma());
        if (point.containsKey("alpha")) {
            b.alpha(point.get("alpha"));
        }
        if (point.containsKey("P")) {
            b.contextLength(Extent.of(positive("P", point.get("P"))));
        } // else alpha = P/D is kept as given: P scales with a varied D
        if (point.containsKey("N")) {
            b.width(count("N", point.get("N")));
        }
        if (point.containsKey("L")) {
            b.depth(Depth.of(count("L", point.get("L"))));
        }
        if (point.containsKey("sigma")) {
            b.sigma(point.get("sigma"));
        }
        return b.build();
    }

    private static SpectrumSpec spectrum(SpectrumSpec spectrum, Map<String, Double> point) {
        if (spectrum instanceof PowerLaw p) {
            return PowerLaw.of(point.getOrDefault("nu", p.nu()), point.getOrDefault("beta", p.beta()),
                    point.containsKey("D") ? count("D", point.get("D")) : p.dim());
        }
        if (spectrum instanceof Continuum c) {
            if (point.containsKey("D")) {
                throw new InvalidInputException("vary", "D", "a variable of a power law with finite D (the model is the "
                        + "D = inf continuum)");
            }
            return new Continuum(point.getOrDefault("nu", c.nu()), point.getOrDefault("beta", c.beta()));
        }
        throw new InvalidInputException("vary", point.containsKey("D") ? "D" : point.containsKey("nu") ? "nu" : "beta",
                "a variable of a power-law spectrum (nu, beta, dim); the model's spectrum is " + spectrum);
    }

    /** The quantity at the point, with the model's standard error where it is sampled (Monte Carlo). */
    @Override
    public Sample at(Map<String, Double> point) {
        if (quantity == Quantity.SGD_LOSS) {
            return Sample.real(sgdLoss(point));
        }
        ModelSpec spec = specAt(point);
        return switch (quantity) {
            case LOSS, EXCESS_LOSS -> {
                RiskResult r = theory.risk(spec, Gamma.of(point.get("gamma")));
                Number se = r.diagnostics().get("standardError");
                double v = quantity == Quantity.LOSS ? r.loss() : r.excessLoss();
                yield se == null ? Sample.real(v) : Sample.real(v, se.doubleValue());
            }
            case GAMMA -> Sample.real(theory.optimum(spec).gamma());
            case OPTIMAL_LOSS -> Sample.real(theory.optimum(spec).loss());
            case FLOOR -> Sample.real(theory.floor(spec).loss());
            case LOSS_AFTER -> Sample.real(theory.riskAfter(spec, point.get("t"), TimeConvention.HALF).loss());
            case SGD_LOSS -> throw new IllegalStateException("handled above");
        };
    }

    private double sgdLoss(Map<String, Double> point) {
        SgdRequest b = sgdBase;
        int t = count("t", point.get("t"));
        SgdRequest r = new SgdRequest(point.getOrDefault("alpha", b.alpha()), point.getOrDefault("kappa", b.kappa()),
                point.getOrDefault("tau", b.tau()), point.getOrDefault("eta", b.eta()),
                point.getOrDefault("sigma", b.sigma()), t, Math.max(1, t), b.queryLabels());
        double[] loss = theory.sgd(r).loss();
        return loss[loss.length - 1];
    }

    /**
     * The model's own relative accuracy at the point: what a right closed form may differ by. Monte Carlo adds its
     * standard error through the sample instead ({@link org.iclscale.check.Tolerance}).
     */
    public double accuracy(Map<String, Double> point) {
        if (quantity == Quantity.SGD_LOSS) {
            return EXACT_ACCURACY;
        }
        ModelSpec spec = specAt(point);
        if (quantity == Quantity.GAMMA) {
            return spec.setting() == Setting.ISO && spec.sigma() == 0 ? EXACT_ACCURACY : MINIMISER_ACCURACY;
        }
        if (quantity == Quantity.FLOOR) {
            return FLOOR_ACCURACY;
        }
        Regime regime = theory.regime(spec);
        if (!regime.exact()) {
            return EQUIVALENT_ACCURACY;
        }
        return quantity == Quantity.LOSS_AFTER ? FLOW_ACCURACY : EXACT_ACCURACY;
    }

    /** The regime and method of the point's model (for the report). */
    public String method(Map<String, Double> point) {
        if (quantity == Quantity.SGD_LOSS) {
            return "paper Result 10 recursion (depth-1 ISO online SGD)";
        }
        return theory.regime(specAt(point)).label();
    }

    private static int count(String name, double v) {
        if (!(v >= 1) || v != Math.rint(v) || v > Integer.MAX_VALUE) {
            throw new InvalidInputException("vary", name + "=" + v, "an integer >= 1 for " + name);
        }
        return (int) v;
    }

    private static double positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new InvalidInputException("vary", name + "=" + v, "a finite number > 0 for " + name);
        }
        return v;
    }
}
