package org.iclscale.theory;

import org.iclscale.core.Diagnostics;

/**
 * One loss value with how it was computed (contour nodes, Newton iterations, residuals, a Monte Carlo standard
 * error): returned by {@link GammaLandscape#evaluate} so that landscapes keep no per-call state.
 */
public record LossEvaluation(double loss, Diagnostics diagnostics) {

    /** A value without diagnostics. */
    public static LossEvaluation of(double loss) {
        return new LossEvaluation(loss, Diagnostics.none());
    }
}
