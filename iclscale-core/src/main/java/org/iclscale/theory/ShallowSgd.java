package org.iclscale.theory;

import org.iclscale.core.InvalidInputException;

/**
 * Online SGD on Γ of the depth-1 ISO model (paper Result 10, App. C.1; paper-notes §3.2), with B = τD
 * contexts of P = αD examples and K = κD queries per step and learning rate η. With g = 1 + α⁻¹(1 + σ²),
 * C(t) = (1/D)E‖Γ(t) − Γ⋆‖², Γ⋆ = g⁻¹I:
 *
 * <pre>
 *   C(t+1) = a C(t) + b,  a = (1 − ηg)² + (η²/τ)(1 + κ⁻¹)g²,  b = (η²/τ)(1 + κ⁻¹)α⁻¹(1 + σ²),
 *   C(0) = g⁻²   (Γ(0) = 0; the paper prints C(0) = 1, an erratum).
 * </pre>
 *
 * Two observables:
 * <ul>
 *   <li>{@code gammaDistance}: the paper's "ICL test loss" of Result 10, (1/D)E‖Γ(t) − I‖² =
 *       C(t) + 2α⁻¹(1 + σ²)g⁻²(1 − ηg)^t + (1 + σ²)²/(α + 1 + σ²)².</li>
 *   <li>{@code loss}: the true ICL test loss of the same Γ(t). For depth 1,
 *       𝓛(Γ) = σ² + 1 − 2 tr Γ + g tr ΓᵀΓ (E[Σ̂AΣ̂] = A + α⁻¹ tr(A) I, noise term (σ²/α) tr ΓᵀΓ);
 *       writing Γ = Γ⋆ + Δ the terms linear in Δ cancel, so
 *       <b>𝓛(t) = σ² + 1 − g⁻¹ + g·C(t)</b>, which starts at 1 + σ² and tends to
 *       σ² + 1 − g⁻¹ + g·b/(1 − a) (gradient-flow optimum σ² + (1+σ²)/(α+1+σ²) plus the SGD excess).</li>
 * </ul>
 */
public final class ShallowSgd {

    private final double alpha;
    private final double kappa;
    private final double tau;
    private final double eta;
    private final double sigma;
    private final double g;
    private final double a;
    private final double b;

    public ShallowSgd(double alpha, double kappa, double tau, double eta, double sigma) {
        this.alpha = alpha;
        this.kappa = kappa;
        this.tau = tau;
        this.eta = eta;
        this.sigma = sigma;
        double s2 = sigma * sigma;
        this.g = 1 + (1 + s2) / alpha;
        double noise = eta * eta / tau * (1 + 1 / kappa);
        this.a = (1 - eta * g) * (1 - eta * g) + noise * g * g;
        this.b = noise * (1 + s2) / alpha;
        if (!(a < 1)) {
            throw new InvalidInputException("eta", eta, "0 < eta < " + largestStableEta(alpha, kappa, tau, sigma)
                    + " for these alpha, kappa, tau, sigma (SGD is unstable: a = " + a + " >= 1)");
        }
    }

    /** a &lt; 1 ⇔ η &lt; 2 / (g (1 + (1 + κ⁻¹)/τ)). */
    public static double largestStableEta(double alpha, double kappa, double tau, double sigma) {
        double g = 1 + (1 + sigma * sigma) / alpha;
        return 2.0 / (g * (1 + (1 + 1 / kappa) / tau));
    }

    public double a() {
        return a;
    }

    public double b() {
        return b;
    }

    public double g() {
        return g;
    }

    /** C(t) = a^t C(0) + b(1 − a^t)/(1 − a), C(0) = g⁻². */
    public double distanceToFixedPoint(int t) {
        double at = Math.pow(a, t);
        return at / (g * g) + b * (1 - at) / (1 - a);
    }

    /** The paper's Result-10 observable (1/D)‖Γ(t) − I‖². */
    public double gammaDistance(int t) {
        double s2 = sigma * sigma;
        return distanceToFixedPoint(t) + 2 * (1 + s2) / alpha / (g * g) * Math.pow(1 - eta * g, t)
                + (1 + s2) * (1 + s2) / ((alpha + 1 + s2) * (alpha + 1 + s2));
    }

    /** The ICL test loss of Γ(t): σ² + 1 − g⁻¹ + g C(t). */
    public double loss(int t) {
        return sigma * sigma + 1 - 1 / g + g * distanceToFixedPoint(t);
    }

    /** t → ∞ limit of {@link #gammaDistance}. */
    public double asymptoticGammaDistance() {
        double s2 = sigma * sigma;
        return b / (1 - a) + (1 + s2) * (1 + s2) / ((alpha + 1 + s2) * (alpha + 1 + s2));
    }

    /** t → ∞ limit of {@link #loss}. */
    public double asymptoticLoss() {
        return sigma * sigma + 1 - 1 / g + g * b / (1 - a);
    }

    public double alpha() {
        return alpha;
    }

    public double kappa() {
        return kappa;
    }

    public double tau() {
        return tau;
    }

    public double eta() {
        return eta;
    }

    public double sigma() {
        return sigma;
    }
}
