package org.iclscale.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.iclscale.check.PointComparison;
import org.iclscale.check.Sample;
import org.iclscale.core.InvalidInputException;
import org.iclscale.scaling.ComputeFormula;

/**
 * The compute-optimal frontier as a source of values for an asymptotic claim in the budget C
 * ({@code check --scaling CLAIM --as C --along frontier}, {@link org.iclscale.check.ScalingCheck}): at a point's
 * budget C, {@link Theory#shape(ShapeRequest)} minimises the loss over the other resources (notes §5.3: Result 8's
 * four-term law, the continuous BOBYQA optimum; or the exact joint loss, the integer optimum with t from the budget)
 * and the probe reads the optimal loss 𝓛*(C) or one optimal allocation t*(C), N*(C), L*(C), P*(C).
 *
 * <p>The exact frontier's N, L, P are integers: their local slopes are step-like (the loss is smooth in C, as the
 * optimum of a lattice search), and with N or P in the formula the exact optimum moves N towards D (README).
 */
public final class FrontierProbe implements PointComparison.Source {

    /** Relative accuracy of the four-term optimum (BOBYQA over ln-resources; the slopes agree with Lagrange to ~1e-9). */
    public static final double FOUR_TERM_ACCURACY = 1e-8;

    /** What is read at the optimum: the loss or the allocation of one resource (the keys of {@code shape}). */
    public enum Value {
        /** The optimal loss 𝓛*(C) (σ = 0: loss = excess loss). */
        LOSS("loss", '\0'),
        /** The optimal training time t*(C). */
        TIME("time", 't'),
        /** The optimal width N*(C). */
        WIDTH("width", 'N'),
        /** The optimal depth L*(C). */
        DEPTH("depth", 'L'),
        /** The optimal context length P*(C). */
        CONTEXT("context", 'P');

        private final String key;
        private final char resource;

        Value(String key, char resource) {
            this.key = key;
            this.resource = resource;
        }

        public String key() {
            return key;
        }

        /** The resource t, N, L or P ({@code '\0'} for the loss). */
        public char resource() {
            return resource;
        }

        /** The value named {@code key}; an {@link InvalidInputException} of {@code quantity} listing the names. */
        public static Value parse(String key) {
            for (Value v : values()) {
                if (v.key.equals(key)) {
                    return v;
                }
            }
            throw new InvalidInputException("quantity", key, "along the frontier one of " + names()
                    + " (the optimal loss or an optimal allocation at budget C)");
        }

        public static String names() {
            return Arrays.stream(values()).map(Value::key).collect(Collectors.joining(", "));
        }
    }

    private final Theory theory;
    private final Continuum spectrum;
    private final ComputeFormula formula;
    private final OptionalInt exactDim;
    private final Value value;
    private final String budget;

    /**
     * @param theory the facade
     * @param spectrum the power law (ν, β) at D = ∞
     * @param formula the compute formula C = Π x^{b_x}; {@code value}'s resource must be in it
     * @param exactDim D of the exact joint loss at finite N or P; empty: the four-term law
     * @param value what is read at the optimum
     * @param budget the point variable that holds C
     */
    public FrontierProbe(Theory theory, Continuum spectrum, ComputeFormula formula, OptionalInt exactDim, Value value,
            String budget) {
        this.theory = Objects.requireNonNull(theory, "theory");
        this.spectrum = Objects.requireNonNull(spectrum, "spectrum");
        this.formula = Objects.requireNonNull(formula, "formula");
        this.exactDim = Objects.requireNonNull(exactDim, "exactDim");
        this.value = Objects.requireNonNull(value, "value");
        this.budget = Objects.requireNonNull(budget, "budget");
        ShapeRequest.checkExactDim(exactDim);
        if (value != Value.LOSS && !formula.contains(value.resource())) {
            throw new InvalidInputException("quantity", value.key(), "a resource of the compute formula "
                    + formula.text() + " (" + value.resource() + " is not in it: it is infinite, not allocated)");
        }
    }

    public Value value() {
        return value;
    }

    public boolean exact() {
        return exactDim.isPresent();
    }

    /** The point as the claim sees it: C and the model's ν, β. */
    public Map<String, Double> resolve(Map<String, Double> point) {
        Map<String, Double> out = new LinkedHashMap<>(point);
        out.putIfAbsent("nu", spectrum.nu());
        out.putIfAbsent("beta", spectrum.beta());
        return out;
    }

    /** The optimum at the point's budget C (exact: integer N, L, P; t from the budget). */
    @Override
    public Sample at(Map<String, Double> point) {
        Double c = point.get(budget);
        if (c == null) {
            throw new IllegalArgumentException("no budget " + budget + " in " + point);
        }
        ShapeRequest request = new ShapeRequest(spectrum, formula, c, exactDim);
        ShapeResult r = theory.shape(request);
        double v;
        if (exactDim.isPresent()) {
            var e = r.exact().orElseThrow().optimum();
            v = value == Value.LOSS ? e.loss() : e.shape().get(value.resource());
        } else {
            var s = r.fourTerm();
            v = value == Value.LOSS ? s.continuousLoss() : s.continuous().get(value.resource());
        }
        // e.g. nu = beta = 1e100: the law's prefactors leave double precision (0/0) before any slope is fitted
        return Double.isFinite(v) ? Sample.real(v) : Sample.notReal("the " + (exactDim.isPresent() ? "exact" : "four-term")
                + " optimum's " + value.key() + " is undefined in floating point at nu = " + spectrum.nu() + ", beta = "
                + spectrum.beta());
    }

    /** The method, for the report. */
    public String method() {
        return exactDim.isPresent()
                ? "exact compute-optimal frontier: integer optimum of the exact joint RRS loss at each budget (t from the "
                        + "budget; " + (formula.contains('N') || formula.contains('P') ? "finite N or P at D = "
                                + exactDim.getAsInt() : "N = P = inf at D = inf") + "), Theory.shape with the exact loss"
                : "compute-optimal frontier of the four-term law (Result 8, tail-sum prefactors): continuous optimum "
                        + "at each budget (BOBYQA over ln-resources), Theory.shape";
    }

    public ComputeFormula formula() {
        return formula;
    }

    public Continuum spectrum() {
        return spectrum;
    }
}
