package org.iclscale.deteq;

import org.iclscale.core.InvalidInputException;
import org.iclscale.spectrum.Spectrum;

/**
 * Infinite-time, infinite-depth floors of the RRS loss (notes §3.5, App. F.5 with the corrections of §8
 * item 5).
 * <ul>
 *   <li><b>Width floor</b> (t, L, P → ∞): the Λ-orthogonal residual of β̄ outside range(Q),
 *       L_N ≃ Σ_k p_k z/(z + λ_k) with Σ_k λ_k/(λ_k + z) = N (first power; the paper's squared form is an
 *       erratum). Scaling N^{−ν min(β,1)}.</li>
 *   <li><b>Context floor</b> (t, L, N → ∞): ridgeless (min-norm) interpolation from P samples (notes §7.4):
 *       L_P − σ² = [r² Σ_k p_k/(r + λ_k)² + σ² df₂/P] / (1 − df₂/P), df₂ = Σ_k λ_k²/(r + λ_k)²,
 *       Σ_k λ_k/(r + λ_k) = P for P &lt; D; for P &gt; D, r = 0 and L_P − σ² = σ² D/(P − D).
 *       The factor 1/(1 − P⁻¹Σλ²/(r+λ)²) is the min-norm correction the paper omits. Scaling
 *       P^{−ν min(β,2)}.</li>
 * </ul>
 */
public final class Floors {

    private Floors() {
    }

    /** A floor value (excess loss, σ² excluded) with the solved effective ridge and diagnostics. */
    public record Floor(double excessLoss, double ridge, SolveReport report) {
    }

    /** Width floor for N modes kept (0 for N ≥ D). */
    public static Floor width(Spectrum spectrum, int width) {
        double[] lambda = spectrum.lambda();
        int d = lambda.length;
        if (width >= d) {
            return new Floor(0, 0, new SolveReport("width floor (N >= D: none)", 0, 0, 0));
        }
        Subordination sub = Subordination.rankProjection(lambda, width);
        double z = sub.inverseTau((double) width / d);
        double sum = 0;
        double check = 0;
        for (int k = 0; k < d; k++) {
            sum += spectrum.weightAt(k) * z / (z + lambda[k]);
            check += lambda[k] / (lambda[k] + z);
        }
        return new Floor(sum, z, new SolveReport("width floor: bisection on sum lambda/(lambda+z) = N", 300,
                Math.abs(check - width) / width, 1e-12));
    }

    /** Context floor with P samples and label noise σ (excess loss). */
    public static Floor context(Spectrum spectrum, double context, double sigma) {
        double[] lambda = spectrum.lambda();
        int d = lambda.length;
        double s2 = sigma * sigma;
        if (context > d) {
            return new Floor(s2 * d / (context - d), 0,
                    new SolveReport("context floor (P > D: interpolation with r = 0)", 0, 0, 0));
        }
        if (context == d) {
            if (s2 > 0) {
                throw new InvalidInputException("alpha", 1.0,
                        "!= 1 for the context floor with sigma > 0 (min-norm interpolation diverges at P = D)");
            }
            return new Floor(0, 0, new SolveReport("context floor (P = D, noise-free)", 0, 0, 0));
        }
        Subordination sub = Subordination.structuredWishart(lambda, context);
        double r = sub.inverseTau(context / d);
        double bias = 0;
        double df2 = 0;
        double df1 = 0;
        for (int k = 0; k < d; k++) {
            double den = r + lambda[k];
            bias += spectrum.weightAt(k) / (den * den);
            df2 += lambda[k] * lambda[k] / (den * den);
            df1 += lambda[k] / den;
        }
        double excess = (r * r * bias + s2 * df2 / context) / (1 - df2 / context);
        return new Floor(excess, r, new SolveReport("context floor: bisection on sum lambda/(lambda+r) = P", 300,
                Math.abs(df1 - context) / context, 1e-12));
    }
}
