package org.iclscale.theory;

import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.iclscale.core.ComputationException;

/**
 * The gradient flows of this package (γ, w, per-mode γ_k, per-layer γ^ℓ) integrated one way: Dormand–Prince 8(5,3)
 * (Hipparchus, step sizes 1e-12·max(1, t_end) to max(1, t_end)) from y(0) at t = 0 through increasing sample
 * times, handing the state at each to a sink. A solver failure is a {@link ComputationException} naming the
 * solver, the flow, the time it did not reach and the tolerances (the copies this class replaced let
 * Hipparchus' "minimal step size reached" escape as a stack trace); so is a non-finite state.
 */
public final class OdeSampler {

    /** Right-hand side dy/dt = f(t, y). */
    @FunctionalInterface
    public interface Field {
        double[] derivative(double t, double[] y);
    }

    /** Receives y(times[i]) (the array is only valid during the call). */
    @FunctionalInterface
    public interface Sink {
        void at(int i, double[] y);
    }

    private OdeSampler() {
    }

    /**
     * Integrates from {@code y0} at t = 0 to each of {@code times} (non-decreasing, ≥ 0; a time ≤ the current one
     * is sampled without a step) and returns the number of right-hand-side evaluations.
     *
     * @param flow name of the flow for error messages (e.g. "gradient flow")
     */
    public static int sample(String flow, double[] y0, double[] times, double absoluteTolerance,
            double relativeTolerance, Field field, Sink sink) {
        return sample(flow, y0, times, absoluteTolerance, relativeTolerance, field, sink, y -> false);
    }

    /**
     * As {@link #sample(String, double[], double[], double, double, Field, Sink)}, but once {@code frozen} holds
     * for the state at a sample time (e.g. a stable fixed point reached to a stated tolerance) the state is held
     * for the remaining times: an explicit integrator would otherwise spend stability-limited steps on a plateau.
     */
    public static int sample(String flow, double[] y0, double[] times, double absoluteTolerance,
            double relativeTolerance, Field field, Sink sink, java.util.function.Predicate<double[]> frozen) {
        int dim = y0.length;
        int[] evaluations = {0};
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return dim;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                evaluations[0]++;
                return field.derivative(t, y);
            }
        };
        double tEnd = times.length == 0 ? 0 : times[times.length - 1];
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-12 * Math.max(1, tEnd),
                Math.max(1, tEnd), absoluteTolerance, relativeTolerance);
        ODEState state = new ODEState(0.0, y0.clone());
        boolean held = false;
        for (int i = 0; i < times.length; i++) {
            if (times[i] > state.getTime() && !held) {
                try {
                    ODEStateAndDerivative next = integrator.integrate(ode, state, times[i]);
                    state = new ODEState(next.getTime(), next.getPrimaryState());
                } catch (MathRuntimeException e) { // iteration limit, step size below the minimum, ...
                    throw new ComputationException("Dormand-Prince 8(5,3) " + flow, "failed before t = " + times[i]
                            + " (tolerances " + absoluteTolerance + " abs, " + relativeTolerance + " rel): "
                            + e.getMessage(), e);
                }
            }
            double[] y = state.getPrimaryState();
            for (double v : y) {
                if (!Double.isFinite(v)) {
                    throw new ComputationException("Dormand-Prince 8(5,3) " + flow, "non-finite state " + v
                            + " at t = " + times[i] + " (tolerances " + absoluteTolerance + " abs, "
                            + relativeTolerance + " rel)");
                }
            }
            sink.at(i, y);
            held = held || frozen.test(y);
        }
        return evaluations[0];
    }
}
