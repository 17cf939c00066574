package org.iclscale.model;

import org.iclscale.theory.LossEvaluation;

/**
 * The losses of one model at many step-size scales γ from one landscape ({@link Theory#riskRun}; a sweep over γ,
 * issue 17 goal 2): the numbers of each {@link RiskResult} as primitives, and each γ's full result (notes,
 * diagnostics) built only when asked ({@link #result}), identical to {@link Theory#risk} at that γ. Immutable.
 */
public final class RiskRun {

    /** Builds the result at one γ of the run from its evaluation (the rules of {@link Theory}'s riskAt). */
    interface Results {
        RiskResult at(double gamma, LossEvaluation evaluation);
    }

    private final ModelSpec spec;
    private final double[] gammas;
    private final double[] losses;
    private final double[] excessLosses;
    private final LossEvaluation[] evaluations;
    private final double stabilityEdge;
    private final Results results;

    RiskRun(ModelSpec spec, double[] gammas, double[] losses, double[] excessLosses, LossEvaluation[] evaluations,
            double stabilityEdge, Results results) {
        this.spec = spec;
        this.gammas = gammas.clone();
        this.losses = losses.clone();
        this.excessLosses = excessLosses.clone();
        this.evaluations = evaluations.clone();
        this.stabilityEdge = stabilityEdge;
        this.results = results;
    }

    /** The number of γ. */
    public int size() {
        return gammas.length;
    }

    /** γ number {@code k}. */
    public double gamma(int k) {
        return gammas[k];
    }

    /** {@link RiskResult#loss()} at γ number {@code k} (σ² included; a round-off residue below σ² is σ²). */
    public double loss(int k) {
        return losses[k];
    }

    /** {@link RiskResult#excessLoss()} at γ number {@code k}. */
    public double excessLoss(int k) {
        return excessLosses[k];
    }

    /** {@link RiskResult#gammaPerLayer()} at γ number {@code k}: γ/L (NaN at infinite depth). */
    public double gammaPerLayer(int k) {
        return spec.depth().infinite() || Double.isInfinite(gammas[k]) ? Double.NaN : gammas[k] / spec.depth().steps();
    }

    /** {@link RiskResult#stabilityEdge()}: the landscape's, the same at every γ. */
    public double stabilityEdge() {
        return stabilityEdge;
    }

    /** The whole result at γ number {@code k}, with its notes and diagnostics: {@link Theory#risk} at that γ. */
    public RiskResult result(int k) {
        return results.at(gammas[k], evaluations[k]);
    }
}
