package org.iclscale.theory;

import org.iclscale.spectrum.Spectrum;

/**
 * The exact loss of the depth-1 reduced model at finite D and context P for a diagonal Γ = diag(γ_k) (FS; RRS with
 * Γ = γI via {@link #isotropic}, since γI commutes with the rotation): the finite-size reference of `train` and of
 * the Fig. 3d overlay at L = 1, independent of the deterministic equivalents. With w^1 − w⋆ =
 * −(I − ΓΣ̂)w⋆, E_signs w⋆w⋆ᵀ = Ω and Isserlis for the Gaussian sample covariance Σ̂ of P draws of N(0, Λ),
 * E Σ̂AΣ̂ = (1 + 1/P)ΛAΛ + Λ tr(ΛA)/P (A symmetric):
 *
 * <pre>
 *   𝓛(γ) = Σ_k p_k − 2Σ_k ω_kγ_kλ_k² + (1 + 1/P)Σ_k ω_kλ_k³γ_k² + (Σ_k ω_kλ_k)(Σ_j γ_j²λ_j²)/P,
 * </pre>
 *
 * p_k = ω_kλ_k, plus σ² + (σ²/P)Σ_k γ_k²λ_k² with label noise (E‖ΓXᵀε/P‖²_Λ = (σ²/P) tr ΓΛΓΛ; at Λ = I this is
 * the σ²γ²/α of the ISO loss). A deterministic equivalent keeps the tr-term (order D/P) and drops the ΛAΛ/P part of the
 * (1 + 1/P) factor (order 1/P); for a power law the loss sits on the first modes, so that term is a few % of the
 * loss at P = 128 (it is the gap between this landscape and {@link org.iclscale.deteq.FsModeLandscape} at L = 1).
 */
public final class ExactShallowLandscape implements ModeLandscape {

    private final double[] lambda;
    private final double[] omega;
    private final double p;
    private final double traceP;
    private final double sigma;

    /**
     * @param contextLength P ≥ 1
     * @param sigma         label-noise standard deviation σ ≥ 0
     */
    public ExactShallowLandscape(Spectrum spectrum, int contextLength, double sigma) {
        this.sigma = sigma;
        lambda = spectrum.lambda();
        omega = spectrum.omega();
        p = contextLength;
        double s = 0;
        for (int k = 0; k < lambda.length; k++) {
            s += omega[k] * lambda[k];
        }
        traceP = s;
    }

    @Override
    public int dim() {
        return lambda.length;
    }

    @Override
    public double loss(double[] g) {
        double loss = traceP;
        double quad = 0;
        for (int k = 0; k < lambda.length; k++) {
            double l = lambda[k];
            loss += -2 * omega[k] * g[k] * l * l + (1 + 1 / p) * omega[k] * l * l * l * g[k] * g[k];
            quad += g[k] * g[k] * l * l;
        }
        return sigma * sigma + loss + (traceP + sigma * sigma) * quad / p;
    }

    @Override
    public double[] gradient(double[] g) {
        double[] out = new double[lambda.length];
        for (int k = 0; k < lambda.length; k++) {
            double l = lambda[k];
            out[k] = -2 * omega[k] * l * l + 2 * (1 + 1 / p) * omega[k] * l * l * l * g[k] + 2 * (traceP + sigma * sigma) * g[k] * l * l / p;
        }
        return out;
    }

    @Override
    public String method() {
        return "exact finite-(D, P) loss of the depth-1 model (Isserlis for the Gaussian sample covariance), D = "
                + lambda.length + ", P = " + (long) p + (sigma > 0 ? ", label noise" : "");
    }

    /** The restriction to Γ = γI (the RRS loss at depth 1: γI commutes with the Haar rotation). */
    public GammaLandscape isotropic() {
        ExactShallowLandscape m = this;
        return new GammaLandscape() {
            @Override
            public double loss(double gamma) {
                return m.loss(filled(gamma));
            }

            @Override
            public double lossDerivative(double gamma) {
                double sum = 0;
                for (double v : m.gradient(filled(gamma))) {
                    sum += v;
                }
                return sum;
            }

            @Override
            public double noiseVariance() {
                return sigma * sigma;
            }

            @Override
            public double stabilityEdge() {
                return Double.POSITIVE_INFINITY; // a quadratic in γ: no divergence at depth 1
            }

            @Override
            public String method() {
                return m.method() + ", Gamma = gamma I";
            }
        };
    }

    private double[] filled(double gamma) {
        double[] g = new double[lambda.length];
        java.util.Arrays.fill(g, gamma);
        return g;
    }
}
