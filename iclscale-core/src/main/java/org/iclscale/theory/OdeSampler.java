package org.iclscale.theory;

import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.AdaptiveStepsizeIntegrator;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.iclscale.core.ComputationException;

/**
 * The gradient flows of this package (γ, w, per-mode γ_k, per-layer γ^ℓ) integrated one way: an embedded
 * Dormand–Prince pair (Hipparchus, step sizes 1e-12·max(1, t_end) to max(1, t_end); 8(5,3) unless the caller
 * picks 5(4), see {@link Integrator}) from y(0) at t = 0 through increasing sample times, handing the state at
 * each to a sink. A solver failure is a {@link ComputationException} naming the
 * solver, the flow, the time it did not reach and the tolerances (the copies this class replaced let
 * Hipparchus' "minimal step size reached" escape as a stack trace); so is a non-finite state.
 */
public final class OdeSampler {

    /** Right-hand side dy/dt = f(t, y). */
    @FunctionalInterface
    public interface Field {
        double[] derivative(double t, double[] y);
    }

    /**
     * The embedded pair. 8(5,3) (12 stages per step) for the cheap scalar and small flows at tight tolerances;
     * 5(4) (6 stages per step, first-same-as-last) where one right-hand side is expensive and the tolerance loose,
     * e.g. the finite-α FS per-mode flow whose every derivative is a two-point contour ({@link ModeFlow}).
     */
    public enum Integrator {
        DORMAND_PRINCE_853("Dormand-Prince 8(5,3)"),
        DORMAND_PRINCE_54("Dormand-Prince 5(4)");

        private final String label;

        Integrator(String label) {
            this.label = label;
        }

        /** Name used in method strings and error messages. */
        public String label() {
            return label;
        }

        AdaptiveStepsizeIntegrator create(double minStep, double maxStep, double absolute, double relative) {
            return this == DORMAND_PRINCE_853 ? new DormandPrince853Integrator(minStep, maxStep, absolute, relative)
                    : new DormandPrince54Integrator(minStep, maxStep, absolute, relative);
        }
    }

    /** How the states at the sample times are obtained. */
    public enum Sampling {
        /** One integration per sample time ending exactly on it (a step-size estimate and a partial step each). */
        RESTART,
        /**
         * One integration to the last time, the samples read off the pair's continuous extension (dense output,
         * interpolation error within the tolerances): no restart cost per sample, the choice when one right-hand
         * side is expensive and there are many sample times.
         */
        DENSE_OUTPUT
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
        return sample(Integrator.DORMAND_PRINCE_853, Sampling.RESTART, flow, y0, times, absoluteTolerance, relativeTolerance, field, sink,
                frozen);
    }

    /**
     * As above with the embedded pair and the sampling chosen by the caller.
     *
     * @param method   the embedded Dormand–Prince pair
     * @param sampling how the states at the sample times are obtained
     */
    public static int sample(Integrator method, Sampling sampling, String flow, double[] y0, double[] times,
            double absoluteTolerance, double relativeTolerance, Field field, Sink sink,
            java.util.function.Predicate<double[]> frozen) {
        return sample(method, sampling, flow, y0, times, absoluteTolerance, relativeTolerance, field, sink, frozen,
                y -> null);
    }

    /**
     * As {@link #sample(String, double[], double[], double, double, Field, Sink)}, with {@code fixedPoint} asked every
     * {@value #FROZEN_CHECK_STEPS} steps within each integration: once it returns the stable fixed point the state has
     * reached to its tolerance (a Newton step from a state that passes {@link #atStableFixedPoint}; null before), that
     * point is held for the remaining times — the flow converges to it, and one far sample time (t = 2^31) would
     * otherwise cost O(rate · t) stability-limited steps on the plateau (issue 18).
     */
    public static int sampleHeldAtFixedPoint(String flow, double[] y0, double[] times, double absoluteTolerance,
            double relativeTolerance, Field field, Sink sink, java.util.function.UnaryOperator<double[]> fixedPoint) {
        return sample(Integrator.DORMAND_PRINCE_853, Sampling.RESTART, flow, y0, times, absoluteTolerance,
                relativeTolerance, field, sink, y -> false, fixedPoint);
    }

    private static int sample(Integrator method, Sampling sampling, String flow, double[] y0, double[] times,
            double absoluteTolerance, double relativeTolerance, Field field, Sink sink,
            java.util.function.Predicate<double[]> frozen, java.util.function.UnaryOperator<double[]> fixedPoint) {
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
        AdaptiveStepsizeIntegrator integrator = method.create(1e-12 * Math.max(1, tEnd), Math.max(1, tEnd),
                absoluteTolerance, relativeTolerance);
        Samples samples = new Samples(method.label() + " " + flow, times, absoluteTolerance, relativeTolerance, sink,
                frozen);
        if (sampling == Sampling.DENSE_OUTPUT) {
            dense(integrator, ode, y0, tEnd, samples);
        } else {
            ODEState state = new ODEState(0.0, y0.clone());
            // the fixed point is asked for within an integration too (sampleHeldAtFixedPoint; never otherwise)
            double[][] frozenAt = {null};
            int[] steps = {0};
            integrator.addStepHandler(interpolator -> {
                if (++steps[0] % FROZEN_CHECK_STEPS == 0) {
                    double[] y = fixedPoint.apply(interpolator.getCurrentState().getPrimaryState());
                    if (y != null) {
                        frozenAt[0] = y.clone();
                        throw new Held();
                    }
                }
            });
            while (samples.remaining()) {
                double t = samples.nextTime();
                if (t > state.getTime() && !samples.held()) {
                    try {
                        ODEStateAndDerivative next = integrator.integrate(ode, state, t);
                        state = new ODEState(next.getTime(), next.getPrimaryState());
                    } catch (Held h) {
                        state = new ODEState(t, frozenAt[0]);
                        samples.hold();
                    } catch (MathRuntimeException e) { // iteration limit, step size below the minimum, ...
                        throw samples.failure(t, e);
                    }
                }
                samples.emit(state.getPrimaryState());
            }
        }
        return evaluations[0];
    }

    /**
     * True when x sits at a stable fixed point of the scalar flow dx/dt = f(x) to within {@code relative}: the
     * Newton distance |f(x)/f'(x)| to the zero of f, with f' &lt; 0 (central difference). A scalar flow is monotone,
     * so x(t) stays between x and the fixed point for all later t: holding x errs by at most that distance, while an
     * explicit integrator would spend O(rate · t) stability-limited steps on the plateau.
     */
    /**
     * The fixed point x − f(x)/f'(x) of the scalar flow dx/dt = f(x) when x passes {@link #atStableFixedPoint} at
     * {@code relative}, else null: the Newton step removes the remaining distance to second order, so the held value
     * is closer to every later x(t) than x itself.
     */
    static double[] newtonFixedPoint(java.util.function.DoubleUnaryOperator f, double x, double relative) {
        if (!atStableFixedPoint(f, x, relative)) {
            return null;
        }
        double h = 1e-6 * Math.abs(x);
        double slope = (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
        return new double[] {x - f.applyAsDouble(x) / slope};
    }

    static boolean atStableFixedPoint(java.util.function.DoubleUnaryOperator f, double x, double relative) {
        double h = 1e-6 * Math.abs(x);
        if (!(h > 0)) {
            return false;
        }
        double slope = (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
        return slope < 0 && Math.abs(f.applyAsDouble(x) / slope) <= relative * Math.abs(x);
    }

    /** Steps between two frozen tests inside an integration (the test costs a few right-hand sides). */
    static final int FROZEN_CHECK_STEPS = 16;

    /** One integration to t_end, the samples read off each step's interpolator. */
    private static void dense(AdaptiveStepsizeIntegrator integrator, OrdinaryDifferentialEquation ode, double[] y0,
            double tEnd, Samples samples) {
        while (samples.remaining() && (samples.nextTime() <= 0 || samples.held())) {
            samples.emit(y0);
        }
        if (!samples.remaining()) {
            return;
        }
        double[][] last = {y0};
        integrator.addStepHandler(interpolator -> {
            double t1 = interpolator.getCurrentState().getTime();
            while (samples.remaining() && samples.nextTime() <= t1) {
                last[0] = interpolator.getInterpolatedState(samples.nextTime()).getPrimaryState();
                samples.emit(last[0]);
                if (samples.held()) {
                    throw new Held();
                }
            }
        });
        try {
            last[0] = integrator.integrate(ode, new ODEState(0.0, y0.clone()), tEnd).getPrimaryState();
        } catch (Held h) {
            // a frozen state: hold it for the remaining times
        } catch (MathRuntimeException e) {
            throw samples.failure(tEnd, e);
        }
        while (samples.remaining()) {
            samples.emit(last[0]);
        }
    }

    /** Stops a dense-output integration once the state is frozen (not an error). */
    private static final class Held extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Held() {
            super(null, null, false, false);
        }
    }

    /** The sample times in order, with the finiteness check, the sink, the frozen flag and the failure report. */
    private static final class Samples {
        private final String solver;
        private final double[] times;
        private final String tolerances;
        private final Sink sink;
        private final java.util.function.Predicate<double[]> frozen;
        private int next;
        private boolean held;

        Samples(String solver, double[] times, double absolute, double relative, Sink sink,
                java.util.function.Predicate<double[]> frozen) {
            this.solver = solver;
            this.times = times;
            this.tolerances = "(tolerances " + absolute + " abs, " + relative + " rel)";
            this.sink = sink;
            this.frozen = frozen;
        }

        boolean remaining() {
            return next < times.length;
        }

        double nextTime() {
            return times[next];
        }

        boolean held() {
            return held;
        }

        /** The state was found frozen between two sample times: it is held from now on. */
        void hold() {
            held = true;
        }

        void emit(double[] y) {
            for (double v : y) {
                if (!Double.isFinite(v)) {
                    throw new ComputationException(solver, "non-finite state " + v + " at t = " + times[next]
                            + " " + tolerances);
                }
            }
            sink.at(next++, y);
            held = held || frozen.test(y);
        }

        ComputationException failure(double t, RuntimeException e) {
            return new ComputationException(solver, "failed before t = " + t + " " + tolerances + ": "
                    + e.getMessage(), e);
        }
    }
}
