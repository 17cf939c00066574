package org.iclscale.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The theory of a training run ({@link Theory#trainingTheory}) at given SGD steps n: the regime chosen by
 * {@link Landscapes#trainingRegime}, the gradient-flow times t = n·{@link TrainSpec#flowTimePerStep()}, and up to
 * three curves on the same clock:
 * <ul>
 *   <li>{@code theory}: the curve {@code train} reports as theoryLoss/theoryGamma (at the realised α = P/D in FS and
 *       RRS, {@code theoryAlpha}); its {@link Status} says why it is absent;</li>
 *   <li>{@code exactShallow}: depth 1, FS or RRS, reduced: the same flow on the exact finite-(D, P) depth-1 loss
 *       (Isserlis; free of the deterministic equivalents' O(1/D) offset), {@code train}'s exactTheoryLoss;</li>
 *   <li>{@code infiniteContext}: on request, the same flow on the α = ∞ model of the same spectrum, depth and σ
 *       (the reference curve of the figures' training overlays: Figs. 3d, 4d, 8c).</li>
 * </ul>
 * {@code method} is the theory part of {@code train}'s method text (what was computed, or why nothing was), and
 * {@code timeConvention} states the clock.
 */
public record TrainingTheory(TrainSpec spec, TrainingRegime regime, double[] steps, double[] times,
        Optional<TheoryCurve> theory, Optional<TheoryCurve> exactShallow, Optional<TheoryCurve> infiniteContext,
        Status status, OptionalDouble theoryAlpha, String method, String timeConvention) {

    /** The curves a caller may ask for. */
    public enum Curve {
        /** The theory curve of the regime. */
        THEORY,
        /** The depth-1 exact finite-(D, P) flow (where the regime has one). */
        EXACT_SHALLOW,
        /** The same flow on the α = ∞ model. */
        INFINITE_CONTEXT
    }

    /** What became of the {@code theory} curve. */
    public enum Status {
        /** Computed. */
        CURVE,
        /** The regime has a theory but it refuses these parameters (Result 10: the SGD recursion is unstable). */
        UNSTABLE,
        /** The theory's solver failed at these parameters (the message is in {@code method}). */
        SOLVER_FAILED,
        /** The regime has no theory ({@link TrainingRegime#hasTheory()} is false). */
        NONE,
        /** Not asked for. */
        NOT_REQUESTED
    }

    public TrainingTheory {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(regime, "regime");
        steps = steps.clone();
        times = times.clone();
        Objects.requireNonNull(theory, "theory");
        Objects.requireNonNull(exactShallow, "exactShallow");
        Objects.requireNonNull(infiniteContext, "infiniteContext");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(theoryAlpha, "theoryAlpha");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(timeConvention, "timeConvention");
    }

    @Override
    public double[] steps() {
        return steps.clone();
    }

    @Override
    public double[] times() {
        return times.clone();
    }
}
