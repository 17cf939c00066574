package org.iclscale.model;

import org.iclscale.deteq.SolveReport;

/**
 * The t, L → ∞ floor of a model ({@link Landscapes#floor}): total loss (σ² included), excess loss, the solved
 * effective ridge (z of the width floor, r of the context floor; 0 where none), the solve's report (null where
 * nothing was solved) and the method.
 */
public record FloorResult(ModelSpec spec, double loss, double excessLoss, double ridge, SolveReport report,
        String method) {
}
