package org.iclscale.deteq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.iclscale.core.Depth;
import org.iclscale.core.Setting;
import org.iclscale.simulate.MonteCarloResult;
import org.iclscale.simulate.StructuredSimulator;
import org.iclscale.spectrum.Spectrum;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Finite context P: the two-point contour (deteq-general.md (E1)-(E3); N = D: structured Wishart, notes §3.5)
 * against Monte Carlo of {@link StructuredSimulator}. Tolerances: 4 standard errors plus the documented
 * finite-size offset of the deterministic equivalent (deteq-general.md §4c: at D = 200 within 1% except
 * edge-dominated cases c·s_max > 2, up to 3.3%; at D = 400 within 2% (53 of 54 cases)).
 */
class FiniteContextMonteCarloTest {

    private static double theory(Spectrum s, double width, double p, double gamma, int l, double sigma) {
        TwoPointContour c = new TwoPointContour(s, width, p);
        return c.signal(gamma, Depth.of(l)).loss() + c.noiseTerm(gamma, Depth.of(l), sigma) + sigma * sigma;
    }

    /** Cheap default run: D = 200, 300 contexts; width ratio, α, γ, L, σ, setting, offset allowed. */
    @ParameterizedTest
    @CsvSource({
        "rrs, 0.25, 1.0, 1.0, 1, 0.0, 0.015",
        "rrs, 0.25, 0.5, 3.0, 2, 0.0, 0.015",
        "rrs, 0.5, 2.0, 3.0, 2, 0.0, 0.015",
        "fs, 1.0, 0.5, 0.8, 2, 0.5, 0.015",
        "fs, 1.0, 2.0, 1.5, 3, 0.3, 0.015",
        "rrs, 1.0, 1.0, 1.0, 1, 0.5, 0.015",
    })
    void contourAgreesWithMonteCarloAtD200(String setting, double widthRatio, double alpha, double gamma, int l,
            double sigma, double offset) {
        check(200, setting, widthRatio, alpha, gamma, l, sigma, offset, 300);
    }

    /** deteq-general.md §4b grid points at D = 400 with 1000 contexts: within 2% (slow). */
    @Tag("slow")
    @ParameterizedTest
    @CsvSource({
        "rrs, 0.1, 0.5, 3.0, 1, 0.0, 0.02",
        "rrs, 0.25, 1.0, 3.0, 2, 0.0, 0.02",
        "rrs, 0.5, 2.0, 1.0, 4, 0.0, 0.02",
        "rrs, 0.5, 0.5, 3.0, 4, 0.0, 0.02",
        "rrs, 0.125, 2.0, 24.0, 4, 0.0, 0.02",
        "fs, 1.0, 1.0, 1.0, 2, 0.5, 0.02",
    })
    void contourAgreesWithMonteCarloAtD400(String setting, double widthRatio, double alpha, double gamma, int l,
            double sigma, double offset) {
        check(400, setting, widthRatio, alpha, gamma, l, sigma, offset, 1000);
    }

    private static void check(int d, String setting, double widthRatio, double alpha, double gamma, int l,
            double sigma, double offset, int trials) {
        Spectrum s = Spectrum.powerLaw(1.25, 0.75, d);
        int n = (int) Math.round(widthRatio * d);
        double p = Math.round(alpha * d);
        double th = theory(s, n, p, gamma, l, sigma);
        MonteCarloResult mc = new StructuredSimulator(s, Setting.parse(setting), n >= d ? Integer.MAX_VALUE : n, alpha,
                l, gamma, sigma).run(trials, 1234);
        double tol = 4 * mc.standardError() + offset * th;
        System.out.printf(java.util.Locale.ROOT, "D=%d %s N/D=%.3f alpha=%.2f gamma=%.1f L=%d sigma=%.1f: theory %.5f MC %.5f +- %.5f (%+.2f%%)%n",
                d, setting, widthRatio, alpha, gamma, l, sigma, th, mc.loss(), mc.standardError(),
                100 * (th - mc.loss()) / mc.loss());
        assertEquals(mc.loss(), th, tol, setting + " N/D=" + widthRatio + " alpha=" + alpha + " gamma=" + gamma
                + " L=" + l + " sigma=" + sigma + ": theory " + th + " vs MC " + mc);
    }
}
