package org.iclscale.theory;

import org.iclscale.core.Depth;
import org.iclscale.spectrum.Spectrum;

/**
 * RRS at α = ∞ and N = ∞ (paper Result 6, App. E, notes §3.4): by rotation invariance Γ = γI and
 * <pre>
 *   𝓛(γ) = σ² + Σ_k p_k (1 − γλ_k/L)^{2L},   p_k = λ_kω_k,      (L = ∞: σ² + Σ_k p_k e^{−2γλ_k})
 * </pre>
 * with stability edge γ &lt; 2L/λ_1. At α = ∞ the label noise enters only as the additive σ² (its
 * in-context part is O(1/α), see {@link UntiedLayers#noise}). The same function is the FS loss along
 * Γ = γI (at α = ∞ both settings see Σ̂ = Σ), see {@link FsModel}.
 */
public final class RrsModel implements GammaLandscape {

    private final double[] lambda;
    private final double[] p;
    private final Depth depth;
    private final double sigma;
    private final double lambdaMax;
    private final String label;

    public RrsModel(Spectrum spectrum, Depth depth, double sigma) {
        this(spectrum, depth, sigma, "RRS (alpha = N = inf, Result 6)");
    }

    RrsModel(Spectrum spectrum, Depth depth, double sigma, String label) {
        this.lambda = spectrum.lambda();
        this.p = spectrum.weights();
        this.depth = depth;
        this.sigma = sigma;
        this.lambdaMax = spectrum.maxLambda();
        this.label = label;
    }

    /** The excess loss Σ_k p_k (1 − γλ_k/L)^{2L}. */
    public double excessLoss(double gamma) {
        if (depth.infinite()) {
            return SpectralSums.expSum(p, lambda, 2 * gamma);
        }
        int l = depth.steps();
        return SpectralSums.powerSum(p, lambda, gamma / l, 2L * l);
    }

    @Override
    public double loss(double gamma) {
        return sigma * sigma + excessLoss(gamma);
    }

    /** d𝓛/dγ = −2 Σ_k p_kλ_k (1 − γλ_k/L)^{2L−1}. */
    @Override
    public double lossDerivative(double gamma) {
        if (depth.infinite()) {
            return -2 * SpectralSums.expSumLambda(p, lambda, 2 * gamma);
        }
        int l = depth.steps();
        return -2 * SpectralSums.powerSumLambda(p, lambda, gamma / l, 2L * l - 1);
    }

    @Override
    public double noiseVariance() {
        return sigma * sigma;
    }

    /** Grid points of the bracketing stage in {@link #optimum()} (enough: the loss is convex). */
    public static final int CONVEX_GRID = 8;

    /**
     * The optimal γ on (0, 2L/λ_1]. Every term p_k(1 − γλ_k/L)^{2L} is an even power of an affine function of γ,
     * so 𝓛 is convex and a coarse bracketing grid ({@value #CONVEX_GRID} points) before Brent suffices
     * (about 5× fewer loss evaluations than the generic 256-point search). At L = ∞ every mode decays as
     * e^{−2γλ_k}: the infimum σ² is approached as γ → ∞.
     */
    @Override
    public OptimumSearch.Optimum optimum() {
        if (depth.infinite()) {
            return OptimumSearch.Optimum.infimum(noiseVariance(), "infimum: at alpha = inf and L = inf the loss sigma^2"
                    + " + sum_k p_k exp(-2 gamma lambda_k) decreases monotonically to sigma^2 as gamma -> inf");
        }
        return OptimumSearch.minimise(this, stabilityEdge(), CONVEX_GRID)
                .describedAs("convex loss: grid (" + CONVEX_GRID + " points) + Brent");
    }

    /** 2L/λ_1 (+∞ at infinite depth). */
    @Override
    public double stabilityEdge() {
        return depth.infinite() ? Double.POSITIVE_INFINITY : 2.0 * depth.steps() / lambdaMax;
    }

    @Override
    public String method() {
        return label + ": loss = sigma^2 + sum_k p_k (1 - gamma lambda_k/L)^(2L), exact sum over " + lambda.length
                + " modes";
    }

    public Depth depth() {
        return depth;
    }

    public int dim() {
        return lambda.length;
    }
}
