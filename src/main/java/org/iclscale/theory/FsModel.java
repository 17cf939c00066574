package org.iclscale.theory;

import org.iclscale.core.Depth;
import org.iclscale.spectrum.Spectrum;

/**
 * FS (fixed structured covariance Σ, task covariance Ω, codiagonal, eigenvalues λ_k, ω_k) at α = ∞
 * (paper Results 3–5, App. D, notes §3.3). At α = ∞ Σ̂ = Σ and a diagonal Γ = diag(γ_k) gives
 * <pre>
 *   𝓛 = σ² + Σ_k p_k (1 − γ_kλ_k/L)^{2L},   p_k = λ_kω_k.
 * </pre>
 */
public final class FsModel {

    private FsModel() {
    }

    /** The FS loss along Γ = γI, a {@link GammaLandscape} (identical to the RRS loss at α = ∞). */
    public static GammaLandscape isotropicLandscape(Spectrum spectrum, Depth depth, double sigma) {
        return new RrsModel(spectrum, depth, sigma, "FS along Gamma = gamma*I (alpha = inf)");
    }
}
