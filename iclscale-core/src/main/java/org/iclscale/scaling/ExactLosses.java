package org.iclscale.scaling;

import java.util.concurrent.ConcurrentHashMap;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.exception.MathIllegalStateException;
import org.iclscale.core.ComputationException;
import org.iclscale.core.Depth;
import org.iclscale.model.Continuum;
import org.iclscale.model.Landscapes;
import org.iclscale.model.ModelSpec;
import org.iclscale.spectrum.PowerLawContinuum;
import org.iclscale.theory.FlowQuadrature;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.GradientFlow;
import org.iclscale.theory.OptimumSearch;

/**
 * Exact losses along one resource with the others infinite, for the power law at D = ∞
 * ({@link PowerLawContinuum}: exact head sum + Euler–Maclaurin tail, so no finite-D saturation), used to confirm
 * the exponents by fitted local slopes:
 * <ul>
 *   <li>time: RRS gradient flow dγ/dt = −½ d𝓛/dγ on 𝓛(γ) = Σ p_k e^{−2γλ_k} ({@link GradientFlow} on the landscape of
 *       {@link #spec}, the continuum regime of {@link Landscapes});</li>
 *   <li>depth: min over γ &lt; 2L of Σ p_k (1 − γλ_k/L)^{2L} ({@link OptimumSearch});</li>
 *   <li>width floor: Σ p_k z/(z + λ_k) with Σ_k λ_k/(z + λ_k) = N (notes §3.5, first-power exact form);</li>
 *   <li>context floor: Σ p_k r²/(r + λ_k)² / (1 − P⁻¹ Σ_k λ_k²/(r + λ_k)²) with Σ_k λ_k/(r + λ_k) = P (ridgeless);</li>
 *   <li>FS time (L = ∞): Σ p_k/(1 + 4 ω_kλ_k³ t) (Result 4, App. D convention);</li>
 *   <li>full-attention time (L = ∞): γ = w⁵, dw/dt = −½ d𝓛/dw from w(0) = 1 (Result 9; constants do not move the exponent),
 *       w(t) by quadrature of t(w) ({@link FlowQuadrature}).</li>
 * </ul>
 */
public final class ExactLosses {

    /** Relative tolerance of the self-consistent scales z, r (Brent on ln z). */
    public static final double SCALE_TOLERANCE = 1e-13;

    private final double nu;
    private final double beta;
    private final PowerLawContinuum law;
    /** λ-weighted sums Σ_k λ_k F(λ_k) = ζ(ν)·Σ_k q_k F with q_k = k^{−ν}/ζ(ν) (β' = (ν − 1)/ν gives s = ν). */
    private final PowerLawContinuum lambdaLaw;
    /** The power law at D = ∞ (the spectrum of {@link #spec}). */
    private final Continuum continuum;

    public ExactLosses(double nu, double beta) {
        this.nu = nu;
        this.beta = beta;
        this.continuum = new Continuum(nu, beta);
        this.law = new PowerLawContinuum(nu, beta);
        this.lambdaLaw = new PowerLawContinuum(nu, (nu - 1) / nu);
    }

    public PowerLawContinuum law() {
        return law;
    }

    /** RRS at σ = 0, N = P = ∞ over the power law at D = ∞, depth L: the model of every time and depth loss here. */
    public ModelSpec spec(Depth depth) {
        return ModelSpec.rrs(continuum).depth(depth).build();
    }

    /** 𝓛(γ) = Σ_k p_k (1 − γλ_k/L)^{2L} (L = ∞: Σ_k p_k e^{−2γλ_k}) of {@link #spec}, as the model layer computes it. */
    private GammaLandscape landscape(Depth depth) {
        return Landscapes.of(spec(depth));
    }

    /** RRS loss at the given times (gradient flow from γ = 0, L = N = P = ∞). */
    public double[] time(double[] times) {
        return GradientFlow.integrate(landscape(Depth.INFINITE), times).loss();
    }

    /** RRS loss at time t and finite depth L (gradient flow from γ = 0, N = P = ∞): the exact joint (t, L) loss. */
    public double timeAtDepth(double t, int depth) {
        return GradientFlow.integrate(landscape(Depth.of(depth)), new double[] {t}).loss()[0];
    }

    /** min_γ Σ p_k (1 − γλ_k/L)^{2L} (t = N = P = ∞). */
    public double depth(int depth) {
        return OptimumSearch.minimise(landscape(Depth.of(depth))).loss();
    }

    /** Σ_k λ_k/(z + λ_k) (the width/context degrees of freedom df₁). */
    public double degreesOfFreedom(double z) {
        int k = PowerLawContinuum.cutoffFor(1 / z, nu);
        return lambdaLaw.zeta() * lambdaLaw.sum((l, p) -> 1 / (z + l), 1 / z, k);
    }

    /**
     * The scale z with Σ_k λ_k/(z + λ_k) = n (n ≥ 1), kept per n: the width and context floors solve for the same
     * scales (N and P over the same window), and the solve's first bracket end needs ~10⁶ modes.
     */
    public double scale(double n) {
        Double known = scales.get(n);
        if (known != null) {
            return known;
        }
        double z = solveScale(n);
        scales.putIfAbsent(n, z);
        return z;
    }

    private final ConcurrentHashMap<Double, Double> scales = new ConcurrentHashMap<>();

    /**
     * Brent on ln z from the bracket ln z₀ ± ½ around the asymptotic root z₀ = (nν sin(π/ν)/π)^{−ν} (within 0.1 %
     * at n = 10³), widened by doubling to at most ± 8 while it does not bracket: the df sum at z needs ~(100/z)^{1/ν}
     * explicit modes, so the former fixed ± 8 cost ~4·10⁶ modes (uncached powers) at its lower end, nearly all of
     * the solve. Brent converges to the same double here (±1 ulp of a bisection to adjacent doubles, measured at
     * n = 10³, 1414, 2000).
     */
    private double solveScale(double n) {
        double guess = Math.pow(n * nu * Math.sin(Math.PI / nu) / Math.PI, -nu);
        BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(SCALE_TOLERANCE, 1e-14, 5);
        double centre = Math.log(guess);
        double lo = centre - 0.5;
        double hi = centre + 0.5;
        // df(e^x) − n falls with x: the bracket needs a positive value at lo and a negative one at hi
        for (double half = 0.5; half < 8 && degreesOfFreedom(Math.exp(lo)) - n <= 0; half *= 2) {
            lo = centre - 2 * half;
        }
        for (double half = 0.5; half < 8 && degreesOfFreedom(Math.exp(hi)) - n >= 0; half *= 2) {
            hi = centre + 2 * half;
        }
        try {
            return Math.exp(solver.solve(200, x -> degreesOfFreedom(Math.exp(x)) - n, lo, hi));
        } catch (MathIllegalStateException e) {
            throw new ComputationException("Brent (ln z) for sum_k lambda_k/(z + lambda_k) = " + n,
                    "no root in [" + Math.exp(lo) + ", " + Math.exp(hi) + "] to relative tolerance " + SCALE_TOLERANCE, e);
        }
    }

    /** Width floor Σ p_k z/(z + λ_k) (t = L = P = ∞). */
    public double width(double n) {
        double z = scale(n);
        return law.sum((l, p) -> z / (z + l), 1, PowerLawContinuum.cutoffFor(1 / z, nu));
    }

    /** Context floor (min-norm interpolation, N = D, t = L = ∞). */
    public double context(double contextLength) {
        double r = scale(contextLength);
        int k = PowerLawContinuum.cutoffFor(1 / r, nu);
        double bias = law.sum((l, p) -> r * r / ((r + l) * (r + l)), 1, k);
        double df2 = lambdaLaw.zeta() * lambdaLaw.sum((l, p) -> l / ((r + l) * (r + l)), 0, k);
        return bias / (1 - df2 / contextLength);
    }

    /** FS loss at L = α = ∞: Σ p_k/(1 + 4 p_kλ_k² t). */
    public double fsTime(double t) {
        int k = PowerLawContinuum.cutoffFor(4 * t, nu * beta + 1 + 2 * nu);
        return law.sum((l, p) -> 1 / (1 + 4 * p * l * l * t), 1, k);
    }

    /**
     * Full linear attention at L = ∞: 𝓛(w(t)) with γ = w⁵, dw/dt = −½ d𝓛/dw = −(5/2)w⁴𝓛'(w⁵), w(0) = 1. The flow is
     * autonomous and one-dimensional, so w(t) is the inverse of t(w) = ∫₁^w dv/(dv/dt) ({@link FlowQuadrature}: ~190
     * mode sums at ν = 1.5, β = 0.8 where Dormand–Prince at 1e-12/1e-11 took ~2,000; the fitted slope equals the one of
     * Dormand–Prince at 1e-15, 0.6666665215580392, where 1e-12/1e-11 gave 0.6666665215580315).
     */
    public double[] fullAttentionTime(double[] times) {
        GammaLandscape rrs = landscape(Depth.INFINITE);
        // d𝓛/dw = 5w⁴ 𝓛'(γ = w⁵)
        double[] w = FlowQuadrature.positions("full-attention flow",
                x -> -0.5 * 5 * Math.pow(x, 4) * rrs.lossDerivative(Math.pow(x, 5)), 1, times);
        double[] loss = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            loss[i] = rrs.loss(Math.pow(w[i], 5));
        }
        return loss;
    }

    /** Least-squares slope −d ln𝓛/d ln R through the points. */
    public static double fittedSlope(double[] resource, double[] loss) {
        int n = resource.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += Math.log(resource[i]) / n;
            my += Math.log(loss[i]) / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double dx = Math.log(resource[i]) - mx;
            sxy += dx * (Math.log(loss[i]) - my);
            sxx += dx * dx;
        }
        return -sxy / sxx;
    }
}
