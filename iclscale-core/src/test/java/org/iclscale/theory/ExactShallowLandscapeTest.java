package org.iclscale.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.iclscale.core.Setting;
import org.iclscale.simulate.ContextSampler;
import org.iclscale.spectrum.Spectrum;
import org.junit.jupiter.api.Test;

/**
 * {@link ExactShallowLandscape} (depth 1, finite D and P, Isserlis) against three independent references: a direct
 * Monte Carlo of the reduced model at a non-uniform diagonal Γ (FS) and at Γ = γI (RRS, rotated contexts), the
 * Λ = I closed form 1 − 2γ + γ²(1 + 1/α + 1/P) + σ²(1 + γ²/α), and central differences of the gradient.
 */
class ExactShallowLandscapeTest {

    /** Monte Carlo mean and standard error of (w − w⋆)ᵀΛ(w − w⋆) + σ² with w = ΓXᵀy/P. */
    private static double[] monteCarlo(ContextSampler sampler, Spectrum spectrum, double[] gamma, int trials, long seed) {
        int d = sampler.dim();
        int p = sampler.contextLength();
        double[] lambda = spectrum.lambda();
        SplittableRandom rng = new SplittableRandom(seed);
        double sum = 0;
        double sumSq = 0;
        for (int t = 0; t < trials; t++) {
            ContextSampler.Context c = sampler.sample(rng, 0);
            double[] w = new double[d];
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < d; j++) {
                    w[j] += c.x()[i * d + j] * c.y()[i] / p;
                }
            }
            // error in the eigenbasis of the rotated covariance: Λ-norm after undoing the rotation O (x = OΛ^{1/2}z)
            double[] err = new double[d];
            for (int j = 0; j < d; j++) {
                err[j] = gamma[j] * w[j] - c.target()[j];
            }
            double[] e = c.rotation() == null ? err : rotateBack(c.rotation(), d, err);
            double loss = sampler.sigma() * sampler.sigma();
            for (int j = 0; j < d; j++) {
                loss += lambda[j] * e[j] * e[j];
            }
            sum += loss;
            sumSq += loss * loss;
        }
        double mean = sum / trials;
        return new double[] {mean, Math.sqrt((sumSq / trials - mean * mean) / (trials - 1))};
    }

    /** Oᵀv for the row-major D×D rotation O. */
    private static double[] rotateBack(double[] o, int d, double[] v) {
        double[] out = new double[d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                out[j] += o[i * d + j] * v[i];
            }
        }
        return out;
    }

    @Test
    void fsAtANonUniformDiagonalGammaMatchesMonteCarlo() {
        int d = 12;
        int p = 24;
        double sigma = 0.4;
        Spectrum s = Spectrum.powerLaw(1.5, 0.8, d);
        double[] gamma = new double[d];
        for (int k = 0; k < d; k++) {
            gamma[k] = 0.6 * Math.sqrt(k + 1.0);
        }
        ContextSampler sampler = new ContextSampler(Setting.FS, d, p, 0, sigma, s);
        double[] mc = monteCarlo(sampler, s, gamma, 40_000, 7);
        double exact = new ExactShallowLandscape(s, p, sigma).loss(gamma);
        assertEquals(mc[0], exact, 4 * mc[1], "Monte Carlo " + mc[0] + " +- " + mc[1]);
        assertTrue(mc[1] < 0.01 * exact, "the check resolves 1 %: SE " + mc[1]);
        // the same criterion rejects the deterministic equivalent, which drops an O(1/P) term (test can fail)
        double equivalent = new org.iclscale.deteq.FsModeLandscape(s, (double) p / d, org.iclscale.core.Depth.of(1),
                sigma).loss(gamma);
        assertTrue(Math.abs(mc[0] - equivalent) > 4 * mc[1], "deterministic equivalent " + equivalent + " vs " + mc[0]);
    }

    @Test
    void rrsAlongGammaTimesIdentityMatchesMonteCarlo() {
        int d = 10;
        int p = 30;
        Spectrum s = Spectrum.powerLaw(1.5, 0.8, d);
        double gamma = 1.3;
        double[] g = new double[d];
        java.util.Arrays.fill(g, gamma);
        ContextSampler sampler = new ContextSampler(Setting.RRS, d, p, 0, 0.2, s);
        double[] mc = monteCarlo(sampler, s, g, 20_000, 11);
        double exact = new ExactShallowLandscape(s, p, 0.2).isotropic().loss(gamma);
        assertEquals(mc[0], exact, 4 * mc[1], "Monte Carlo " + mc[0] + " +- " + mc[1]);
    }

    @Test
    void identityCovarianceGivesTheIsoClosedForm() {
        int d = 40;
        int p = 60;
        double sigma = 0.5;
        Spectrum iso = Spectrum.of(filled(d, 1.0), filled(d, 1.0 / d), "identity");
        GammaLandscape l = new ExactShallowLandscape(iso, p, sigma).isotropic();
        double alpha = (double) p / d;
        for (double gamma : new double[] {0, 0.3, 0.9, 2}) {
            double closed = 1 - 2 * gamma + gamma * gamma * (1 + 1 / alpha + 1.0 / p)
                    + sigma * sigma * (1 + gamma * gamma / alpha);
            assertEquals(closed, l.loss(gamma), 1e-12, "gamma " + gamma);
        }
    }

    @Test
    void gradientMatchesCentralDifferences() {
        Spectrum s = Spectrum.powerLaw(1.25, 1.25, 9);
        ExactShallowLandscape m = new ExactShallowLandscape(s, 17, 0.3);
        double[] g = new double[9];
        for (int k = 0; k < 9; k++) {
            g[k] = 0.2 + 0.35 * k;
        }
        double[] grad = m.gradient(g);
        for (int k = 0; k < 9; k++) {
            double h = 1e-5;
            double[] up = g.clone();
            double[] down = g.clone();
            up[k] += h;
            down[k] -= h;
            assertEquals((m.loss(up) - m.loss(down)) / (2 * h), grad[k], 1e-8, "mode " + k);
        }
        GammaLandscape iso = m.isotropic();
        assertEquals((iso.loss(0.7 + 1e-6) - iso.loss(0.7 - 1e-6)) / 2e-6, iso.lossDerivative(0.7), 1e-7);
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
