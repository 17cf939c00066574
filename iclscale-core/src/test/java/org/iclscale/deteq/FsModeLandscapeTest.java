package org.iclscale.deteq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.iclscale.core.Depth;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Setting;
import org.iclscale.simulate.ContextSampler;
import org.iclscale.simulate.MonteCarloResult;
import org.iclscale.simulate.ReducedModelTrainer;
import org.iclscale.core.Extent;
import org.iclscale.model.ExplicitSpectrum;
import org.iclscale.model.Landscapes;
import org.iclscale.model.ModelSpec;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.FsModel;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.TimeConvention;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The finite-α FS loss of a diagonal Γ ({@link FsModeLandscape}, derived for this project): three independent
 * routes — the equal-γ FS landscape of {@link StructuredLandscapes} (a different parameterisation of the same
 * contour), the α = ∞ closed form of {@link FsModel} (paper Result 4), and a direct Monte Carlo of the FS model
 * with a non-uniform diagonal Γ using the simulator's own predictor ({@link ReducedModelTrainer}) — plus the
 * analytic gradient against central differences.
 */
class FsModeLandscapeTest {

    private static final Spectrum SPEC = Spectrum.powerLaw(1.5, 0.8, 64);

    /** A non-uniform diagonal Γ with one exactly-zero mode. */
    private static double[] nonUniform(Spectrum s, int depth) {
        double[] g = new double[s.dim()];
        for (int k = 0; k < g.length; k++) {
            g[k] = Math.min(0.8 * depth / s.lambda()[k], 1.5 * Math.sqrt(k + 1.0));
        }
        g[5] = 0;
        return g;
    }

    @Test
    void equalGammasReproduceTheStructuredFsLandscape() {
        for (double sigma : new double[] {0, 0.5}) {
            Depth depth = Depth.of(3);
            FsModeLandscape modes = new FsModeLandscape(SPEC, 1.0, depth, sigma);
            GammaLandscape fs = Landscapes.of(ModelSpec.fs(ExplicitSpectrum.of(SPEC)).alpha(1.0).depth(depth).sigma(sigma).build());
            for (double gamma : new double[] {0.3, 1.0, 2.5}) {
                double[] g = new double[SPEC.dim()];
                Arrays.fill(g, gamma);
                FsModeLandscape.Evaluation e = modes.evaluate(g, true);
                assertEquals(fs.loss(gamma), e.loss(), 1e-9 * fs.loss(gamma), "loss at gamma " + gamma);
                double sum = Arrays.stream(e.gradient()).sum();
                assertEquals(fs.lossDerivative(gamma), sum, 1e-7 * Math.abs(fs.lossDerivative(gamma)),
                        "sum_k dL/dgamma_k = dL/dgamma at gamma " + gamma + ", sigma " + sigma);
            }
        }
    }

    @Test
    void largeAlphaApproachesResultFourAndTheGapShrinksLikeOneOverAlpha() {
        Depth depth = Depth.of(2);
        FsModel inf = new FsModel(SPEC, depth, 0, TimeConvention.HALF);
        double[] g = nonUniform(SPEC, 2);
        FsModeLandscape.Evaluation big = new FsModeLandscape(SPEC, 1e7, depth, 0).evaluate(g, true);
        assertEquals(inf.loss(g), big.loss(), 1e-6 * inf.loss(g));
        double[] gi = inf.gradient(g);
        for (int k : new int[] {0, 1, 3, 10, 40}) {
            assertEquals(gi[k], big.gradient()[k], 1e-5 * Math.abs(gi[k]) + 1e-12, "mode " + k);
        }
        double previous = Double.POSITIVE_INFINITY;
        for (double alpha : new double[] {10, 100, 1000}) {
            double gap = new FsModeLandscape(SPEC, alpha, depth, 0).loss(g) - inf.loss(g);
            assertTrue(gap > 0, "finite context adds loss at alpha " + alpha);
            if (Double.isFinite(previous)) {
                double ratio = previous / gap;
                assertTrue(ratio > 7 && ratio < 13, "gap ~ 1/alpha: ratio " + ratio + " at alpha " + alpha);
            }
            previous = gap;
        }
    }

    @Test
    void analyticGradientMatchesCentralDifferences() {
        Depth depth = Depth.of(3);
        FsModeLandscape f = new FsModeLandscape(SPEC, 0.75, depth, 0.3);
        double[] g = nonUniform(SPEC, 3);
        double[] grad = f.gradient(g);
        for (int k : new int[] {0, 1, 2, 7, 20, 63}) {
            double h = 1e-5 * g[k];
            double[] gp = g.clone();
            double[] gm = g.clone();
            gp[k] += h;
            gm[k] -= h;
            double fd = (f.loss(gp) - f.loss(gm)) / (2 * h);
            assertEquals(fd, grad[k], 1e-5 * Math.abs(fd) + 1e-11, "mode " + k);
        }
        // the exactly-zero mode: one-sided difference
        double h = 1e-7;
        double[] gp = g.clone();
        gp[5] = h;
        double fd = (f.loss(gp) - f.loss(g)) / h;
        assertEquals(fd, grad[5], 1e-3 * Math.abs(fd), "zero mode");
    }

    @Test
    void zeroGammaIsExactAndTheLinearRegimeJoinsTheContour() {
        double sigma = 0.4;
        FsModeLandscape f = new FsModeLandscape(SPEC, 0.5, Depth.of(2), sigma);
        FsModeLandscape.Evaluation zero = f.evaluate(new double[SPEC.dim()], true);
        assertEquals(1 + sigma * sigma, zero.loss(), 1e-12);
        for (int k = 0; k < SPEC.dim(); k += 9) {
            // Result 4 at t = 0: dL/dgamma_k = -2 omega_k lambda_k^2
            assertEquals(-2 * SPEC.weights()[k] * SPEC.lambda()[k], zero.gradient()[k], 1e-15);
        }
        // just above the linear regime the contour route agrees with the first-order expansion
        double[] small = new double[SPEC.dim()];
        Arrays.fill(small, 2 * FsModeLandscape.LINEAR_REGIME / SPEC.maxLambda());
        FsModeLandscape.Evaluation contour = f.evaluate(small, true);
        double linear = 1 + sigma * sigma;
        for (int k = 0; k < SPEC.dim(); k++) {
            linear -= 2 * SPEC.weights()[k] * SPEC.lambda()[k] * small[k];
        }
        assertEquals(linear, contour.loss(), 1e-10);
        for (int k = 0; k < SPEC.dim(); k += 9) {
            assertEquals(zero.gradient()[k], contour.gradient()[k],
                    1e-4 * Math.abs(zero.gradient()[k]) + 1e-8 * Math.abs(zero.gradient()[0]), "mode " + k);
        }
    }

    @Test
    void rejectsInfiniteAlphaAndDepth() {
        assertThrows(InvalidInputException.class, () -> new FsModeLandscape(SPEC, Double.POSITIVE_INFINITY, Depth.of(1), 0));
        assertThrows(InvalidInputException.class, () -> new FsModeLandscape(SPEC, 1, Depth.INFINITE, 0));
    }

    /** Monte Carlo of the FS model at Γ = diag(γ_k) with the simulator's own predictor and exact query loss. */
    static MonteCarloResult monteCarlo(Spectrum s, double alpha, int depth, double sigma, double[] g, int contexts) {
        int d = s.dim();
        ContextSampler smp = new ContextSampler(Setting.FS, d, (int) Math.round(alpha * d), 1, sigma, s);
        ReducedModelTrainer t = new ReducedModelTrainer(smp, depth, false, 0.1, 1, 0.0, 7, contexts);
        double[] full = new double[d * d];
        for (int k = 0; k < d; k++) {
            full[k * d + k] = g[k];
        }
        t.setGamma(0, full);
        return t.testLoss();
    }

    /**
     * Non-uniform Γ = diag(1.5√k) at D = 128, α = 1, L = 2 (σ = 0) and α = 0.5, L = 3, σ = 0.5. Measured on this
     * machine (4000 contexts): MC 0.13226 ± 0.00036 vs theory 0.13080 (−1.1 %); the deterministic equivalent sits
     * below MC by an O(1/D) finite-size amount (−2.3 % at D = 64, −1.1 % at D = 128, −0.4 % at D = 256; see the
     * slow test), as for the validated equal-γ case (deteq-general.md §4). Tolerance 3 % + 2 SE: a 10 %
     * perturbation of the theory fails it, and so does the α = ∞ value (FsModel, 9 % low here).
     */
    @Test
    void monteCarloOfANonUniformDiagonalGamma() {
        Spectrum s = Spectrum.powerLaw(1.5, 0.8, 128);
        double[][] cases = {{1.0, 2, 0.0}, {0.5, 3, 0.5}};
        for (double[] c : cases) {
            double alpha = c[0];
            int depth = (int) c[1];
            double sigma = c[2];
            double[] g = new double[s.dim()];
            for (int k = 0; k < g.length; k++) {
                g[k] = 1.5 * Math.sqrt(k + 1.0);
            }
            MonteCarloResult mc = monteCarlo(s, alpha, depth, sigma, g, 3000);
            double theory = new FsModeLandscape(s, alpha, Depth.of(depth), sigma).loss(g);
            double infinite = new FsModel(s, Depth.of(depth), sigma, TimeConvention.HALF).loss(g);
            double tol = 0.03 * mc.loss() + 2 * mc.standardError();
            String what = "alpha " + alpha + ", L " + depth + ", sigma " + sigma + ": MC " + mc.loss() + " +- "
                    + mc.standardError() + ", theory " + theory;
            assertEquals(mc.loss(), theory, tol, what);
            assertTrue(Math.abs(1.1 * theory - mc.loss()) > tol && Math.abs(0.9 * theory - mc.loss()) > tol,
                    "a 10% perturbation must fail: " + what);
            assertTrue(Math.abs(infinite - mc.loss()) > tol, "alpha = inf value " + infinite + " is excluded: " + what);
        }
    }

    /** The MC gap is a finite-size effect: it shrinks from D = 64 to D = 256 (measured −2.3 %, −1.1 %, −0.4 %). */
    @Tag("slow")
    @Test
    void monteCarloGapShrinksWithDimension() {
        double previous = Double.POSITIVE_INFINITY;
        for (int d : new int[] {64, 256}) {
            Spectrum s = Spectrum.powerLaw(1.5, 0.8, d);
            double[] g = new double[d];
            for (int k = 0; k < d; k++) {
                g[k] = 1.5 * Math.sqrt(k + 1.0);
            }
            MonteCarloResult mc = monteCarlo(s, 1.0, 2, 0, g, 6000);
            double theory = new FsModeLandscape(s, 1.0, Depth.of(2), 0).loss(g);
            double gap = Math.abs(theory - mc.loss()) / mc.loss();
            assertTrue(gap < 0.035, "D " + d + ": gap " + gap);
            assertTrue(gap < previous, "D " + d + ": gap " + gap + " not below " + previous);
            previous = gap;
        }
    }
}
