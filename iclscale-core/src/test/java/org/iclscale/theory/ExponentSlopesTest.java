package org.iclscale.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iclscale.core.Depth;
import org.iclscale.spectrum.PowerLawContinuum;
import org.iclscale.spectrum.Spectrum;
import org.junit.jupiter.api.Test;

/**
 * Local slopes −d ln𝓛/d ln t converge to the exponents of notes §5.2, each by two routes (exact finite-D sum
 * at D large enough not to saturate, and the D = ∞ continuum).
 */
class ExponentSlopesTest {

    private static double slope(double l1, double l2, double t1, double t2) {
        return -Math.log(l2 / l1) / Math.log(t2 / t1);
    }

    /** RRS, L = ∞ (App. F.2): 𝓛(t) ~ t^{−β/(2+β)}, independent of ν. */
    @Test
    void rrsTimeExponent() {
        double nu = 1.5;
        double beta = 0.8;
        double expected = beta / (2 + beta);
        double[] t = {1e3, 1.1e3, 1e5, 1.1e5, 1e7, 1.1e7};
        GradientFlow.Trajectory cont = GradientFlow.integrate(
                new RrsContinuum(new PowerLawContinuum(nu, beta), Depth.INFINITE, 0), t);
        GradientFlow.Trajectory finite = GradientFlow.integrate(
                new RrsModel(Spectrum.powerLaw(nu, beta, 200_000), Depth.INFINITE, 0), t);
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 0; i < t.length; i += 2) {
            double sc = slope(cont.loss()[i], cont.loss()[i + 1], t[i], t[i + 1]);
            double sf = slope(finite.loss()[i], finite.loss()[i + 1], t[i], t[i + 1]);
            assertEquals(sc, sf, 5e-5, "continuum vs D = 2e5 at t = " + t[i]);
            double err = Math.abs(sc - expected);
            assertTrue(err < previous || err < 1e-4, "t = " + t[i] + ": slope " + sc);
            previous = err;
        }
        assertEquals(expected, slope(cont.loss()[4], cont.loss()[5], t[4], t[5]), 2e-4);
        // γ(t) ~ t^{1/(2+β)}
        assertEquals(1 / (2 + beta), -slope(cont.gamma()[4], cont.gamma()[5], t[4], t[5]), 2e-3);
    }

    /** FS, L = ∞: 𝓛(t) = Σ p_k/(1 + 4ω_kλ_k³t) ~ t^{−νβ/(νβ+2ν+1)} (corrected exponent, notes §3.3). */
    @Test
    void fsTimeExponent() {
        double[][] cases = {{1.25, 1.25}, {2, 1}, {1, 1}, {1.5, 0.5}};
        for (double[] c : cases) {
            double nu = c[0] == 1 ? 1.0001 : c[0];
            double beta = c[1];
            double expected = nu * beta / (nu * beta + 2 * nu + 1);
            PowerLawContinuum law = new PowerLawContinuum(nu, beta);
            // the finite-D tail ~ D^{−νβ} needs more modes when νβ ≈ 1
            int dim = nu * beta < 1.3 ? 2_000_000 : 200_000;
            FsModel finite = new FsModel(Spectrum.powerLaw(nu, beta, dim), Depth.INFINITE, 0, TimeConvention.APPENDIX_D);
            for (double t : new double[] {1e4, 1e8}) {
                double t2 = 1.1 * t;
                int k = PowerLawContinuum.cutoffFor(4 * t, nu * beta + 1 + 2 * nu);
                double l1 = law.sum((l, p) -> 1 / (1 + 4 * p * l * l * t), 1, k);
                double l2 = law.sum((l, p) -> 1 / (1 + 4 * p * l * l * t2), 1, k);
                double sc = slope(l1, l2, t, t2);
                assertEquals(expected, sc, 2e-4, "nu=" + nu + " beta=" + beta + " t=" + t);
                assertEquals(sc, slope(finite.loss(t), finite.loss(t2), t, t2), 1e-4, "finite D, t = " + t);
            }
            // the paper's printed β/(ν+νβ+1) is excluded where it differs
            double paper = beta / (nu + nu * beta + 1);
            if (Math.abs(paper - expected) > 0.01) {
                double t = 1e8;
                double l1 = finite.loss(t);
                double l2 = finite.loss(1.1 * t);
                assertTrue(Math.abs(slope(l1, l2, t, 1.1 * t) - paper) > 0.005);
            }
        }
    }
}
