package org.iclscale.theory;

/**
 * A loss as a function of the single step-size scale γ of the reduced model Γ = γI (or, in FS, Γ = γ·Γ₀):
 * the object behind {@code risk}, {@code optimum}, {@code landscape} and {@code dynamics} in every setting
 * where rotation invariance keeps Γ(t) ∝ I (ISO: paper Result 1; RRS: Result 6).
 *
 * <p>Implementations are immutable and thread-safe. Losses include the label-noise variance σ².
 */
public interface GammaLandscape {

    /** Total test loss 𝓛(γ), σ² included. */
    double loss(double gamma);

    /** d𝓛/dγ. */
    double lossDerivative(double gamma);

    /** Label-noise variance σ² (the part of the loss no γ can remove). */
    double noiseVariance();

    /**
     * The largest γ for which the in-context GD iteration is stable, 2L/λ_max; +∞ when there is none
     * (infinite depth, where (1 − γλ/L)^L → e^{−γλ}).
     */
    double stabilityEdge();

    /** How {@link #loss} is computed, e.g. "exact Gauss-Chebyshev quadrature against Marchenko-Pastur". */
    String method();
}
