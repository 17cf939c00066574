package org.iclscale.model;

import java.util.Objects;
import org.iclscale.core.InvalidInputException;
import org.iclscale.theory.TimeConvention;

/**
 * What to integrate: the rule, the times t ≥ 0 (increasing) in the given convention, the initial scale w(0) of
 * full attention, the FS modes k (0-based) whose γ_k(t) to report and whether FS integrates its ODE instead of
 * the exact per-mode solution.
 */
public record FlowRequest(FlowRule rule, double[] times, TimeConvention convention, double init, int[] modes,
        boolean odeSolver) {

    /** Default initial scale of full attention. */
    public static final double DEFAULT_INIT = 0.1;

    public FlowRequest {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(convention, "convention");
        times = times.clone();
        modes = modes.clone();
        for (int i = 0; i < times.length; i++) {
            if (!(times[i] >= 0) || !Double.isFinite(times[i]) || i > 0 && times[i] < times[i - 1]) {
                throw new InvalidInputException("times", times[i], "finite numbers >= 0 in increasing order");
            }
        }
        if (!(init > 0) || !Double.isFinite(init)) {
            throw new InvalidInputException("init", init, "a finite number > 0");
        }
    }

    /** A tied flow in the ½ convention at these times. */
    public static FlowRequest tied(double... times) {
        return new FlowRequest(FlowRule.TIED, times, TimeConvention.HALF, DEFAULT_INIT, new int[0], false);
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    @Override
    public int[] modes() {
        return modes.clone();
    }
}
