package org.iclscale.model;

import java.util.List;
import java.util.Optional;

/**
 * A Monte Carlo estimate at the user's D put beside a theory value (issue 16 item 14, {@link Theory#monteCarloCheck}):
 * the defining in-context GD at the spectrum's D and P = round(αD) ({@code contextLength}, +∞ at α = ∞), its mean
 * loss (σ² included) over {@code trials} contexts from {@code seed} with the standard error, the theory's loss at the
 * same γ, and, where asked, the finite-D optimum (the minimiser of the Monte Carlo landscape with common random
 * numbers).
 */
public record MonteCarloCheck(ModelSpec spec, int dim, double contextLength, double gamma, int trials, long seed,
        double loss, double standardError, double theoryLoss, String method, Optional<FiniteDimensionOptimum> optimum,
        List<String> notes) {

    public MonteCarloCheck {
        notes = List.copyOf(notes);
    }

    /** (theory − Monte Carlo)/standard error (0 without a standard error). */
    public double deviationInStandardErrors() {
        return standardError > 0 ? (theoryLoss - loss) / standardError : 0.0;
    }

    /**
     * (theory − Monte Carlo) relative to the Monte Carlo excess loss (loss − σ²): the measure of the README's table
     * of finite-D offsets; NaN where the Monte Carlo excess is not positive.
     */
    public double relativeOffset() {
        double excess = loss - spec.noiseVariance();
        return excess > 0 ? (theoryLoss - loss) / excess : Double.NaN;
    }

    /** The finite-D minimiser γ of the Monte Carlo landscape, its loss and standard error, and the search. */
    public record FiniteDimensionOptimum(double gamma, double loss, double standardError, int evaluations,
            boolean atUpperBound, String search) {
    }
}
