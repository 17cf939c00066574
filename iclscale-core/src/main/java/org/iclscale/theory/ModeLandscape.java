package org.iclscale.theory;

/**
 * A loss as a function of the D eigenvalues γ_k of a diagonal Γ = diag(γ_k) (FS: the mean SGD update keeps Γ
 * diagonal in the eigenbasis of Σ, paper Result 4), with its gradient: the object behind the per-mode
 * gradient flow dγ_k/dt = −½ ∂𝓛/∂γ_k ({@link ModeFlow}). Losses include σ². Implementations are stateless: the
 * diagnostics of a value come back with it from {@link #evaluate}.
 */
public interface ModeLandscape {

    /** Number of modes D. */
    int dim();

    /** Total test loss 𝓛(γ_1..γ_D), σ² included. */
    double loss(double[] gammaK);

    /** The loss with how it was computed (contour nodes, residuals); by default without diagnostics. */
    default LossEvaluation evaluate(double[] gammaK) {
        return LossEvaluation.of(loss(gammaK));
    }

    /** ∂𝓛/∂γ_k for every k. */
    double[] gradient(double[] gammaK);

    /** How the loss is computed (regime, method): a fixed description. */
    String method();
}
