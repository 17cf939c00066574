package org.iclscale.deteq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import org.iclscale.core.Depth;
import org.iclscale.core.Setting;
import org.iclscale.simulate.MonteCarloResult;
import org.iclscale.simulate.StructuredSimulator;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.IsoModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The label-noise equivalent at finite width and context (deteq-noise.md (N2), {@link TwoPointContour#noiseTerm}):
 * its exact limits (N = D structured Wishart, ISO Result 1 with and without width, the L = 1 free moment, the
 * P → ∞ one-point limit), its γ-derivative, and Monte Carlo of the defining in-context GD with noisy labels.
 */
class NoiseEquivalentTest {

    private static final Spectrum S200 = Spectrum.powerLaw(1.25, 0.75, 200);

    /** φ(w) = (1 − (1 − γw/L)^L)²/w, written out here (not {@link PolynomialFilter}). */
    private static Cx phi(Cx w, double gamma, int l) {
        Cx b = Cx.ONE.minus(w.times(gamma / l));
        Cx f = Cx.ONE;
        for (int i = 0; i < l; i++) {
            f = f.times(b);
        }
        Cx one = Cx.ONE.minus(f);
        return one.times(one).divide(w);
    }

    /** An integrand h(w) times a resolvent-trace kernel k(z, κ), z = −w, on the circle. */
    @FunctionalInterface
    private interface Kernel {
        Cx at(Cx w, Cx z, Cx kappa);
    }

    /**
     * −(2πi)⁻¹∮ kernel dw around the equivalent spectrum of {@code sub}, computed independently of
     * {@link TwoPointContour}: own circle (margin 0.2 s, 600 midpoint nodes), κ at each node by
     * {@link Subordination#solve} (its own continuation from the positive real axis).
     */
    private static double contour(Subordination sub, Kernel kernel) {
        double top = sub.supportTop();
        double r = top / 2 + 0.2 * top;
        int n = 600;
        Cx sum = Cx.ZERO;
        for (int i = 0; i < n; i++) {
            double th = 2 * Math.PI * (i + 0.5) / n;
            Cx e = new Cx(Math.cos(th), Math.sin(th));
            Cx w = new Cx(top / 2, 0).plus(e.times(r));
            Cx dw = new Cx(0, 1).times(e).times(r * 2 * Math.PI / n);
            Cx z = w.negate();
            sum = sum.plus(kernel.at(w, z, sub.solve(z).kappa()).times(dw));
        }
        return sum.divide(new Cx(0, -2 * Math.PI)).re();
    }

    /** Σ_k c_k/(λ_k + κ). */
    private static Cx resolventSum(double[] lambda, double[] c, Cx kappa) {
        Cx tr = Cx.ZERO;
        for (int k = 0; k < lambda.length; k++) {
            tr = tr.plus(Cx.real(c[k]).divide(kappa.plus(lambda[k])));
        }
        return tr;
    }

    /**
     * The structured-Wishart noise term of notes §2.3 at N = D, −(σ²/P)(2πi)⁻¹∮ φ(w) (κ/z) Σλ_k/(λ_k + κ) dw
     * (E(z + Σ̂)⁻¹ ≃ (κ/z)(Λ + κ)⁻¹).
     */
    private static double structuredWishartNoise(Spectrum s, double p, double gamma, int l, double sigma) {
        double[] lambda = s.lambda();
        return sigma * sigma / p * contour(Subordination.structuredWishart(lambda, p),
                (w, z, k) -> phi(w, gamma, l).times(k.divide(z)).times(resolventSum(lambda, lambda, k)));
    }

    /** N = D: (N2) is identically the structured-Wishart term ((κ/z)Dt = Dt/(1 − qt) when z = κ(1 − qt)). */
    @Test
    void reducesToStructuredWishartAtFullWidth() {
        for (double alpha : new double[] {0.5, 2}) {
            double p = alpha * 200;
            TwoPointContour c = new TwoPointContour(S200, Double.POSITIVE_INFINITY, p);
            for (double[] gl : new double[][] {{1, 1}, {3, 2}, {3, 4}}) {
                Depth depth = Depth.of((int) gl[1]);
                double de = c.noiseTerm(gl[0], depth, 1);
                double sw = structuredWishartNoise(S200, p, gl[0], (int) gl[1], 1);
                assertEquals(sw, de, 1e-12 * sw, "alpha=" + alpha + " gamma=" + gl[0] + " L=" + gl[1]);
            }
        }
    }

    /**
     * Λ = I: the nonzero spectrum of QΣ̂Q is that of an N×N white Wishart with P samples, so the noise term
     * is Result 1's (σ²/α')∫ρ_MP φ with α' = P/N (at N = D: Result 1 itself), {@link IsoModel#noiseLoss}
     * (exact Gauss-Chebyshev quadrature of the Marchenko-Pastur law).
     */
    @ParameterizedTest
    @CsvSource({"60, 30", "60, 120", "15, 30", "15, 60", "30, 20", "45, 90"})
    void isotropicReproducesResultOneNoise(int width, int p) {
        int d = 60;
        double[] ones = new double[d];
        double[] om = new double[d];
        Arrays.fill(ones, 1.0);
        Arrays.fill(om, 1.0 / d);
        Spectrum iso = Spectrum.of(ones, om, "identity");
        TwoPointContour c = new TwoPointContour(iso, width >= d ? Double.POSITIVE_INFINITY : width, p);
        for (double[] gl : new double[][] {{0.5, 1}, {0.9, 3}, {1.2, 4}}) {
            Depth depth = Depth.of((int) gl[1]);
            double de = c.noiseTerm(gl[0], depth, 0.7);
            double exact = new IsoModel((double) p / width, depth, 0.7).noiseLoss(gl[0]);
            assertEquals(exact, de, 1e-10 * exact, "N=" + width + " P=" + p + " gamma=" + gl[0] + " L=" + gl[1]);
        }
    }

    /**
     * L = 1: φ(x) = γ²x and E_X Σ̂ = Λ, so the noise term is (σ²γ²/P) E Tr[ΛQΛQ], whose free-probability
     * limit (Λ and Q free) is a²Σλ² + a(1 − a)(Σλ)²/D, independent of P.
     */
    @Test
    void depthOneIsTheFreeSecondMoment() {
        double[] lam = S200.lambda();
        double m1 = 0;
        double m2 = 0;
        for (double l : lam) {
            m1 += l;
            m2 += l * l;
        }
        for (double widthRatio : new double[] {0.1, 0.25, 0.5}) {
            for (double alpha : new double[] {0.5, 2}) {
                double p = alpha * 200;
                TwoPointContour c = new TwoPointContour(S200, widthRatio * 200, p);
                double a = widthRatio;
                double free = (a * a * m2 + a * (1 - a) * m1 * m1 / 200) * 2.0 * 2.0 * 0.3 * 0.3 / p;
                assertEquals(free, c.noiseTerm(2.0, Depth.of(1), 0.3), 1e-11 * free,
                        "N/D=" + widthRatio + " P/D=" + alpha);
            }
        }
    }

    /**
     * P → ∞: P·noise/σ² → Tr[Λφ(QΛQ)] = Tr[(1 − f(S))²], S = Λ^{1/2}QΛ^{1/2} (deteq-noise.md §1), a one-point
     * functional of S: here by the unweighted resolvent of S, tr(z + S)⁻¹ ≃ (κ/z)(1/D)Σ1/(λ_k + κ) (rank-N
     * projection equation, own contour), and on the real axis by the one-point density of S with unit weights
     * ({@link OnePointDensity}; accurate to its mass closure). The equivalent vanishes like D/P, and its
     * coefficient converges to the limit with an error O(D/P).
     */
    @Test
    void vanishesLikeDOverPWithTheOnePointCoefficient() {
        double[] lam = S200.lambda();
        double[] ones = new double[lam.length];
        double[] inv = new double[lam.length];
        for (int k = 0; k < lam.length; k++) {
            ones[k] = 1;
            inv[k] = 1 / lam[k];
        }
        double gamma = 3;
        // L = 2: (1 − f(w))² with f(w) = (1 − γw/2)²
        double limit = contour(Subordination.rankProjection(lam, 50), (w, z, k) -> {
            Cx b = Cx.ONE.minus(w.times(gamma / 2));
            Cx one = Cx.ONE.minus(b.times(b));
            return one.times(one).times(k.divide(z)).times(resolventSum(lam, ones, k));
        });
        // the same on the real axis: Σ(1 − f)² = D − 2Σf + Σf², and Σf is the density "loss" at (γ/2, L = 1)
        OnePointDensity count = new OnePointDensity(Spectrum.of(lam, inv, "unit weights"), 50);
        double real = 200 - 2 * count.loss(gamma / 2, Depth.of(1)) + count.loss(gamma, Depth.of(2));
        assertEquals(limit, real, 3 * count.massError() * 200, "real-axis density vs contour");
        double[] alphas = {10, 100, 1000, 10000};
        double[] coefficient = new double[alphas.length];
        for (int i = 0; i < alphas.length; i++) {
            double p = alphas[i] * 200;
            coefficient[i] = new TwoPointContour(S200, 50, p).noiseTerm(gamma, Depth.of(2), 1) * p;
        }
        // c(P) = c(∞) + b D/P + O((D/P)²): the distance to the limit falls by the factor 10 of D/P
        for (int i = 0; i + 1 < alphas.length; i++) {
            double ratio = (coefficient[i] - limit) / (coefficient[i + 1] - limit);
            assertEquals(10, ratio, 0.5, "P/D=" + alphas[i] + ": " + coefficient[i] + " -> " + coefficient[i + 1]
                    + ", limit " + limit);
        }
        assertEquals(limit, coefficient[alphas.length - 1], 1e-5 * limit);
    }

    /**
     * The exact finite-D noise term at L = 1, (σ²γ²/P)[(a_D − b_D)Σλ² + b_D(Σλ)²] with the Haar-projection
     * moments a_D = E Q_ii² = N(N+2)/(D(D+2)), b_D = E Q_ij² = N(D−N)/(D(D−1)(D+2)) (deteq-noise.md §1).
     */
    private static double exactDepthOneNoise(Spectrum s, int n, double p, double gamma, double sigma) {
        double d = s.dim();
        double m1 = 0;
        double m2 = 0;
        for (double l : s.lambda()) {
            m1 += l;
            m2 += l * l;
        }
        double aD = n * (n + 2.0) / (d * (d + 2));
        double bD = n * (d - n) / (d * (d - 1) * (d + 2));
        return sigma * sigma * gamma * gamma / p * ((aD - bD) * m2 + bD * m1 * m1);
    }

    /**
     * The finite-D offset of (N2), exactly at L = 1: the equivalent is low by ≈ (1 − α)/N (a finite-N effect of
     * the Beta fluctuation of Q_kk on the top modes), halving with each doubling of D; the values are those of
     * deteq-noise.md §5c (l1_exact.py), −2.893 %, −1.221 %, −0.447 % at D = 200 and −1.739 %, −0.669 %, −0.235 %
     * at D = 400 for N/D = 0.1, 0.25, 0.5.
     */
    @ParameterizedTest
    @CsvSource({"0.1, -2.893, -1.739", "0.25, -1.221, -0.669", "0.5, -0.447, -0.235"})
    void depthOneOffsetIsFiniteNAndShrinks(double widthRatio, double percent200, double percent400) {
        double[] offsets = new double[3];
        int[] dims = {200, 400, 800};
        for (int i = 0; i < dims.length; i++) {
            int d = dims[i];
            Spectrum s = Spectrum.powerLaw(1.25, 0.75, d);
            int n = (int) Math.round(widthRatio * d);
            double de = new TwoPointContour(s, n, d).noiseTerm(3, Depth.of(1), 1);
            offsets[i] = de / exactDepthOneNoise(s, n, d, 3, 1) - 1;
            // N·offset → −(1 − α): between −(1 − α) and 0, approaching it
            assertTrue(offsets[i] < 0 && offsets[i] * n > -(1 - widthRatio), "D=" + d + ": " + offsets[i]);
        }
        assertEquals(percent200, 100 * offsets[0], 1e-3);
        assertEquals(percent400, 100 * offsets[1], 1e-3);
        for (int i = 0; i + 1 < dims.length; i++) {
            assertTrue(Math.abs(offsets[i + 1]) < 0.65 * Math.abs(offsets[i]), "D=" + dims[i] + " -> " + dims[i + 1]
                    + ": " + offsets[i] + " -> " + offsets[i + 1]);
        }
    }

    @Test
    void derivativeMatchesFiniteDifference() {
        TwoPointContour c = new TwoPointContour(S200, 50, 200);
        for (Depth depth : new Depth[] {Depth.of(1), Depth.of(3), Depth.INFINITE}) {
            double g = 2.2;
            double h = 1e-5;
            double fd = (c.noiseTerm(g + h, depth, 0.8) - c.noiseTerm(g - h, depth, 0.8)) / (2 * h);
            assertEquals(fd, c.noiseTermDerivative(g, depth, 0.8), 1e-6 * Math.abs(fd), "L=" + depth);
        }
    }

    /**
     * The noise term of the defining in-context GD isolated: with a zero task (ω = 0) the labels are pure noise
     * σε and the loss is σ² + the noise term exactly, per context ({@link StructuredSimulator}, D = 200).
     * Tolerance: 4 standard errors plus the documented D = 200 finite-N offset of (N2) (deteq-noise.md §5c:
     * ≤ 3.1 %, below Monte Carlo).
     */
    @ParameterizedTest
    @CsvSource({"0.25, 1.0, 3.0, 2, 1.0", "0.5, 0.5, 3.0, 4, 0.5", "0.1, 2.0, 1.0, 1, 1.0"})
    void noiseTermAgreesWithMonteCarloOfTheNoisyGd(double widthRatio, double alpha, double gamma, int l,
            double sigma) {
        int d = 200;
        int n = (int) Math.round(widthRatio * d);
        double p = Math.round(alpha * d);
        double de = new TwoPointContour(S200, n, p).noiseTerm(gamma, Depth.of(l), sigma);
        Spectrum zeroTask = Spectrum.of(S200.lambda(), new double[d], "zero task");
        MonteCarloResult mc = new StructuredSimulator(zeroTask, Setting.RRS, n, alpha, l, gamma, sigma).run(2000, 5);
        double noise = mc.loss() - sigma * sigma;
        double tol = 4 * mc.standardError() + 0.031 * de;
        System.out.printf(Locale.ROOT, "noise N/D=%.2f P/D=%.1f gamma=%.1f L=%d sigma=%.1f: (N2) %.6g MC %.6g +- %.2g (%+.2f%%)%n",
                widthRatio, alpha, gamma, l, sigma, de, noise, mc.standardError(), 100 * (de - noise) / noise);
        assertEquals(noise, de, tol, "noise term vs MC " + mc);
        if (l == 1) {
            // the exact finite-D value: Monte Carlo within 4 standard errors, no offset
            double exact = exactDepthOneNoise(S200, n, p, gamma, sigma);
            assertEquals(exact, noise, 4 * mc.standardError(), "exact L = 1 noise vs MC " + mc);
        }
    }
}
