package org.iclscale.theory;

import org.iclscale.core.InvalidInputException;
import org.iclscale.core.QueryLabels;

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
 * <p><b>Query labels.</b> The paper's update (App. C.1) scores the K queries against noise-free labels
 * y_μ = x_μ·w⋆ ({@link QueryLabels#NOISE_FREE}, the default here). With noisy query labels y_μ = x_μ·w⋆ + σε_μ
 * ({@link QueryLabels#NOISY}, as in the data model and the {@code train} simulator) the update gains the zero-mean
 * term η(D/BK)Σ_{c,μ} σε_{cμ} x_{cμ}u_cᵀ, independent of everything else, so the mean flow and a are unchanged and
 * C gains its variance per step, (1/D)·η²D²σ²/(BK)·E|x|²·E|u|² = η²σ²g/(τκ) (E|x|² = D, E|u|² = g):
 * <pre>
 *   b_noisy = b + (η²/τ) σ² g/κ.
 * </pre>
 * (The κ⁻¹ part of Result 10 is the query-sampling variance of the residual x·(w⋆ − Γu), of mean square
 * g·C + 1 − 1/g; a noisy label adds σ² to that residual.)
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
    private final QueryLabels queryLabels;

    /** Result 10 as printed: noise-free query labels ({@link QueryLabels#NOISE_FREE}). */
    public ShallowSgd(double alpha, double kappa, double tau, double eta, double sigma) {
        this(alpha, kappa, tau, eta, sigma, QueryLabels.NOISE_FREE);
    }

    /** Result 10 with query labels in convention {@code queryLabels} (see the class comment). */
    public ShallowSgd(double alpha, double kappa, double tau, double eta, double sigma, QueryLabels queryLabels) {
        this.queryLabels = java.util.Objects.requireNonNull(queryLabels, "queryLabels");
        this.alpha = alpha;
        this.kappa = kappa;
        this.tau = tau;
        this.eta = eta;
        this.sigma = sigma;
        double s2 = sigma * sigma;
        this.g = 1 + (1 + s2) / alpha;
        double noise = eta * eta / tau * (1 + 1 / kappa);
        this.a = (1 - eta * g) * (1 - eta * g) + noise * g * g;
        this.b = noise * (1 + s2) / alpha + (queryLabels == QueryLabels.NOISY ? eta * eta / tau * s2 * g / kappa : 0);
        double largest = largestStableEta(alpha, kappa, tau, sigma);
        if (!(largest > 0)) {
            throw new InvalidInputException("alpha", alpha, "a number > 0 large enough that a stable learning rate "
                    + "exists (g = 1 + (1 + sigma^2)/alpha = " + g + " leaves 2/(g (1 + (1 + 1/kappa)/tau)) = 0)");
        }
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

    /** The query-label convention of b. */
    public QueryLabels queryLabels() {
        return queryLabels;
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
