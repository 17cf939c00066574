package org.iclscale.theory;

/**
 * A loss as a function of the single step-size scale γ of the reduced model Γ = γI (or, in FS, Γ = γ·Γ₀):
 * the object behind {@code risk}, {@code optimum}, {@code landscape} and {@code dynamics} in every setting
 * where rotation invariance keeps Γ(t) ∝ I (ISO: paper Result 1; RRS: Result 6).
 *
 * <p>Implementations are immutable, stateless and thread-safe: a value and its diagnostics come back together
 * from {@link #evaluate}, and {@link #method()} describes the route only, so the same landscape gives the same text
 * whatever was evaluated before and from whichever thread. Losses include the label-noise variance σ².
 */
public interface GammaLandscape {

    /** Total test loss 𝓛(γ), σ² included. */
    double loss(double gamma);

    /** d𝓛/dγ. */
    double lossDerivative(double gamma);

    /** Label-noise variance σ² (the part of the loss no γ can remove). */
    double noiseVariance();

    /**
     * The largest γ for which the in-context GD iteration is stable, 2L/λ_max; +∞ when there is none
     * (infinite depth, where (1 − γλ/L)^L → e^{−γλ}).
     */
    double stabilityEdge();

    /** How {@link #loss} is computed, e.g. "exact Gauss-Chebyshev quadrature against Marchenko-Pastur". */
    String method();

    /** 𝓛(γ) with the diagnostics of its computation (none by default). */
    default LossEvaluation evaluate(double gamma) {
        return LossEvaluation.of(loss(gamma));
    }

    /**
     * {@link #evaluate} at every γ of {@code gammas}, in order (the same values and diagnostics); a landscape whose
     * further γ could share work may override it. One by one by default (a sweep's run of γ on one landscape).
     */
    default LossEvaluation[] evaluateAll(double[] gammas) {
        LossEvaluation[] out = new LossEvaluation[gammas.length];
        for (int k = 0; k < gammas.length; k++) {
            out[k] = evaluate(gammas[k]);
        }
        return out;
    }

    /**
     * The minimiser of 𝓛 over γ ≥ 0: by default a global grid and Brent's method on (0, {@link #stabilityEdge()}],
     * continued on doubled ranges while the loss still falls at the end ({@link OptimumSearch#minimiseUntilRise}: the
     * edge of a deterministic equivalent is an estimate, not a wall); models with more structure override it (a
     * convex loss, a closed form, an infimum approached as γ → ∞ at infinite depth, reported with γ = +∞).
     *
     * @throws org.iclscale.core.InvalidInputException (parameter {@code depth}) when the landscape has no finite
     *     search range and no override knows its infimum
     */
    default OptimumSearch.Optimum optimum() {
        if (!Double.isFinite(stabilityEdge())) {
            throw new org.iclscale.core.InvalidInputException("depth", "inf", "a finite integer >= 1 to optimise gamma "
                    + "here (at infinite depth this model has no finite search range)");
        }
        return OptimumSearch.minimiseUntilRise(this, stabilityEdge(), OptimumSearch.DEFAULT_GRID);
    }

    /**
     * The minimiser of 𝓛 over (0, gammaMax], a range the caller chooses (issue 16 defect 1: {@code --gamma-max});
     * {@code atUpperBound} when the loss still falls at gammaMax.
     */
    default OptimumSearch.Optimum optimum(double gammaMax) {
        OptimumSearch.checkGammaMax(gammaMax);
        return OptimumSearch.minimiseBounded(this, gammaMax, OptimumSearch.DEFAULT_GRID);
    }
}
