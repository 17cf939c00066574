package org.iclscale.deteq;

import java.util.Locale;
import org.iclscale.core.ComputationException;
import org.iclscale.core.Depth;
import org.iclscale.core.Diagnostics;
import org.iclscale.core.Numbers;
import org.iclscale.core.Setting;
import org.iclscale.simulate.MonteCarloResult;
import org.iclscale.simulate.StructuredSimulator;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.ChebyshevInterpolant;
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
 *       and, for Λ = I, against the exact ISO Marchenko-Pastur loss. P finite, N &lt; D (RRS): the two-point
 *       contour (E1)-(E3) of deteq-general.md for the signal, plus the one-contour label-noise equivalent (N2) of
 *       deteq-noise.md (averaged over the label noise, the noise term is exactly the one-point functional
 *       (σ²/P) Tr[Λφ(QΣ̂Q)]).</li>
 *   <li>{@link #monteCarlo}: a Monte Carlo estimate of the defining model ({@link StructuredSimulator}, common random
 *       numbers across γ), with its standard error in the diagnostics; an explicit alternative to the equivalents.</li>
 * </ul>
 * Every landscape here is stateless: the diagnostics of a value come back with it from {@code evaluate}.
 *
 * <p><b>Finite-D offsets</b> (measured by {@code bench/DeteqOffsetMeasurement}, ν = 1.25, β = 0.75, L = 4;
 * equivalent − Monte Carlo of the defining GD, relative to the Monte Carlo excess loss, ±1 SE ≈ 0.5-2 %; table
 * in README "Finite width N and context P"). All equivalents are asymptotic and mostly <em>below</em> finite-D
 * Monte Carlo, by a gap that shrinks with D:
 * <table>
 *   <caption>offset at γ*·½ (γ*: the equivalent's optimum), D = 100 / 200 / 400</caption>
 *   <tr><th>regime</th><th>γ*·½</th><th>at γ*</th></tr>
 *   <tr><td>one-point density (P = ∞, N/D = 0.125, 0.25)</td><td>−3.4/−1.5/+0.3 %, −1.8/−1.2/−0.6 %</td>
 *       <td>−25/−25/−9 %, −16/−10/−7 %</td></tr>
 *   <tr><td>two-point N = D (P/D = 0.5, 2; σ = 0.5)</td><td>−1.7/−1.4/−0.5 %, −1.0/−0.7/−0.1 %</td>
 *       <td>−17/−8/−5 %, −6/−5/−2.5 %</td></tr>
 *   <tr><td>(E1)-(E3) (N/D = 0.25; P/D = 0.5, 2)</td><td>−2.6/−1.9/−0.7 %, −2.0/−1.3/−0.5 %</td>
 *       <td>−38/−24/−14 %, −27/−13/−9 %</td></tr>
 *   <tr><td>(E1)-(E3) + (N2), σ = 1 (same)</td><td>−2.2/−1.2/−0.4 %, −2.6/−0.2/−1.2 %</td>
 *       <td>−7/−8/−10 %, −20/−8/−10 %</td></tr>
 *   <tr><td>(N2) noise term alone (N/D = 0.1, P/D = 0.5; 0.25, 1)</td><td>+0.3/+1.3/+0.3 %, +0.7/0.0/+1.2 %</td>
 *       <td>+1.0/−1.2/+0.8 %, +0.2/+0.7/+1.3 %</td></tr>
 * </table>
 * At γ* (close to the edge 2L/s₊) the few finite-D draws whose λ_max lies beyond 2L/γ dominate the Monte Carlo
 * mean; the finite-D optimum is at ≈ 0.9 γ* and its loss 3-6 % above the equivalent's minimum at D = 400. The
 * noise term's own offset is exactly known at L = 1: ≈ −(1 − N/D)/N (−2.89 %, −1.74 % at D = 200, 400, N/D = 0.1).
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

    /**
     * A finite-P landscape of {@link #context} at finite depth L ≤ 64 through its per-level Chebyshev interpolants of
     * degree 2L (the contour loss is a polynomial in γ on each contour level; {@link ContourInterpolation}), for
     * callers that ask many losses and derivatives of one landscape (gradient flows, minimiser solves); any other
     * landscape is returned as it is.
     */
    public static GammaLandscape interpolated(GammaLandscape landscape) {
        return landscape instanceof Context c && ContourInterpolation.applies(c.depth())
                ? new ContourInterpolation(c) : landscape;
    }

    /**
     * Monte Carlo of the defining in-context GD at width N ({@link Integer#MAX_VALUE}: none) and α (P = round(αD)),
     * {@code trials} contexts per γ from {@code seed} (common random numbers across γ); finite depth (the checks
     * are the dispatcher's).
     */
    public static MonteCarlo monteCarlo(Setting setting, Spectrum spectrum, int width, double alpha, Depth depth,
            double sigma, int trials, long seed) {
        return new MonteCarlo(setting, spectrum, width, alpha, depth, sigma, trials, seed);
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

        /**
         * Long runs of γ (as {@link BatchedContourLosses}: at least {@link BatchedContourLosses#MIN_RUN} and 4(2L + 1),
         * L ≤ {@link ContourInterpolation#MAX_DEPTH}): atom + Σ_j w_j (1 − γs_j/L)^{2L} is a polynomial of degree 2L
         * in γ, so it is the Chebyshev interpolant through 2L + 1 direct values on [min γ, max γ] of the run, accepted
         * where Λ_n·max_j 𝓛_j ≤ {@link BatchedContourLosses#MAX_AMPLIFICATION}·𝓛(γ) (the terms are ≥ 0, so the direct
         * values carry a few ulps relative); every other γ, and L = ∞, directly.
         */
        @Override
        public LossEvaluation[] evaluateAll(double[] gammas) {
            boolean[] interpolated = new boolean[gammas.length];
            return evaluateAll(gammas, interpolated);
        }

        /** {@link #evaluateAll(double[])}, marking which γ were interpolated (for tests). */
        LossEvaluation[] evaluateAll(double[] gammas, boolean[] interpolated) {
            LossEvaluation[] out = new LossEvaluation[gammas.length];
            int degree = depth.infinite() ? 0 : 2 * depth.steps();
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double g : gammas) {
                lo = Math.min(lo, g);
                hi = Math.max(hi, g);
            }
            if (ContourInterpolation.applies(depth)
                    && BatchedContourLosses.pays(gammas.length, degree)
                    && lo >= 0 && hi > lo && hi < Double.POSITIVE_INFINITY) {
                double[] x = ChebyshevInterpolant.points(lo, hi, degree);
                double[] values = new double[degree + 1];
                double largest = 0;
                for (int j = 0; j <= degree; j++) {
                    values[j] = density.loss(x[j], depth);
                    largest = Math.max(largest, Math.abs(values[j]));
                }
                ChebyshevInterpolant p = new ChebyshevInterpolant(x, values);
                double bound = BatchedContourLosses.errorBound(degree, largest);
                for (int k = 0; k < gammas.length; k++) {
                    double v = p.value(gammas[k]);
                    if (BatchedContourLosses.accepts(bound, v)) {
                        out[k] = LossEvaluation.of(sigma * sigma + v);
                        interpolated[k] = true;
                    }
                }
            }
            for (int k = 0; k < gammas.length; k++) {
                if (out[k] == null) {
                    out[k] = evaluate(gammas[k]);
                }
            }
            return out;
        }

        @Override
        public double lossDerivative(double gamma) {
            return density.lossDerivative(gamma, depth);
        }

        @Override
        public double noiseVariance() {
            return sigma * sigma;
        }

        /**
         * 2L/s₊, s₊ the top of the support of the equivalent spectrum of S = Λ^{1/2}QΛ^{1/2}
         * ({@link OnePointDensity#supportTop()}, the edge condition z'(κ) = 0 of the rank-N projection
         * equation; ≤ λ_max: the projection shrinks the spectrum). At finite D the top band of a power-law Λ
         * holds O(1) eigenvalues (D = 400, N = 50: exactly one, on [0.101, 0.166]), so the sample λ_max
         * fluctuates inside that band, mostly below s₊ (Monte Carlo 0.134 ± 0.023 against s₊ = 0.1664): most
         * finite-D draws are stable somewhat beyond this edge, while close below it the few draws whose λ_max
         * exceeds 2L/γ already dominate the finite-D mean (README "Finite width N and context P").
         */
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

    /** P finite: two-point contour for the signal (N ≥ D structured Wishart; N &lt; D (E1)-(E3)) plus the noise term (N2). */
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
            return withNoise(gamma, contour.signal(gamma, depth));
        }

        /** Long runs of γ on one contour level through that level's interpolants ({@link BatchedContourLosses}). */
        @Override
        public LossEvaluation[] evaluateAll(double[] gammas) {
            return BatchedContourLosses.evaluateAll(this, gammas);
        }

        /** The loss σ² + signal + noise (N2) at γ from the signal's evaluation, with its diagnostics. */
        private LossEvaluation withNoise(double gamma, TwoPointContour.Evaluation e) {
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

        TwoPointContour contour() {
            return contour;
        }

        Depth depth() {
            return depth;
        }

        double sigma() {
            return sigma;
        }

        /**
         * 2L/s₊, s₊ the top of the support of the equivalent spectrum of M = QΣ̂ (nonzero spectrum that of
         * QΣ̂Q; {@link TwoPointContour#spectralBound()}, the edge condition z'(κ) = 0 of (E1); far below the
         * crude bound λ_max(1 + √(D/P))²). As at P = ∞, the sample λ_max at finite D sits inside the top band,
         * mostly below s₊ (D = 400, N/D = 0.25, P/D = 1: Monte Carlo 0.259 ± 0.034, s₊ = 0.3103).
         */
        @Override
        public double stabilityEdge() {
            return depth.infinite() ? Double.POSITIVE_INFINITY : 2.0 * depth.steps() / contour.spectralBound();
        }

        @Override
        public String method() {
            return fullWidth
                    ? "two-point structured-Wishart contour (" + setting.cliName() + ", N = D, P = " + fmt(p)
                            + ", notes 3.5" + (sigma > 0 ? ", one-point noise term" : "") + ")"
                    : "two-point contour (E1)-(E3) of deteq-general.md (RRS, N = " + fmt(width) + ", P = " + fmt(p)
                            + (sigma > 0 ? "; label noise by the one-point contour (N2) of deteq-noise.md" : "") + ")";
        }
    }

    /**
     * Monte Carlo of the defining model at finite width and context ({@link StructuredSimulator}): each γ is a
     * fresh run on the same seed (common random numbers), so the landscape is smooth in γ; {@link #estimate}
     * gives the mean with its standard error.
     */
    public static final class MonteCarlo implements GammaLandscape {
        /** Grid points of the bracketing stage of the Monte Carlo optimum. */
        public static final int OPTIMUM_GRID = 16;
        /** Relative γ-tolerance of the Monte Carlo optimum's golden section. */
        public static final double OPTIMUM_TOLERANCE = 1e-3;

        private final Setting setting;
        private final Spectrum spectrum;
        private final int width;
        private final double alpha;
        private final Depth depth;
        private final double sigma;
        private final double supportTop;
        private final int trials;
        private final long seed;

        MonteCarlo(Setting setting, Spectrum spectrum, int width, double alpha, Depth depth, double sigma, int trials,
                long seed) {
            if (depth.infinite() || trials < 2) {
                throw new IllegalArgumentException("Monte Carlo needs a finite depth and >= 2 trials");
            }
            this.trials = trials;
            this.seed = seed;
            this.setting = setting;
            this.spectrum = spectrum;
            this.width = width;
            this.alpha = alpha;
            this.depth = depth;
            this.sigma = sigma;
            double p = Double.isInfinite(alpha) ? alpha : Math.max(1, Math.round(alpha * spectrum.dim()));
            double n = width >= spectrum.dim() ? Double.POSITIVE_INFINITY : width;
            this.supportTop = Subordination.of(spectrum.lambda(), n, p).supportTop();
        }

        /** Mean loss (σ² included) over the contexts of this landscape, with its standard error. */
        public MonteCarloResult estimate(double gamma) {
            return new StructuredSimulator(spectrum, setting, width, alpha, depth.steps(), gamma, sigma).run(trials, seed);
        }

        /** Contexts per γ. */
        public int trials() {
            return trials;
        }

        @Override
        public double loss(double gamma) {
            return evaluate(gamma).loss();
        }

        @Override
        public LossEvaluation evaluate(double gamma) {
            MonteCarloResult r = estimate(gamma);
            return new LossEvaluation(r.loss(), Diagnostics.builder().put("standardError", r.standardError())
                    .put("trials", trials).build());
        }

        /**
         * The finite-D minimiser: {@value #OPTIMUM_GRID} points up to the equivalent's edge (doubled while the loss
         * still falls at its end), then golden section to {@value #OPTIMUM_TOLERANCE} relative in γ
         * ({@link OptimumSearch#minimiseSampled}; ~30 Monte Carlo runs instead of the ~10³ a derivative search takes).
         */
        @Override
        public OptimumSearch.Optimum optimum() {
            return OptimumSearch.minimiseSampled(this, stabilityEdge(), OPTIMUM_GRID, OPTIMUM_TOLERANCE, false);
        }

        /** As {@link #optimum()} on the caller's range (0, gammaMax]. */
        @Override
        public OptimumSearch.Optimum optimum(double gammaMax) {
            OptimumSearch.checkGammaMax(gammaMax);
            return OptimumSearch.minimiseSampled(this, gammaMax, OPTIMUM_GRID, OPTIMUM_TOLERANCE, true);
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

        /**
         * 2L over the top of the deterministic-equivalent spectrum of M = QΣ̂ at this N and P
         * ({@link Subordination#supportTop()}; the same edge as the equivalent's landscape).
         */
        @Override
        public double stabilityEdge() {
            return 2.0 * depth.steps() / supportTop;
        }

        @Override
        public String method() {
            return "Monte Carlo of the in-context GD (StructuredSimulator): " + trials + " contexts of D = "
                    + spectrum.dim() + ", N = " + Math.min(width, spectrum.dim()) + ", P = " + (Double.isInfinite(alpha)
                    ? "inf" : Long.toString(Math.max(1, Math.round(alpha * spectrum.dim())))) + ", seed " + seed
                    + " (common random numbers across gamma)";
        }
    }

    private static String fmt(double x) {
        return Numbers.compact(x);
    }
}
