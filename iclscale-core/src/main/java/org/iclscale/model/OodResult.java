package org.iclscale.model;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * FS out-of-distribution losses of the Result 3 optimum Γ = LΣ⁻¹ under rotated covariances ({@link Theory#ood},
 * paper Result 5): per angle θ the loss at each of {@link OodRequest#depths()} ({@code loss[d][i]}, σ² included;
 * d = 0 is the spec's depth), the excess of the spec's depth, the spectral radius of I − Σ⁻¹Σ′, and, when
 * comparison depths were given, the crossover angle where the smallest and the largest depth give equal loss
 * ({@code crossoverDepths} = {smallest, largest}; empty when there is none in the θ range, with a note).
 */
public record OodResult(OodRequest request, double[] theta, double[][] loss, double[] excessLoss,
        double[] spectralRadius, OptionalDouble crossoverTheta, int[] crossoverDepths, String method,
        List<String> notes) {

    public OodResult {
        Objects.requireNonNull(request, "request");
        theta = theta.clone();
        double[][] copy = new double[loss.length][];
        for (int d = 0; d < loss.length; d++) {
            copy[d] = loss[d].clone();
        }
        loss = copy;
        excessLoss = excessLoss.clone();
        spectralRadius = spectralRadius.clone();
        Objects.requireNonNull(crossoverTheta, "crossoverTheta");
        crossoverDepths = crossoverDepths.clone();
        Objects.requireNonNull(method, "method");
        notes = List.copyOf(notes);
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }

    /** loss[d] at depth {@code request().depths()[d]}. */
    @Override
    public double[][] loss() {
        double[][] copy = new double[loss.length][];
        for (int d = 0; d < loss.length; d++) {
            copy[d] = loss[d].clone();
        }
        return copy;
    }

    /** The losses at depth index d (0: the spec's depth). */
    public double[] lossAt(int d) {
        return loss[d].clone();
    }

    @Override
    public double[] excessLoss() {
        return excessLoss.clone();
    }

    @Override
    public double[] spectralRadius() {
        return spectralRadius.clone();
    }

    @Override
    public int[] crossoverDepths() {
        return crossoverDepths.clone();
    }
}
