package org.iclscale.model;

import java.util.List;
import org.iclscale.core.Diagnostics;

/**
 * The loss of a model at one step-size scale γ (+∞ for the t, L → ∞ floors): total loss (σ² included), excess loss
 * (loss − σ²), the stability edge 2L/λ_max (+∞ where there is none), the regime and method that gave the value,
 * the diagnostics of its computation and notes for the reader (e.g. "γ is beyond the stability edge").
 */
public record RiskResult(ModelSpec spec, Regime regime, double gamma, double loss, double excessLoss,
        double stabilityEdge, String method, Diagnostics diagnostics, List<String> notes) {

    public RiskResult {
        notes = List.copyOf(notes);
    }

    /** γ/L at finite depth (NaN at infinite depth or γ = ∞: no per-layer step). */
    public double gammaPerLayer() {
        return spec.depth().infinite() || Double.isInfinite(gamma) ? Double.NaN : gamma / spec.depth().steps();
    }
}
