package org.iclscale.theory;

import org.iclscale.core.Diagnostics;

/**
 * Per-mode gradient flow dγ_k/dt = −½ ∂𝓛/∂γ_k on a {@link ModeLandscape} (the ½ convention of paper
 * Results 1, 4 and 6, {@link TimeConvention#HALF}), integrated as one D-dimensional system by {@link OdeSampler}
 * with Dormand–Prince 5(4) at the stated tolerances (each right-hand side of the finite-α FS landscape costs a full
 * two-point contour evaluation, so a 5th-order pair with fewer stages per step and dense output at the sample times
 * are the cheaper choice: measured at D = 32, α = 4, L = 2, t ≤ 30 with 21 samples, 194 evaluations against 496
 * restarting 5(4) at each sample and 1,090 restarting 8(5,3); the
 * tolerances are far below the Monte Carlo errors the curves are compared with).
 */
public final class ModeFlow {

    public static final double ABSOLUTE_TOLERANCE = 1e-8;
    public static final double RELATIVE_TOLERANCE = 1e-6;
    /** The embedded pair (see the class comment). */
    public static final OdeSampler.Integrator INTEGRATOR = OdeSampler.Integrator.DORMAND_PRINCE_54;

    /**
     * 𝓛(t), the mean (1/D)Σγ_k(t) (= tr Γ/D, the observable the simulator reports) and the full γ_k(t) at the
     * requested times, with the number of gradient evaluations and the diagnostics of the loss at the last time.
     */
    public record Trajectory(double[] times, double[] loss, double[] meanGamma, double[][] gamma, int evaluations,
            Diagnostics finalDiagnostics) {
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
        double[][] gammas = new double[times.length][];
        int evaluations = OdeSampler.sample(INTEGRATOR, OdeSampler.Sampling.DENSE_OUTPUT, "per-mode flow", initial, times, ABSOLUTE_TOLERANCE,
                RELATIVE_TOLERANCE, (t, y) -> {
                    double[] g = landscape.gradient(y);
                    double[] dy = new double[dim];
                    for (int k = 0; k < dim; k++) {
                        dy[k] = -0.5 * scale * g[k];
                    }
                    return dy;
                }, (i, y) -> gammas[i] = y.clone(), y -> false);
        double[] loss = new double[times.length];
        double[] mean = new double[times.length];
        Diagnostics last = Diagnostics.none();
        for (int i = 0; i < times.length; i++) {
            LossEvaluation e = landscape.evaluate(gammas[i]);
            loss[i] = e.loss();
            last = e.diagnostics();
            double s = 0;
            for (double v : gammas[i]) {
                s += v;
            }
            mean[i] = s / dim;
        }
        return new Trajectory(times.clone(), loss, mean, gammas, evaluations, last);
    }
}
