package org.iclscale.deteq;

import java.util.Locale;
import org.iclscale.core.ComputationException;
import org.iclscale.core.Depth;
import org.iclscale.core.Diagnostics;
import org.iclscale.core.Setting;
import org.iclscale.simulate.MonteCarloResult;
import org.iclscale.simulate.StructuredSimulator;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.LossEvaluation;
import org.iclscale.theory.OptimumSearch;

/**
 * The FS/RRS landscapes γ ↦ 𝓛(γ) at finite context P = αD and/or finite width N, built on their deterministic
 * equivalents. Which one a model gets is decided by {@code org.iclscale.model.Landscapes} (the one dispatcher);
 * these are the constructions:
 * <ul>
 *   <li>{@link #width}: P = ∞, N &lt; D (RRS): {@link OnePointDensity}, loss + σ² (the in-context noise is O(1/P)).</li>
 *   <li>{@link #context}: P finite, N ≥ D (FS or RRS): the two-point structured-Wishart formula
 *       ({@link TwoPointContour}, a = 1) plus the one-point noise term. <b>FS at finite α</b> (not in the paper):
 *       along Γ = γI the FS loss tr Ω⟨[(I − cΣ̂)^L]ᵀ Σ (I − cΣ̂)^L⟩ with Σ = Λ, Ω diagonal and Σ̂ the sample
 *       covariance of N(0, Λ) data is exactly the N = D RRS expression (the rotation O of RRS commutes with
 *       Γ = γI, App. E), so both settings share the structured-Wishart equivalent E(z + Σ̂)⁻¹Λ(z' + Σ̂)⁻¹ ≃
 *       (κκ'/(zz')) RΛR'/(1 − P⁻¹ Tr Λ²RR'), and the noise term (σ²/P) E Tr Λ(1 − f(Σ̂))²Σ̂⁻¹ (notes §2.3 with
 *       Γ = γI) uses the one-point E(z + Σ̂)⁻¹ ≃ (κ/z)(Λ + κ)⁻¹. Validated against separate FS and RRS Monte Carlo
 *       and, for Λ = I, against the exact ISO Marchenko-Pastur loss. P finite, N &lt; D, σ = 0 (RRS): the two-point
 *       contour (E1)-(E3) of deteq-general.md.</li>
 *   <li>{@link #monteCarlo}: a Monte Carlo estimate of the defining model ({@link StructuredSimulator}, common random
 *       numbers across γ), with its standard error in the diagnostics.</li>
 * </ul>
 * Every landscape here is stateless: the diagnostics of a value come back with it from {@code evaluate}.
 */
public final class StructuredLandscapes {

    /** Contexts per Monte Carlo evaluation in the Monte Carlo regime. */
    public static final int MONTE_CARLO_TRIALS = 400;
    public static final long MONTE_CARLO_SEED = 1;

    private StructuredLandscapes() {
    }

    /** P = ∞, N &lt; D: the one-point density of Λ^{1/2}QΛ^{1/2} at width N (built here). */
    public static GammaLandscape width(Spectrum spectrum, int width, Depth depth, double sigma) {
        return new Width(new OnePointDensity(spectrum, width), spectrum, depth, sigma);
    }

    /**
     * The P = ∞, N &lt; D landscape on an already built density (callers that sweep depth or σ at one width reuse
     * the density, whose construction dominates the cost).
     */
    public static GammaLandscape width(OnePointDensity density, Spectrum spectrum, Depth depth, double sigma) {
        return new Width(density, spectrum, depth, sigma);
    }

    /** The finite-P landscape on an already built contour of width N (+∞ for N = D) and context P. */
    public static GammaLandscape context(Setting setting, TwoPointContour contour, double width, double p, Depth depth,
            double sigma) {
        return new Context(setting, contour, width, p, depth, sigma);
    }

    /** Monte Carlo of the defining model at finite N and α ({@value #MONTE_CARLO_TRIALS} contexts per γ). */
    public static GammaLandscape monteCarlo(Setting setting, Spectrum spectrum, int width, double alpha, Depth depth,
            double sigma) {
        return new MonteCarlo(setting, spectrum, width, alpha, depth, sigma);
    }

    /** P = ∞, N &lt; D: one-point density. */
    static final class Width implements GammaLandscape {
        private final OnePointDensity density;
        private final Spectrum spectrum;
        private final Depth depth;
        private final double sigma;

        Width(OnePointDensity density, Spectrum spectrum, Depth depth, double sigma) {
            this.density = density;
            this.spectrum = spectrum;
            this.depth = depth;
            this.sigma = sigma;
        }

        @Override
        public double loss(double gamma) {
            return sigma * sigma + density.loss(gamma, depth);
        }

        @Override
        public double lossDerivative(double gamma) {
            return density.lossDerivative(gamma, depth);
        }

        @Override
        public double noiseVariance() {
            return sigma * sigma;
        }

        /** 2L over the top of the deterministic-equivalent support of S (≤ λ_max: the projection shrinks it). */
        @Override
        public double stabilityEdge() {
            return depth.infinite() ? Double.POSITIVE_INFINITY
                    : 2.0 * depth.steps() / Math.min(spectrum.maxLambda(), density.supportTop());
        }

        /**
         * At L = ∞ the loss σ² + ∫ρ_p e^{−2γs} + atom decreases monotonically to the width floor
         * Σ_k p_k z/(z + λ_k), Σ_k λ_k/(λ_k + z) = N, as γ → ∞ (notes §3.5).
         */
        @Override
        public OptimumSearch.Optimum optimum() {
            if (depth.infinite()) {
                double floor = Floors.width(spectrum, density.width()).excessLoss();
                return OptimumSearch.Optimum.infimum(noiseVariance() + floor, "infimum: at alpha = inf and L = inf the "
                        + "one-point density loss decreases monotonically to the width floor sum_k p_k z/(z+lambda_k), "
                        + "sum_k lambda_k/(lambda_k+z) = N, as gamma -> inf");
            }
            return GammaLandscape.super.optimum();
        }

        @Override
        public String method() {
            SolveReport r = density.report();
            return "one-point density (RRS, P = inf, N = " + density.width() + ", notes 3.5): p-weighted density of "
                    + "Lambda^1/2 Q Lambda^1/2 + zero atom " + String.format(Locale.ROOT, "%.6g", density.atom()) + ", "
                    + OnePointDensity.GRID + "-point log grid; " + r.iterations() + " Newton iterations, residual "
                    + String.format(Locale.ROOT, "%.1e", r.residual()) + ", mass closure "
                    + String.format(Locale.ROOT, "%.1e", density.massError());
        }
    }

    /** P finite: two-point contour (N ≥ D structured Wishart with noise; N &lt; D noise-free). */
    static final class Context implements GammaLandscape {
        private final TwoPointContour contour;
        private final Setting setting;
        private final Depth depth;
        private final double sigma;
        private final boolean fullWidth;
        private final double width;
        private final double p;

        Context(Setting setting, TwoPointContour contour, double width, double p, Depth depth, double sigma) {
            this.contour = contour;
            this.setting = setting;
            this.depth = depth;
            this.sigma = sigma;
            this.fullWidth = Double.isInfinite(width);
            this.width = width;
            this.p = p;
        }

        @Override
        public double loss(double gamma) {
            return evaluate(gamma).loss();
        }

        @Override
        public LossEvaluation evaluate(double gamma) {
            TwoPointContour.Evaluation e = contour.signal(gamma, depth);
            double noise = contour.noiseTerm(gamma, depth, sigma);
            double excess = e.loss() + noise;
            if (!(excess > -1e-9) || !Double.isFinite(excess)) {
                throw new ComputationException("two-point contour (E3)", "excess loss " + excess + " at gamma = "
                        + gamma + " (cancellation on the contour; |Im| = " + Math.abs(e.imaginaryPart()) + ")");
            }
            Diagnostics d = Diagnostics.builder().put("nodesPerContour", e.nodes()).put("level", e.level())
                    .put("newtonIterations", e.report().iterations()).put("residual", e.report().residual())
                    .put("imaginaryPart", Math.abs(e.imaginaryPart())).build();
            return new LossEvaluation(sigma * sigma + Math.max(excess, 0.0), d);
        }

        @Override
        public double lossDerivative(double gamma) {
            return contour.signalDerivative(gamma, depth) + contour.noiseTermDerivative(gamma, depth, sigma);
        }

        @Override
        public double noiseVariance() {
            return sigma * sigma;
        }

        /** spec M ⊂ [0, λ_max(1 + √(D/P))²]: 2L over that bound. */
        @Override
        public double stabilityEdge() {
            return depth.infinite() ? Double.POSITIVE_INFINITY : 2.0 * depth.steps() / contour.spectralBound();
        }

        @Override
        public String method() {
            return fullWidth
                    ? "two-point structured-Wishart contour (" + setting.cliName() + ", N = D, P = " + fmt(p)
                            + ", notes 3.5" + (sigma > 0 ? ", one-point noise term" : "") + ")"
                    : "two-point contour (E1)-(E3) of deteq-general.md (RRS, N = " + fmt(width) + ", P = " + fmt(p) + ")";
        }
    }

    /** Monte Carlo of the defining model (finite N &lt; D and P). */
    static final class MonteCarlo implements GammaLandscape {
        private final Setting setting;
        private final Spectrum spectrum;
        private final int width;
        private final double alpha;
        private final Depth depth;
        private final double sigma;

        MonteCarlo(Setting setting, Spectrum spectrum, int width, double alpha, Depth depth, double sigma) {
            this.setting = setting;
            this.spectrum = spectrum;
            this.width = width;
            this.alpha = alpha;
            this.depth = depth;
            this.sigma = sigma;
        }

        @Override
        public double loss(double gamma) {
            return evaluate(gamma).loss();
        }

        @Override
        public LossEvaluation evaluate(double gamma) {
            MonteCarloResult r = new StructuredSimulator(spectrum, setting, width, alpha, depth.steps(), gamma, sigma)
                    .run(MONTE_CARLO_TRIALS, MONTE_CARLO_SEED);
            return new LossEvaluation(r.loss(), Diagnostics.builder().put("standardError", r.standardError())
                    .put("trials", MONTE_CARLO_TRIALS).build());
        }

        /** Central difference with common random numbers (same seed at γ ± h). */
        @Override
        public double lossDerivative(double gamma) {
            double h = 1e-4 * Math.max(1, gamma);
            return (loss(gamma + h) - loss(Math.max(0, gamma - h))) / (gamma + h - Math.max(0, gamma - h));
        }

        @Override
        public double noiseVariance() {
            return sigma * sigma;
        }

        @Override
        public double stabilityEdge() {
            double q = 1 / alpha;
            double s = 1 + Math.sqrt(q);
            return 2.0 * depth.steps() / (spectrum.maxLambda() * s * s);
        }

        @Override
        public String method() {
            return "Monte Carlo (no validated deterministic equivalent for label noise at finite N < D and finite P): "
                    + MONTE_CARLO_TRIALS + " contexts of D = " + spectrum.dim() + ", N = " + width
                    + ", P = round(alpha D), seed " + MONTE_CARLO_SEED;
        }
    }

    private static String fmt(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }
}
