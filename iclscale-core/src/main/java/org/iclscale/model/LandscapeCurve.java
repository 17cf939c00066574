package org.iclscale.model;

import org.iclscale.core.Diagnostics;

/**
 * The loss of a model along γ (paper Fig. 2): γ/L on K points of (0, upper], the corresponding γ, the loss and
 * excess loss, the stability edge per layer 2/λ_max and the method.
 */
public record LandscapeCurve(ModelSpec spec, Regime regime, double[] gammaPerLayer, double[] gamma, double[] loss,
        double[] excessLoss, double stabilityEdgePerLayer, String method, Diagnostics diagnostics) {

    public LandscapeCurve {
        gammaPerLayer = gammaPerLayer.clone();
        gamma = gamma.clone();
        loss = loss.clone();
        excessLoss = excessLoss.clone();
    }

    @Override
    public double[] gammaPerLayer() {
        return gammaPerLayer.clone();
    }

    @Override
    public double[] gamma() {
        return gamma.clone();
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
