package org.iclscale.model;

/**
 * Which theory curve a training run ({@link TrainSpec}) is compared with: decided by
 * {@link Landscapes#trainingRegime} alone (the table is in its javadoc). Each curve is on the trainer's own clock,
 * gradient-flow time t = η·n (untied reduced layers: η·n/L) in dΓ/dt = −½ ∂𝓛/∂Γ, except Result 10, which is the
 * discrete SGD recursion in steps n.
 */
public enum TrainingRegime {
    /** ISO, reduced, depth 1, Γ(0) = 0: paper Result 10, the online-SGD recursion with its SGD noise. */
    SHALLOW_SGD(true),
    /** ISO, reduced, depth L ≥ 2, Γ(0) = 0: gradient flow of Result 1 on the Marchenko–Pastur landscape. */
    ISO_GRADIENT_FLOW(true),
    /** RRS, reduced, Γ(0) = 0: scalar gradient flow (Result 6) on the finite-α N = D landscape at α = P/D. */
    RRS_GRADIENT_FLOW(true),
    /** FS, reduced, Γ(0) = γ₀I: per-mode flow of diag(γ_k) on the finite-α FS landscape at α = P/D. */
    FS_MODE_FLOW(true),
    /** Full attention, ISO or RRS, readout frozen: the balanced γ ↔ w⁵ flow (Result 9). */
    BALANCED_ATTENTION_FLOW(true),
    /** Full attention with a trained readout: no theory. */
    NONE_TRAINED_READOUT(false),
    /** Reduced model in ISO or RRS started at Γ(0) ≠ 0: no theory. */
    NONE_NONZERO_INIT(false),
    /** Full attention in FS: no scalar reduction, no theory. */
    NONE_FULL_ATTENTION_FS(false);

    private final boolean hasTheory;

    TrainingRegime(boolean hasTheory) {
        this.hasTheory = hasTheory;
    }

    /** False for the regimes without a theory curve. */
    public boolean hasTheory() {
        return hasTheory;
    }
}
