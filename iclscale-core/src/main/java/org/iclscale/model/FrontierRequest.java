package org.iclscale.model;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import org.iclscale.core.InvalidInputException;
import org.iclscale.scaling.ComputeFormula;

/**
 * What {@link Theory#shape(FrontierRequest)} computes: the compute-optimal frontier over {@code budgets}
 * log-spaced budgets C₁ … C₂ for the power law (ν, β): the continuous four-term optimum at each, its slopes
 * against the Lagrange exponents, and with {@code exactDim} the integer optimum of the exact joint loss at each
 * budget with its slopes.
 *
 * @param spectrum the power law (ν, β) at D = ∞
 * @param formula the compute formula C = Π x^{b_x}
 * @param from C₁ &gt; 1
 * @param to C₂ &gt; C₁, finite
 * @param budgets K ∈ [{@value #MIN_BUDGETS}, {@value #MAX_BUDGETS}] budgets C_i = C₁(C₂/C₁)^{i/(K−1)}
 * @param exactDim D of the exact loss at finite N or P (see {@link ShapeRequest}); empty: four-term law only
 */
public record FrontierRequest(Continuum spectrum, ComputeFormula formula, double from, double to, int budgets,
        OptionalInt exactDim) {

    /** Fewest budgets of a frontier (a slope and a check of it). */
    public static final int MIN_BUDGETS = 3;
    /** Most budgets of a frontier. */
    public static final int MAX_BUDGETS = 1000;
    /** The valid range, as messages state it. */
    public static final String VALID = "C1:C2:log:K with 1 < C1 < C2 finite and integer K >= " + MIN_BUDGETS;

    public FrontierRequest {
        Objects.requireNonNull(spectrum, "spectrum");
        Objects.requireNonNull(formula, "formula");
        Objects.requireNonNull(exactDim, "exactDim");
        if (!(from > 1) || !(to > from) || !Double.isFinite(to) || budgets < MIN_BUDGETS || budgets > MAX_BUDGETS) {
            throw new InvalidInputException("computeRange", String.format(Locale.ROOT, "%s:%s:log:%d", from, to, budgets),
                    VALID + " and K <= " + MAX_BUDGETS);
        }
        ShapeRequest.checkExactDim(exactDim);
    }

    /** The four-term frontier of K log-spaced budgets from C₁ to C₂. */
    public static FrontierRequest of(double nu, double beta, ComputeFormula formula, double from, double to, int budgets) {
        return new FrontierRequest(new Continuum(nu, beta), formula, from, to, budgets, OptionalInt.empty());
    }

    /** The same frontier with the exact joint loss at dimension D = {@code dim} as well. */
    public FrontierRequest withExact(int dim) {
        return new FrontierRequest(spectrum, formula, from, to, budgets, OptionalInt.of(dim));
    }

    /** The budgets C_i = C₁(C₂/C₁)^{i/(K−1)}, i = 0 … K − 1. */
    public double[] compute() {
        double[] c = new double[budgets];
        for (int i = 0; i < budgets; i++) {
            c[i] = from * Math.pow(to / from, i / (double) (budgets - 1));
        }
        return c;
    }
}
