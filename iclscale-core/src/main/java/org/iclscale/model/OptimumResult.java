package org.iclscale.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.iclscale.core.Diagnostics;
import org.iclscale.theory.OptimumSearch;

/**
 * The optimal step-size scale of a model and its loss. {@code gamma} is +∞ for an infimum approached as γ → ∞
 * (infinite depth); {@code atUpperBound} says the minimiser sits at the end of the searched range
 * ({@code searchBound}). ISO adds its closed forms where they hold ({@link #closedForm}); FS at α = ∞ adds the
 * matrix optimum of Result 3 ({@link #matrixOptimum}), where the isotropic γ is secondary. Where the loss is so flat
 * that a wide γ-interval is equally good to a relative 1e-10 of the excess loss, {@link #flatInterval} gives it
 * (issue 16 defect 3): the minimiser is then determined only to that interval.
 */
public record OptimumResult(ModelSpec spec, Regime regime, double gamma, double loss, double excessLoss,
        double stabilityEdge, int evaluations, boolean atUpperBound, double searchBound, String method,
        Diagnostics diagnostics, Optional<ClosedForm> closedForm, Optional<MatrixOptimum> matrixOptimum,
        Optional<OptimumSearch.Interval> flatInterval, List<String> notes) {

    public OptimumResult {
        notes = List.copyOf(notes);
    }

    /** True when γ* = ∞ (an infimum, not attained at finite γ). */
    public boolean infimum() {
        return gamma == Double.POSITIVE_INFINITY;
    }

    /** γ* divided by L at finite depth and finite γ* (NaN otherwise). */
    public double gammaPerLayer() {
        return spec.depth().infinite() || infimum() ? Double.NaN : gamma / spec.depth().steps();
    }

    /** An ISO closed form of the optimum (paper-notes §3.1): γ* where it is known, and 𝓛*. */
    public record ClosedForm(OptionalDouble gamma, double loss) {
    }

    /**
     * FS at α = ∞ (Result 3): Γ = LΣ⁻¹ (eigenvalues L/λ_k, the first {@code modeGammas.length} of them here) whitens
     * in one step with zero excess loss at any L; the best isotropic Γ = γI is reported next to it.
     */
    public record MatrixOptimum(double[] modeGammas, double isotropicGamma, double isotropicLoss) {
        public MatrixOptimum {
            modeGammas = modeGammas.clone();
        }

        @Override
        public double[] modeGammas() {
            return modeGammas.clone();
        }
    }
}
