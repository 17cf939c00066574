package org.iclscale.model;

import java.util.List;
import org.iclscale.core.Diagnostics;

/**
 * The loss of a model along γ (paper Fig. 2): γ/L on K points of (0, upper], the corresponding γ, the loss and
 * excess loss, the standard error of each point (Monte Carlo only; empty otherwise), the stability edge per layer
 * 2/λ_max (2/s₊ for the deterministic equivalents), the method and notes for the reader.
 */
public record LandscapeCurve(ModelSpec spec, Regime regime, double[] gammaPerLayer, double[] gamma, double[] loss,
        double[] excessLoss, double[] standardError, double stabilityEdgePerLayer, String method,
        Diagnostics diagnostics, List<String> notes) {

    public LandscapeCurve {
        gammaPerLayer = gammaPerLayer.clone();
        gamma = gamma.clone();
        loss = loss.clone();
        excessLoss = excessLoss.clone();
        standardError = standardError.clone();
        notes = List.copyOf(notes);
    }

    @Override
    public double[] standardError() {
        return standardError.clone();
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
