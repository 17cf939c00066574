/**
 * Limiting-loss models of the reduced-Γ transformer: the ISO model (paper Result 1, §3.1 of the notes),
 * online SGD at depth 1 (Result 10), and the generic machinery shared by every setting whose loss is a
 * function of a scalar γ ({@link org.iclscale.theory.GammaLandscape}): global optimum search up to the
 * stability edge and gradient flow dγ/dt = −½ d𝓛/dγ. Every flow of the package is integrated by
 * {@link org.iclscale.theory.OdeSampler} (Dormand–Prince 8(5,3) sampled at the requested times).
 *
 * <p>Structured spectra at α = ∞ and N = ∞ (notes §3.3–§3.7):
 * <ul>
 *   <li>{@link org.iclscale.theory.RrsModel}: RRS, Result 6, 𝓛(γ) = σ² + Σ_k p_k(1 − γλ_k/L)^{2L} (convex in γ);
 *       {@link org.iclscale.theory.RrsContinuum} the same for the power law at D = ∞;</li>
 *   <li>{@link org.iclscale.theory.FsModel}: FS, Results 3–4, per-mode flow γ_k(t) (exact separable solution and
 *       vectorised ODE), {@link org.iclscale.theory.OodModel}: Result 5 under e^{θS} rotations;</li>
 *   <li>{@link org.iclscale.theory.FullAttentionFlow} (Result 9, γ = w⁵) and
 *       {@link org.iclscale.theory.UntiedLayers} (App. G.1, with the leading-order noise term of App. G.1.2);</li>
 *   <li>{@link org.iclscale.theory.SpectralSums}: the vectorised kernels over double[] (10⁶–10⁷ modes);
 *       {@link org.iclscale.theory.TimeConvention}: ½ (default) vs App. D time.</li>
 * </ul>
 */
package org.iclscale.theory;
