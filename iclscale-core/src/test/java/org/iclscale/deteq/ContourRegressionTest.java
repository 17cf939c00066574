package org.iclscale.deteq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.iclscale.core.Depth;
import org.iclscale.spectrum.Spectrum;
import org.junit.jupiter.api.Test;

/**
 * Regression pins for the contour code shared by {@link FsModeLandscape} and {@link TwoPointContour}: values
 * computed by both classes at commit a0f2bf6 (before their node/level/pair-sum machinery was factored into one
 * helper) must be reproduced to 1e-12 relative. These are not independent checks of the mathematics (those are
 * in FsModeLandscapeTest, TwoPointContourTest, FiniteContextMonteCarloTest); they only guard a refactoring
 * that must not change a single digit beyond rounding. Spectrum ν = 1.5, β = 0.8, D = 24.
 */
class ContourRegressionTest {

    private static final Spectrum SPEC = Spectrum.powerLaw(1.5, 0.8, 24);
    private static final double REL = 1e-12;

    /** γ_k = scale·min(1/λ_k, 1.5√k), one mode exactly 0. */
    private static double[] gammas(double scale) {
        double[] g = new double[SPEC.dim()];
        for (int k = 0; k < g.length; k++) {
            g[k] = scale * Math.min(1.0 / SPEC.lambda()[k], 1.5 * Math.sqrt(k + 1.0));
        }
        g[3] = 0;
        return g;
    }

    private static void near(double expected, double actual, String what) {
        assertEquals(expected, actual, REL * Math.abs(expected), what);
    }

    /** {alpha, L, sigma, scale, level, loss, dL/dγ_1, dL/dγ_4, dL/dγ_11, dL/dγ_24} at a0f2bf6. */
    private static final double[][] FS = {
        {0.5, 1, 0.0, 0.7, 0, 0.30226928318851437, -0.29077410766342354, -0.0080412074417664030,
            0.00026379574696704897, 5.1860641301918100e-05},
        {2.0, 2, 0.3, 1.2, 0, 0.25079509611058143, -0.10213783375414105, -0.0076419173547459620,
            8.8179891875280180e-06, 2.3540807513687940e-05},
        {1.0, 4, 0.5, 3.0, 0, 0.39826142727609700, -0.010916466893211952, -0.0072079325326908700,
            0.00014276002977139352, 4.1557876291865976e-05},
        {1.0, 8, 0.0, 6.0, 1, 0.083787897192242760, -0.0029286547713205250, -0.0068453370359044730,
            1.9421066182733474e-05, 1.6395104536232424e-05},
    };

    @Test
    void fsModeLandscapeValuesAreUnchanged() {
        for (double[] c : FS) {
            FsModeLandscape f = new FsModeLandscape(SPEC, c[0], Depth.of((int) c[1]), c[2]);
            FsModeLandscape.Evaluation e = f.evaluate(gammas(c[3]), true);
            String at = "alpha " + c[0] + ", L " + c[1] + ", sigma " + c[2] + ", scale " + c[3];
            assertEquals((int) c[4], e.level(), "contour level at " + at);
            near(c[5], e.loss(), "loss at " + at);
            near(c[5], f.loss(gammas(c[3])), "loss without gradient at " + at);
            int[] modes = {0, 3, 10, 23};
            for (int m = 0; m < modes.length; m++) {
                near(c[6 + m], e.gradient()[modes[m]], "dL/dgamma_" + (modes[m] + 1) + " at " + at);
            }
        }
    }

    /** {N (1e9 = ∞), α, L, γ, signal, ∂signal/∂γ, noise(σ = 0.4), ∂noise/∂γ (N ≥ D only)} at a0f2bf6. */
    private static final double[][] TWO_POINT = {
        {1e9, 1, 1, 0.8, 0.27847503458641215, -0.30141185504495016, 0.0051252235242683020, 0.012813058810670753},
        {1e9, 2, 3, 2.5, 0.13116184257228500, -0.039696348707606530, 0.0057283709149390680, 0.0018053121305219755},
        {12, 0.5, 2, 0.6, 0.65439681594895920, -0.42519339593509714, Double.NaN, Double.NaN},
        {1e9, 0.5, 4, 3.0, 0.15977545663373244, -0.029965565494378270, 0.022577954895114290, 0.0057968401959266050},
        {1e9, 1, 8, 5.0, 0.095143087415826580, -0.013129706175183090, 0.017370037849726058, 0.0026077278595694033},
        {20, 1, 6, 3.0, 0.16287602044403300, -0.035429704782756700, Double.NaN, Double.NaN},
    };

    @Test
    void twoPointContourValuesAreUnchanged() {
        for (double[] c : TWO_POINT) {
            TwoPointContour t = new TwoPointContour(SPEC, c[0], c[1] * SPEC.dim());
            Depth d = Depth.of((int) c[2]);
            String at = "N " + c[0] + ", alpha " + c[1] + ", L " + c[2] + ", gamma " + c[3];
            near(c[4], t.signal(c[3], d).loss(), "signal at " + at);
            near(c[5], t.signalDerivative(c[3], d), "signal derivative at " + at);
            if (!Double.isNaN(c[6])) {
                near(c[6], t.noiseTerm(c[3], d, 0.4), "noise at " + at);
                near(c[7], t.noiseTermDerivative(c[3], d, 0.4), "noise derivative at " + at);
            }
        }
    }
}
