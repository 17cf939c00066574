package org.iclscale.theory;

/**
 * Gradient flow of the scalar γ on a {@link GammaLandscape} from γ(0) = 0, in the convention of the paper's
 * Results 1 and 6: dΓ/dt = −½ ∂𝓛/∂Γ, i.e. dγ/dt = −½ d𝓛/dγ (for ISO at σ = 0 this is
 * dγ/dt = ∫ρλ(1 − γλ/L)^{2L−1}). Integrated with Hipparchus' Dormand–Prince 8(5,3) at the stated
 * tolerances; the state is reported at the requested times, and γ* (Newton-corrected) is held once γ
 * sits at the minimiser to {@link #CONVERGED} (relative).
 */
public final class GradientFlow {

    public static final double ABSOLUTE_TOLERANCE = 1e-12;
    public static final double RELATIVE_TOLERANCE = 1e-12;

    /**
     * Relative Newton distance to a stable fixed point (the minimiser γ*) below which the Newton-corrected γ* is
     * held: far times such as t = 2^31 then cost what reaching γ* costs ({@link OdeSampler#newtonFixedPoint}).
     */
    public static final double CONVERGED = 1e-10;

    /** γ(t) and 𝓛(t) at the requested times, with the number of right-hand-side evaluations. */
    public record Trajectory(double[] times, double[] gamma, double[] loss, int evaluations) {
    }

    private GradientFlow() {
    }

    public static Trajectory integrate(GammaLandscape landscape, double[] times) {
        double[] gamma = new double[times.length];
        double[] loss = new double[times.length];
        java.util.function.DoubleUnaryOperator rhs = g -> -0.5 * landscape.lossDerivative(g);
        int evaluations = OdeSampler.sampleHeldAtFixedPoint("gradient flow", new double[] {0.0}, times, ABSOLUTE_TOLERANCE,
                RELATIVE_TOLERANCE, (t, y) -> new double[] {rhs.applyAsDouble(y[0])}, (i, y) -> {
                    gamma[i] = y[0];
                    loss[i] = landscape.loss(gamma[i]);
                }, y -> OdeSampler.newtonFixedPoint(rhs, y[0], CONVERGED));
        return new Trajectory(times.clone(), gamma, loss, evaluations);
    }
}
