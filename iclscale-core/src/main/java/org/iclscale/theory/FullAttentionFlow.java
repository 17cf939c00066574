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
    /** Relative Newton distance to a stable fixed point below which the flow counts as converged. */
    public static final double CONVERGED = 1e-10;

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
        java.util.function.DoubleUnaryOperator rhs = x -> {
            double x4 = x * x * x * x;
            return -0.5 * timeFactor * x4 * landscape.lossDerivative(x4 * x);
        };
        int evaluations = OdeSampler.sample("full-attention flow", new double[] {w0}, times, ABSOLUTE_TOLERANCE,
                RELATIVE_TOLERANCE, (t, y) -> new double[] {rhs.applyAsDouble(y[0])}, (i, y) -> {
                    w[i] = y[0];
                    gamma[i] = Math.pow(w[i], 5);
                    loss[i] = landscape.loss(gamma[i]);
                }, y -> atStableFixedPoint(rhs, y[0]));
        return new Trajectory(times.clone(), w, gamma, loss, evaluations);
    }

    /**
     * The four-factor flow from the balanced start w_q = w_k = w_v = σ₀, w_x = √2σ₀ (γ(0) = 2σ₀⁵; the
     * initialisation of paper App. G.2 and of the port's reduced theory), dw_i/dt = −(g/2)∂𝓛/∂w_i: by the
     * mapping of the class comment it is {@link #integrate} from w̃(0) = 2^{1/5}σ₀ with time factor 2^{2/5}g
     * (the returned w is w̃, γ = w̃⁵). Checked against {@link BalancedAttentionFlow} in the tests.
     */
    public static Trajectory balanced(GammaLandscape landscape, double sigma0, double[] times, double timeFactor) {
        return integrate(landscape, Math.pow(2, 0.2) * sigma0, times, Math.pow(2, 0.4) * timeFactor);
    }

    /**
     * True when w sits at a stable fixed point to within {@link #CONVERGED} (relative): the Newton distance
     * |f(w)/f'(w)| to the zero of the right-hand side, with f' &lt; 0. The flow is then frozen: an explicit
     * integrator would otherwise spend O(rate · t) stability-limited steps on the plateau (the loss error of
     * freezing is second order, ~𝓛''·(δγ)²).
     */
    private static boolean atStableFixedPoint(java.util.function.DoubleUnaryOperator f, double w) {
        return OdeSampler.atStableFixedPoint(f, w, CONVERGED);
    }
}
