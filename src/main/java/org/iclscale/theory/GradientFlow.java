package org.iclscale.theory;

import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.iclscale.core.ComputationException;

/**
 * Gradient flow of the scalar γ on a {@link GammaLandscape} from γ(0) = 0, in the convention of the paper's
 * Results 1 and 6: dΓ/dt = −½ ∂𝓛/∂Γ, i.e. dγ/dt = −½ d𝓛/dγ (for ISO at σ = 0 this is
 * dγ/dt = ∫ρλ(1 − γλ/L)^{2L−1}). Integrated with Hipparchus' Dormand–Prince 8(5,3) at the stated
 * tolerances; the state is reported at the requested times.
 */
public final class GradientFlow {

    public static final double ABSOLUTE_TOLERANCE = 1e-12;
    public static final double RELATIVE_TOLERANCE = 1e-12;

    /** γ(t) and 𝓛(t) at the requested times, with the number of right-hand-side evaluations. */
    public record Trajectory(double[] times, double[] gamma, double[] loss, int evaluations) {
    }

    private GradientFlow() {
    }

    public static Trajectory integrate(GammaLandscape landscape, double[] times) {
        double[] gamma = new double[times.length];
        double[] loss = new double[times.length];
        int[] evaluations = {0};
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 1;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                evaluations[0]++;
                return new double[] {-0.5 * landscape.lossDerivative(y[0])};
            }
        };
        double tEnd = times.length == 0 ? 0 : times[times.length - 1];
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(
                1e-12 * Math.max(1, tEnd), Math.max(1, tEnd), ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE);
        ODEState state = new ODEState(0.0, new double[] {0.0});
        for (int i = 0; i < times.length; i++) {
            if (times[i] > state.getTime()) {
                try {
                    ODEStateAndDerivative next = integrator.integrate(ode, state, times[i]);
                    state = new ODEState(next.getTime(), next.getPrimaryState());
                } catch (MathIllegalStateException e) {
                    throw new ComputationException("Dormand-Prince 8(5,3) gradient flow",
                            "failed before t = " + times[i] + " (tolerances " + ABSOLUTE_TOLERANCE + " abs, "
                                    + RELATIVE_TOLERANCE + " rel): " + e.getMessage(), e);
                }
            }
            gamma[i] = state.getPrimaryState()[0];
            loss[i] = landscape.loss(gamma[i]);
        }
        return new Trajectory(times.clone(), gamma, loss, evaluations[0]);
    }
}
