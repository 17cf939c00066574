package org.iclscale.model;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A finite-dimension Monte Carlo of L steps of in-context GD with Γ = γI ({@link Theory#simulate}): the mean query
 * loss over {@code trials} contexts (σ² included) with its standard error, the dimension D and context length P
 * used (P = +∞ for α = ∞), and the theory of the same regime next to it where one exists (its loss and method),
 * with the deviation in standard errors.
 */
public record SimulationResult(ModelSpec spec, int dim, double contextLength, double gamma, int trials, long seed,
        double loss, double excessLoss, double standardError, OptionalDouble theoryLoss, String theoryMethod,
        String method, List<String> notes) {

    public SimulationResult {
        notes = List.copyOf(notes);
    }

    /** (loss − theory)/standardError, or 0 without a standard error; NaN without a theory. */
    public double deviationInStandardErrors() {
        if (theoryLoss.isEmpty()) {
            return Double.NaN;
        }
        return standardError > 0 ? (loss - theoryLoss.getAsDouble()) / standardError : 0.0;
    }
}
