package org.iclscale.model;

import java.util.Objects;
import java.util.OptionalInt;
import org.iclscale.core.InvalidInputException;
import org.iclscale.scaling.ComputeFormula;

/**
 * What {@link Theory#shape(ShapeRequest)} computes: the compute-optimal shape (t, N, L, P as present in the compute
 * formula) at one budget C for the power law (ν, β), by the four-term law of Result 8 and, when {@code exactDim} is
 * given, also on the exact joint loss (finite N or P over D = {@code exactDim} modes, N = P = ∞ at D = ∞).
 *
 * <pre>{@code
 * ShapeRequest.of(1.5, 0.8, ComputeFormula.parse("computeFormula", "t*N^2*L"), 1e6).withExact(64);
 * }</pre>
 *
 * @param spectrum the power law (ν, β) at D = ∞ (the four-term law's and the N = P = ∞ exact loss's)
 * @param formula the compute formula C = Π x^{b_x}
 * @param budget C &gt; 1, finite
 * @param exactDim D of the exact loss at finite N or P, in [{@value #MIN_EXACT_DIM}, {@value #MAX_EXACT_DIM}];
 *     empty: four-term law only
 */
public record ShapeRequest(Continuum spectrum, ComputeFormula formula, double budget, OptionalInt exactDim) {

    /** Smallest D of the exact loss. */
    public static final int MIN_EXACT_DIM = 2;
    /** Largest D of the exact loss (a one-point density or two-point contour build per N or (N, P)). */
    public static final int MAX_EXACT_DIM = 4096;

    public ShapeRequest {
        Objects.requireNonNull(spectrum, "spectrum");
        Objects.requireNonNull(formula, "formula");
        Objects.requireNonNull(exactDim, "exactDim");
        if (!(budget > 1) || !Double.isFinite(budget)) {
            throw new InvalidInputException("compute", budget, "a finite budget > 1");
        }
        checkExactDim(exactDim);
    }

    /** The four-term shape at budget C for the power law (ν, β). */
    public static ShapeRequest of(double nu, double beta, ComputeFormula formula, double budget) {
        return new ShapeRequest(new Continuum(nu, beta), formula, budget, OptionalInt.empty());
    }

    /** The same request with the exact joint loss at dimension D = {@code dim} as well. */
    public ShapeRequest withExact(int dim) {
        return new ShapeRequest(spectrum, formula, budget, OptionalInt.of(dim));
    }

    static void checkExactDim(OptionalInt dim) {
        if (dim.isPresent() && (dim.getAsInt() < MIN_EXACT_DIM || dim.getAsInt() > MAX_EXACT_DIM)) {
            throw new InvalidInputException("dim", dim.getAsInt(), "an integer in [" + MIN_EXACT_DIM + ", " + MAX_EXACT_DIM
                    + "]");
        }
    }
}
