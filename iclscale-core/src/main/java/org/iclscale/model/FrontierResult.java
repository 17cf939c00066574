package org.iclscale.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.iclscale.scaling.Slopes;

/**
 * The compute-optimal frontier ({@link Theory#shape(FrontierRequest)}): its rows at every budget C_i
 * ({@link FrontierRows}: the continuous four-term optimum, loss and resources, and with the exact loss the integer
 * exact optimum per budget) and the least-squares slopes over the fit window [C₁, C₂], which need every budget, next
 * to the Lagrange exponents {@code rows().computeOptimal()}. The rows are not repeated here: one accessor per datum.
 *
 * @param rows the rows of every budget (block [0, K))
 * @param fittedSlopes slopes of the four-term frontier over the fit window
 * @param exactSlopes with the exact loss: the slopes of its integer optima
 * @param notes notes on the slopes
 */
public record FrontierResult(FrontierRows rows, Slopes fittedSlopes, Optional<ExactSlopes> exactSlopes,
        List<String> notes) {

    public FrontierResult {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(fittedSlopes, "fittedSlopes");
        Objects.requireNonNull(exactSlopes, "exactSlopes");
        if (rows.block().from() != 0 || rows.block().to() != rows.request().budgets()) {
            throw new IllegalArgumentException("a frontier's rows are every budget: " + rows.block());
        }
        if (rows.exact().isPresent() != exactSlopes.isPresent()) {
            throw new IllegalArgumentException("exact slopes exactly when the rows have the exact loss");
        }
        notes = List.copyOf(notes);
    }

    /**
     * The slopes of the exact frontier (its rows are {@code rows().exact()}).
     *
     * @param fittedSlopes slopes over the fit window
     * @param lastSlopes slopes between the last two budgets (integer rounding makes resource slopes step-like)
     */
    public record ExactSlopes(Slopes fittedSlopes, Slopes lastSlopes) {

        public ExactSlopes {
            Objects.requireNonNull(fittedSlopes, "fittedSlopes");
            Objects.requireNonNull(lastSlopes, "lastSlopes");
        }
    }
}
