package org.iclscale.model;

import java.util.Objects;
import java.util.Optional;
import org.iclscale.core.Diagnostics;

/**
 * One theory curve of a training run at the requested SGD steps ({@link TrainingTheory}): the ICL test loss
 * (σ² included), the theory's γ(t) where it has one (the scalar flows: γ; the FS per-mode flow: the mean
 * tr Γ/D of its γ_k; full attention: γ = w_v w_k w_q w_x²), the Result-10 observable (1/D)‖Γ(t) − I‖² of the
 * depth-1 SGD recursion, the method and the diagnostics of the computation (right-hand-side evaluations, the
 * solver's report at the last point).
 */
public record TheoryCurve(double[] loss, Optional<double[]> gamma, Optional<double[]> gammaDistance, String method,
        Diagnostics diagnostics) {

    public TheoryCurve {
        loss = loss.clone();
        gamma = Objects.requireNonNull(gamma, "gamma").map(double[]::clone);
        gammaDistance = Objects.requireNonNull(gammaDistance, "gammaDistance").map(double[]::clone);
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(diagnostics, "diagnostics");
    }

    /** A loss curve with γ(t) (null: none). */
    static TheoryCurve of(double[] loss, double[] gamma, String method, Diagnostics diagnostics) {
        return new TheoryCurve(loss, Optional.ofNullable(gamma), Optional.empty(), method, diagnostics);
    }

    @Override
    public double[] loss() {
        return loss.clone();
    }

    @Override
    public Optional<double[]> gamma() {
        return gamma.map(double[]::clone);
    }

    @Override
    public Optional<double[]> gammaDistance() {
        return gammaDistance.map(double[]::clone);
    }

    /** The loss at the last requested step. */
    public double finalLoss() {
        return loss[loss.length - 1];
    }
}
