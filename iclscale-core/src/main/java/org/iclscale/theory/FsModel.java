package org.iclscale.theory;

import org.iclscale.core.Depth;
import org.iclscale.spectrum.Spectrum;

/**
 * FS (fixed structured covariance Σ and task covariance Ω, codiagonal with eigenvalues λ_k, ω_k) at α = ∞
 * (paper Results 3–5, App. D, notes §3.3). At α = ∞ Σ̂ = Σ; a diagonal Γ = diag(γ_k) in the eigenbasis gives
 * <pre>
 *   𝓛 = σ² + Σ_k p_k (1 − γ_kλ_k/L)^{2L},   p_k = λ_kω_k.
 * </pre>
 * <b>Gradient flow</b> (Result 4, zero init) in convention g ({@link TimeConvention}: dΓ/dt = −(g/2)∂𝓛/∂Γ;
 * g = 1 main text, g = 2 App. D), per mode:
 * <pre>
 *   dγ_k/dt = g ω_kλ_k² (1 − λ_kγ_k/L)^{2L−1}        (L = ∞: g ω_kλ_k² e^{−2λ_kγ_k})
 * </pre>
 * The ODE is separable [DERIVED]: with u = 1 − λγ/L and a_k = g ω_kλ_k³,
 * <pre>
 *   L = 1:  u = e^{−a t};   L ≥ 2:  u = (1 + 2(L−1)a t/L)^{−1/(2L−2)};   L = ∞:  2λ_kγ_k = ln(1 + 2a t)
 * </pre>
 * (g = 2 gives the App. D form ln(1 + 4ω_kλ_k³t)), and the loss term p_k u^{2L} = p_k(1 + 2(L−1)at/L)^{−L/(L−1)}
 * → p_k/(1 + 2at). The exact solution and the vectorised Dormand–Prince integration of the D-mode ODE are two
 * independent routes ({@link #trajectory}, {@link #integrateOde}). Fixed point γ_k = L/λ_k: Γ = LΣ^{−1}, zero
 * loss at every depth (Result 3).
 */
public final class FsModel implements ModeLandscape {

    private final double[] lambda;
    private final double[] omega;
    private final double[] p;
    private final Depth depth;
    private final double sigma;
    private final TimeConvention convention;

    public FsModel(Spectrum spectrum, Depth depth, double sigma, TimeConvention convention) {
        this.lambda = spectrum.lambda();
        this.omega = spectrum.omega();
        this.p = spectrum.weights();
        this.depth = depth;
        this.sigma = sigma;
        this.convention = convention;
    }

    /** The FS loss along Γ = γI, a {@link GammaLandscape} (identical to the RRS loss at α = ∞). */
    public static RrsModel isotropicLandscape(Spectrum spectrum, Depth depth, double sigma) {
        return new RrsModel(spectrum, depth, sigma, "FS along Gamma = gamma*I (alpha = inf)");
    }

    @Override
    public int dim() {
        return lambda.length;
    }

    /** ∂𝓛/∂γ_k = −2 p_kλ_k (1 − γ_kλ_k/L)^{2L−1} (L = ∞: −2 p_kλ_k e^{−2γ_kλ_k}). */
    @Override
    public double[] gradient(double[] gammaK) {
        double[] g = new double[lambda.length];
        for (int k = 0; k < lambda.length; k++) {
            double u = 1 - gammaK[k] * lambda[k] / depth.asDouble();
            g[k] = -2 * p[k] * lambda[k] * (depth.infinite() ? SpectralSums.expMinus(2 * gammaK[k] * lambda[k])
                    : SpectralSums.ipow(u, 2L * depth.steps() - 1));
        }
        return g;
    }

    @Override
    public String method() {
        return "FS per-mode loss at alpha = inf (paper Result 4): sigma^2 + sum_k p_k (1 - gamma_k lambda_k/L)^(2L)";
    }

    public Depth depth() {
        return depth;
    }

    public TimeConvention convention() {
        return convention;
    }

    public double noiseVariance() {
        return sigma * sigma;
    }

    /** 𝓛 for Γ = diag(γ_k), σ² included. */
    @Override
    public double loss(double[] gammaK) {
        double s = 0;
        for (int k = 0; k < lambda.length; k++) {
            double u = 1 - gammaK[k] * lambda[k] / depth.asDouble();
            s += p[k] * (depth.infinite() ? SpectralSums.expMinus(2 * gammaK[k] * lambda[k])
                    : SpectralSums.ipow(u, 2L * depth.steps()));
        }
        return sigma * sigma + s;
    }

    /** Result 3: Γ = LΣ^{−1}, γ_k = L/λ_k (zero excess loss at any finite L). */
    public double[] zeroLossGamma() {
        if (depth.infinite()) {
            throw new IllegalStateException("Gamma = L Sigma^-1 needs a finite depth");
        }
        double[] g = new double[lambda.length];
        for (int k = 0; k < g.length; k++) {
            g[k] = depth.steps() / lambda[k];
        }
        return g;
    }

    /** Exact γ_k(t) of the separable Result 4 flow (see the class comment). */
    public double gamma(int k, double t) {
        double a = convention.factor() * omega[k] * lambda[k] * lambda[k] * lambda[k];
        if (depth.infinite()) {
            return Math.log1p(2 * a * t) / (2 * lambda[k]);
        }
        int l = depth.steps();
        if (l == 1) {
            return -Math.expm1(-a * t) / lambda[k];
        }
        // u = exp(−ln(1 + c t)/(2L − 2)), γ = L(1 − u)/λ = −L expm1(·)/λ
        double c = 2.0 * (l - 1) * a / l;
        return -l * Math.expm1(-Math.log1p(c * t) / (2.0 * l - 2)) / lambda[k];
    }

    /** Exact excess loss Σ_k p_k u_k(t)^{2L} along the flow (vectorised over modes). */
    public double excessLoss(double t) {
        double g = convention.factor();
        double s = 0;
        if (depth.infinite()) {
            for (int k = 0; k < lambda.length; k++) {
                s += p[k] / (1 + 2 * g * omega[k] * lambda[k] * lambda[k] * lambda[k] * t);
            }
            return s;
        }
        int l = depth.steps();
        if (l == 1) {
            for (int k = 0; k < lambda.length; k++) {
                s += p[k] * Math.exp(-2 * g * omega[k] * lambda[k] * lambda[k] * lambda[k] * t);
            }
            return s;
        }
        double c = 2.0 * (l - 1) * g / l;
        double e = -(double) l / (l - 1);
        for (int k = 0; k < lambda.length; k++) {
            s += p[k] * Math.exp(e * Math.log1p(c * omega[k] * lambda[k] * lambda[k] * lambda[k] * t));
        }
        return s;
    }

    public double loss(double t) {
        return sigma * sigma + excessLoss(t);
    }

    /** γ_k(t) and 𝓛(t) at the requested times, for the requested modes (0-based indices). */
    public record Trajectory(double[] times, double[] loss, int[] modes, double[][] modeGamma, int evaluations) {
    }

    /** Exact (separable) solution at the requested times. */
    public Trajectory trajectory(double[] times, int[] modes) {
        double[] loss = new double[times.length];
        double[][] g = new double[modes.length][times.length];
        for (int i = 0; i < times.length; i++) {
            loss[i] = loss(times[i]);
            for (int m = 0; m < modes.length; m++) {
                g[m][i] = gamma(modes[m], times[i]);
            }
        }
        return new Trajectory(times.clone(), loss, modes.clone(), g, 0);
    }

    public static final double ODE_ABSOLUTE_TOLERANCE = 1e-12;
    public static final double ODE_RELATIVE_TOLERANCE = 1e-11;

    /**
     * The Result 4 ODE for all D modes integrated as one vectorised system (Dormand–Prince 8(5,3), tolerances
     * {@value #ODE_ABSOLUTE_TOLERANCE} abs, {@value #ODE_RELATIVE_TOLERANCE} rel) from Γ(0) = 0.
     */
    public Trajectory integrateOde(double[] times, int[] modes) {
        int dim = lambda.length;
        double g = convention.factor();
        double[] rate = new double[dim];
        for (int k = 0; k < dim; k++) {
            rate[k] = g * omega[k] * lambda[k] * lambda[k];
        }
        double[] loss = new double[times.length];
        double[][] out = new double[modes.length][times.length];
        int evaluations = OdeSampler.sample("FS mode flow", new double[dim], times, ODE_ABSOLUTE_TOLERANCE,
                ODE_RELATIVE_TOLERANCE, (t, y) -> {
                    double[] dy = new double[dim];
                    if (depth.infinite()) {
                        for (int k = 0; k < dim; k++) {
                            dy[k] = rate[k] * SpectralSums.expMinus(2 * lambda[k] * y[k]);
                        }
                    } else {
                        int l = depth.steps();
                        for (int k = 0; k < dim; k++) {
                            dy[k] = rate[k] * SpectralSums.ipow(1 - lambda[k] * y[k] / l, 2L * l - 1);
                        }
                    }
                    return dy;
                }, (i, y) -> {
                    loss[i] = loss(y);
                    for (int m = 0; m < modes.length; m++) {
                        out[m][i] = y[modes[m]];
                    }
                });
        return new Trajectory(times.clone(), loss, modes.clone(), out, evaluations);
    }
}
