package org.iclscale.model;

/**
 * The loss of untied layers Γ^ℓ = γ^ℓ I (paper App. G.1): total (σ² included), excess, its signal part at α = ∞
 * and its App. G.1.2 noise part, and the method.
 */
public record UntiedRiskResult(ModelSpec spec, double[] layerGammas, double loss, double excessLoss, double signalLoss,
        double noiseLoss, String method) {

    public UntiedRiskResult {
        layerGammas = layerGammas.clone();
    }

    @Override
    public double[] layerGammas() {
        return layerGammas.clone();
    }
}
