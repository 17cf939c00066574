package org.iclscale.theory;

/**
 * Gradient flow of the scalar reduction of full linear attention (paper Result 9, App. G.2; paper-notes
 * §3.7) on a γ-landscape: with w_o = w_y = 1 frozen, the aligned model is the reduced model with
 * γ = w_v w_k w_q w_x², and each scalar follows dw/dt = −½ ∂𝓛/∂w:
 *
 * <pre>
 *   dw_i/dt = −½ 𝓛'(γ) · s · γ/w_i   (i = k, q, v),     dw_x/dt = −½ 𝓛'(γ) · 2γ/w_x,
 * </pre>
 *
 * s = 1 for tied layers and s = 1/L for untied layers started balanced (each layer's weights feel only their
 * layer's share 𝓛'/L). From the balanced start w_x = √2σ₀, w_k = w_q = w_v = σ₀ (tied) the conservation law
 * w_x² − 2w_v² = 0 gives w_x = √2 w and γ = 2w⁵: the notes' "γ ↔ w⁵" (constant factors differ). Untied
 * (shared W_x, per-layer W_k, W_q, W_v): w_x² − 2L·w_v² = 2σ₀²(1 − L) is conserved instead.
 * The slow escape from γ ≈ 0 (dγ/dt ∝ γ^{8/5}) is the plateau of the paper's Fig. 6a.
 */
public final class BalancedAttentionFlow {

    /** γ(t) and 𝓛(t) at the requested times. */
    public record Trajectory(double[] times, double[] gamma, double[] loss) {
    }

    private BalancedAttentionFlow() {
    }

    /**
     * @param landscape 𝓛(γ) of the reduced model (e.g. {@link IsoModel})
     * @param initScale σ₀ of the balanced initialisation
     * @param layerShare s: 1 (tied) or 1/L (untied)
     * @param times     increasing times ≥ 0
     */
    public static Trajectory integrate(GammaLandscape landscape, double initScale, double layerShare, double[] times) {
        double[] gamma = new double[times.length];
        double[] loss = new double[times.length];
        OdeSampler.sample("full-attention flow", new double[] {Math.sqrt(2) * initScale, initScale, initScale, initScale},
                times, 1e-12, 1e-10, (t, w) -> {
                    double wx = w[0];
                    double wk = w[1];
                    double wq = w[2];
                    double wv = w[3];
                    double force = -0.5 * landscape.lossDerivative(wk * wq * wv * wx * wx);
                    return new double[] {
                        force * 2 * wk * wq * wv * wx,
                        force * layerShare * wq * wv * wx * wx,
                        force * layerShare * wk * wv * wx * wx,
                        force * layerShare * wk * wq * wx * wx};
                }, (i, w) -> {
                    gamma[i] = w[1] * w[2] * w[3] * w[0] * w[0];
                    loss[i] = landscape.loss(gamma[i]);
                });
        return new Trajectory(times.clone(), gamma, loss);
    }
}
