package org.iclscale.theory;

/**
 * Full linear attention (paper Result 9, App. G.2, notes §3.7), scalar reduction through γ = w⁵:
 * <pre>
 *   dw/dt = w⁴ · (−½ d𝓛/dγ)|_{γ = w⁵}     (RRS, α = ∞: dw/dt = w⁴ tr Λ²Ω(I − L⁻¹w⁵Λ)^{2L−1}, Result 9 with the
 *                                          L⁻¹ the paper omits restored)
 * </pre>
 * on any {@link GammaLandscape}. <b>Initialisation.</b> w = 0 is a fixed point (every factor of γ = w_v w_k w_q w_x²
 * starts at zero gradient), so the flow starts from a small balanced init w(0) = w₀ &gt; 0. It models
 * w_q(0) = w_k(0) = w_v(0) = σ₀, w_x(0) = √2σ₀ (conserved balance w_x² = 2w_v² under the ½ flow of the factors):
 * that factorised flow has γ = 2w⁵ and dw/dt = −w⁴𝓛'(γ); with w̃ = 2^{1/5}w it is the equation above at time
 * 2^{2/5}t from w̃(0) = 2^{1/5}σ₀ (a constant time rescaling; exponents unchanged). The escape time from the
 * plateau is ≈ 1/(3w₀³·(−½𝓛'(0))).
 */
public final class FullAttentionFlow {

    public static final double ABSOLUTE_TOLERANCE = 1e-12;
    public static final double RELATIVE_TOLERANCE = 1e-12;

    /** w(t), γ(t) = w⁵, 𝓛(t) at the requested times. */
    public record Trajectory(double[] times, double[] w, double[] gamma, double[] loss, int evaluations) {
    }

    private FullAttentionFlow() {
    }

    /**
     * Integrates from w(0) = w0 with Dormand–Prince 8(5,3); {@code timeFactor} g scales the right-hand side
     * ({@link TimeConvention#factor()}).
     */
    public static Trajectory integrate(GammaLandscape landscape, double w0, double[] times, double timeFactor) {
        if (!(w0 > 0) || !Double.isFinite(w0)) {
            throw new IllegalArgumentException("w0 must be finite and > 0 (w = 0 is a fixed point)");
        }
        double[] w = new double[times.length];
        double[] gamma = new double[times.length];
        double[] loss = new double[times.length];
        int evaluations = OdeSampler.sample("full-attention flow", new double[] {w0}, times, ABSOLUTE_TOLERANCE,
                RELATIVE_TOLERANCE, (t, y) -> {
                    double x = y[0];
                    double x4 = x * x * x * x;
                    return new double[] {-0.5 * timeFactor * x4 * landscape.lossDerivative(x4 * x)};
                }, (i, y) -> {
                    w[i] = y[0];
                    gamma[i] = Math.pow(w[i], 5);
                    loss[i] = landscape.loss(gamma[i]);
                });
        return new Trajectory(times.clone(), w, gamma, loss, evaluations);
    }
}
