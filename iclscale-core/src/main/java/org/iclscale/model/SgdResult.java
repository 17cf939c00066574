package org.iclscale.model;

import java.util.Objects;

/**
 * The depth-1 ISO online-SGD curve of paper Result 10 ({@link Theory#sgd}) at steps 0, k, 2k, … ≤ n: the paper's
 * observable (1/D)‖Γ(t) − I‖², the ICL test loss σ² + 1 − 1/g + g·C(t) and its excess over σ², the recursion's
 * a and b, the largest stable η, the t → ∞ limits, and the method.
 */
public record SgdResult(SgdRequest request, double[] step, double[] gammaDistance, double[] loss, double[] excessLoss,
        double a, double b, double largestStableEta, double asymptoticLoss, double asymptoticGammaDistance,
        String method) {

    public SgdResult {
        Objects.requireNonNull(request, "request");
        step = step.clone();
        gammaDistance = gammaDistance.clone();
        loss = loss.clone();
        excessLoss = excessLoss.clone();
        Objects.requireNonNull(method, "method");
    }

    @Override
    public double[] step() {
        return step.clone();
    }

    @Override
    public double[] gammaDistance() {
        return gammaDistance.clone();
    }

    @Override
    public double[] loss() {
        return loss.clone();
    }

    @Override
    public double[] excessLoss() {
        return excessLoss.clone();
    }
}
