package org.iclscale.scaling;

import org.hipparchus.special.Gamma;
import org.iclscale.spectrum.PowerLawContinuum;

/**
 * The four-term law of Result 8 with prefactors derived from the tail sums (power law λ_k = k^{−ν},
 * p_k = k^{−νβ−1}/ζ, ζ = ζ(νβ+1), continuum limit). With S = ν sin(π/ν)/π:
 * <ul>
 *   <li>time: Σ p_k e^{−2γλ_k} ≈ Aγ^{−β}, A = Γ(β)2^{−β}/(νζ) (Mellin: (1/ν)∫y^{β−1}e^{−2γy}dy); gradient flow
 *       dγ/dt = ½βAγ^{−β−1} ⇒ γ^{β+2} = (β+2)βAt/2, 𝓛 = Aγ^{−β};</li>
 *   <li>depth: optimal per-layer step → 2 (stability edge, notes §3.4) so 𝓛 ≈ Γ(β)(4L)^{−β}/(νζ);</li>
 *   <li>width: Σλ/(z+λ) ≈ z^{−1/ν}/S = N ⇒ z = (SN)^{−ν}; β &lt; 1: 𝓛 ≈ π z^β/(ν sin(πβ) ζ); β &gt; 1:
 *       𝓛 ≈ z ζ(νβ+1−ν)/ζ (head); β = 1: 𝓛 ≈ z ln(1/z)/(νζ);</li>
 *   <li>context: r = (SP)^{−ν}, ridgeless factor 1/(1 − df₂/P) → ν; β &lt; 2: 𝓛 ≈ ν·Γ(β)Γ(2−β) r^β/(νζ);
 *       β &gt; 2: ν r² ζ(νβ+1−2ν)/ζ; β = 2: r² ln(1/r)/ζ.</li>
 * </ul>
 * Leading orders only: each term is asymptotic in its resource (others infinite); the sum is Result 8's law.
 */
public final class FourTermLaw {

    private final double nu;
    private final double beta;
    private final double zeta;
    private final double a;
    private final double scaleS;

    public FourTermLaw(double nu, double beta) {
        this.nu = nu;
        this.beta = beta;
        this.zeta = new PowerLawContinuum(nu, beta).zeta(); // keeps s - 1 = nu beta apart from s (1 + 1e-300 == 1)
        this.a = Gamma.gamma(beta) * Math.pow(2, -beta) / (nu * zeta);
        this.scaleS = nu * Math.sin(Math.PI / nu) / Math.PI;
    }

    /** Time term at gradient-flow time t (L = N = P = ∞). */
    public double time(double t) {
        double gamma = Math.pow((beta + 2) * beta * a * t / 2, 1 / (beta + 2));
        return a * Math.pow(gamma, -beta);
    }

    public double depth(double depth) {
        return Gamma.gamma(beta) * Math.pow(4 * depth, -beta) / (nu * zeta);
    }

    public double width(double n) {
        double z = Math.pow(scaleS * n, -nu);
        if (Math.abs(beta - 1) < 1e-9) {
            return z * Math.log(1 / z) / (nu * zeta);
        }
        return beta < 1 ? Math.PI * Math.pow(z, beta) / (nu * Math.sin(Math.PI * beta) * zeta)
                : z * PowerLawContinuum.zeta(nu * beta + 1 - nu) / zeta;
    }

    public double context(double p) {
        double r = Math.pow(scaleS * p, -nu);
        if (Math.abs(beta - 2) < 1e-9) {
            return r * r * Math.log(1 / r) / zeta;
        }
        return beta < 2 ? Gamma.gamma(beta) * Gamma.gamma(2 - beta) * Math.pow(r, beta) / zeta
                : nu * r * r * PowerLawContinuum.zeta(nu * beta + 1 - 2 * nu) / zeta;
    }

    /** The term of resource x (t, N, L, P) at value v. */
    public double term(char x, double v) {
        return switch (x) {
            case 't' -> time(v);
            case 'N' -> width(v);
            case 'L' -> depth(v);
            case 'P' -> context(v);
            default -> throw new IllegalArgumentException(String.valueOf(x));
        };
    }
}
