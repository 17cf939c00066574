package org.iclscale.theory;

/**
 * A loss as a function of the D eigenvalues γ_k of a diagonal Γ = diag(γ_k) (FS: the mean SGD update keeps Γ
 * diagonal in the eigenbasis of Σ, paper Result 4), with its gradient: the object behind the per-mode
 * gradient flow dγ_k/dt = −½ ∂𝓛/∂γ_k ({@link ModeFlow}). Losses include σ².
 */
public interface ModeLandscape {

    /** Number of modes D. */
    int dim();

    /** Total test loss 𝓛(γ_1..γ_D), σ² included. */
    double loss(double[] gammaK);

    /** ∂𝓛/∂γ_k for every k. */
    double[] gradient(double[] gammaK);

    /** How the loss is computed (regime, method, diagnostics). */
    String method();
}
