package org.iclscale.theory;

import org.iclscale.core.Depth;
import org.iclscale.spectrum.PowerLawContinuum;

/**
 * The RRS loss (α = N = ∞) for the power law at D = ∞ ({@link PowerLawContinuum}): 𝓛(γ) = σ² + Σ_{k≥1}
 * p_k(1 − γλ_k/L)^{2L}, the cutoff chosen per γ so that 2γλ_K ≤ 10⁻². Used to check exponents without the
 * finite-D saturation (γ ≪ λ_D^{−1}).
 */
public final class RrsContinuum implements GammaLandscape {

    private final PowerLawContinuum law;
    private final Depth depth;
    private final double sigma;

    public RrsContinuum(PowerLawContinuum law, Depth depth, double sigma) {
        this.law = law;
        this.depth = depth;
        this.sigma = sigma;
    }

    private int cutoff(double gamma) {
        return PowerLawContinuum.cutoffFor(2 * gamma, law.nu());
    }

    @Override
    public double loss(double gamma) {
        if (depth.infinite()) {
            return sigma * sigma + law.sum(PowerLawContinuum.exponential(-2 * gamma, false), 1, cutoff(gamma));
        }
        int steps = depth.steps();
        return sigma * sigma + law.sum(new FiniteDepth(gamma, steps, 2L * steps, false), 1, cutoff(gamma));
    }

    @Override
    public double lossDerivative(double gamma) {
        if (depth.infinite()) {
            return -2 * law.sum(PowerLawContinuum.exponential(-2 * gamma, true), 0, cutoff(gamma));
        }
        int steps = depth.steps();
        return -2 * law.sum(new FiniteDepth(gamma, steps, 2L * steps - 1, true), 0, cutoff(gamma));
    }

    @Override
    public double noiseVariance() {
        return sigma * sigma;
    }

    /** 2L/λ_1 = 2L (λ_1 = 1). */
    @Override
    public double stabilityEdge() {
        return depth.infinite() ? Double.POSITIVE_INFINITY : 2.0 * depth.steps();
    }

    /** At L = ∞ the loss decreases monotonically to σ² as γ → ∞ (an infimum); otherwise grid + Brent. */
    @Override
    public OptimumSearch.Optimum optimum() {
        if (depth.infinite()) {
            return OptimumSearch.Optimum.infimum(noiseVariance(), "infimum: at alpha = inf and L = inf the loss sigma^2"
                    + " + sum_k p_k exp(-2 gamma lambda_k) decreases monotonically to sigma^2 as gamma -> inf");
        }
        return OptimumSearch.minimise(this);
    }

    @Override
    public String method() {
        return "RRS (alpha = N = inf), power law at D = inf: exact head sum + Euler-Maclaurin/Gauss-Legendre tail";
    }

    /**
     * F = (1 − γλ/L)^n or λ(1 − γλ/L)^n (n = 2L: the loss; n = 2L − 1: its derivative kernel), summed over the head
     * modes in its own loop (the operations of the former lambda, the same doubles).
     */
    private record FiniteDepth(double gamma, int steps, long power, boolean timesLambda)
            implements PowerLawContinuum.HeadKernel {
        @Override
        public double apply(double l, double p) {
            double f = SpectralSums.ipow(1 - gamma * l / steps, power);
            return timesLambda ? l * f : f;
        }

        @Override
        public double head(double acc, double[] kMinusS, double[] kMinusNu, double z, int to) {
            double head = acc;
            if (timesLambda) {
                for (int k = to - 1; k >= 1; k--) {
                    double p = kMinusS[k] / z;
                    double l = kMinusNu[k];
                    head += p * (l * SpectralSums.ipow(1 - gamma * l / steps, power));
                }
            } else {
                for (int k = to - 1; k >= 1; k--) {
                    double p = kMinusS[k] / z;
                    head += p * SpectralSums.ipow(1 - gamma * kMinusNu[k] / steps, power);
                }
            }
            return head;
        }
    }
}
