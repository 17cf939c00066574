package org.iclscale.theory;

import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;
import org.iclscale.core.ComputationException;

/**
 * Per-mode gradient flow dγ_k/dt = −½ ∂𝓛/∂γ_k on a {@link ModeLandscape} (the ½ convention of paper
 * Results 1, 4 and 6, {@link TimeConvention#HALF}), integrated as one D-dimensional system with Hipparchus'
 * Dormand–Prince 5(4) at the stated tolerances (each right-hand side of the finite-α FS landscape costs a full
 * two-point contour evaluation, so a 5th-order pair with fewer stages per step is the cheaper choice; the
 * tolerances are far below the Monte Carlo errors the curves are compared with).
 */
public final class ModeFlow {

    public static final double ABSOLUTE_TOLERANCE = 1e-8;
    public static final double RELATIVE_TOLERANCE = 1e-6;

    /**
     * 𝓛(t), the mean (1/D)Σγ_k(t) (= tr Γ/D, the observable the simulator reports) and the full γ_k(t) at the
     * requested times, with the number of gradient evaluations.
     */
    public record Trajectory(double[] times, double[] loss, double[] meanGamma, double[][] gamma, int evaluations) {
    }

    private ModeFlow() {
    }

    /**
     * @param landscape the per-mode loss
     * @param initial   γ_k(0) (length D)
     * @param times     increasing times ≥ 0 (½-convention gradient-flow time)
     */
    public static Trajectory integrate(ModeLandscape landscape, double[] initial, double[] times) {
        return integrate(landscape, initial, times, 1.0);
    }

    /**
     * dγ_k/dt = −(scale/2) ∂𝓛/∂γ_k. scale = D is the ½ convention in normalised-trace units
     * ([∂𝓛/∂Γ]_kk = D ∂𝓛/∂γ_k, the unit in which the scalar flows of Results 1/6 and the simulator's clock
     * t = η·n are stated); scale = 1 is the ordinary-partial form used by {@link FsModel}'s Result 4 solution.
     */
    public static Trajectory integrate(ModeLandscape landscape, double[] initial, double[] times, double scale) {
        int dim = landscape.dim();
        if (initial.length != dim) {
            throw new IllegalArgumentException("initial state has " + initial.length + " modes, landscape " + dim);
        }
        int[] evaluations = {0};
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return dim;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                evaluations[0]++;
                double[] g = landscape.gradient(y);
                double[] dy = new double[dim];
                for (int k = 0; k < dim; k++) {
                    dy[k] = -0.5 * scale * g[k];
                }
                return dy;
            }
        };
        double tEnd = times.length == 0 ? 0 : times[times.length - 1];
        DormandPrince54Integrator integrator = new DormandPrince54Integrator(1e-12 * Math.max(1, tEnd),
                Math.max(1, tEnd), ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE);
        double[][] gammas = new double[times.length][];
        // one integration to the last time; the requested times are read off the dense output (restarting the
        // integrator at every output time would cost a step-size estimate and a full step each)
        int[] next = {0};
        while (next[0] < times.length && times[next[0]] <= 0) {
            gammas[next[0]++] = initial.clone();
        }
        integrator.addStepHandler(new ODEStepHandler() {
            @Override
            public void handleStep(ODEStateInterpolator interpolator) {
                double t1 = interpolator.getCurrentState().getTime();
                while (next[0] < times.length && times[next[0]] <= t1) {
                    gammas[next[0]] = interpolator.getInterpolatedState(times[next[0]]).getPrimaryState().clone();
                    next[0]++;
                }
            }
        });
        if (tEnd > 0) {
            try {
                ODEStateAndDerivative end = integrator.integrate(ode, new ODEState(0.0, initial.clone()), tEnd);
                while (next[0] < times.length) {
                    gammas[next[0]++] = end.getPrimaryState().clone();
                }
            } catch (MathIllegalStateException e) {
                throw new ComputationException("Dormand-Prince 5(4) per-mode flow", "failed before t = " + tEnd
                        + " (tolerances " + ABSOLUTE_TOLERANCE + " abs, " + RELATIVE_TOLERANCE + " rel): "
                        + e.getMessage(), e);
            }
        }
        double[] loss = new double[times.length];
        double[] mean = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            loss[i] = landscape.loss(gammas[i]);
            double s = 0;
            for (double v : gammas[i]) {
                s += v;
            }
            mean[i] = s / dim;
        }
        return new Trajectory(times.clone(), loss, mean, gammas, evaluations[0]);
    }
}
