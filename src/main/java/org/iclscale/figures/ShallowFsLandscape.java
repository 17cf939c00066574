package org.iclscale.figures;

import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.ModeLandscape;

/**
 * The exact FS loss of the depth-1 reduced model at finite context P for a diagonal Γ = diag(γ_k), σ = 0: the
 * reference of the Fig. 3d overlay at L = 1, independent of the deterministic equivalents. With w^1 − w⋆ =
 * −(I − ΓΣ̂)w⋆, E_signs w⋆w⋆ᵀ = Ω and Isserlis for the Gaussian sample covariance Σ̂ of P draws of N(0, Λ),
 * E Σ̂AΣ̂ = (1 + 1/P)ΛAΛ + Λ tr(ΛA)/P (A symmetric):
 *
 * <pre>
 *   𝓛(γ) = Σ_k p_k − 2Σ_k ω_kγ_kλ_k² + (1 + 1/P)Σ_k ω_kλ_k³γ_k² + (Σ_k ω_kλ_k)(Σ_j γ_j²λ_j²)/P,
 * </pre>
 *
 * p_k = ω_kλ_k. A deterministic equivalent keeps the tr-term (order D/P) and drops the ΛAΛ/P part of the
 * (1 + 1/P) factor (order 1/P); for a power law the loss sits on the first modes, so that term is a few % of the
 * loss at P = 128 (it is the gap between this landscape and {@link org.iclscale.deteq.FsModeLandscape} at L = 1).
 */
final class ShallowFsLandscape implements ModeLandscape {

    private final double[] lambda;
    private final double[] omega;
    private final double p;
    private final double traceP;

    ShallowFsLandscape(Spectrum spectrum, int contextLength) {
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
        return loss + traceP * quad / p;
    }

    @Override
    public double[] gradient(double[] g) {
        double[] out = new double[lambda.length];
        for (int k = 0; k < lambda.length; k++) {
            double l = lambda[k];
            out[k] = -2 * omega[k] * l * l + 2 * (1 + 1 / p) * omega[k] * l * l * l * g[k] + 2 * traceP * g[k] * l * l / p;
        }
        return out;
    }

    @Override
    public String method() {
        return "exact finite-P FS loss of the depth-1 model (Isserlis), P = " + (long) p;
    }
}
