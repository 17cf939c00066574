package org.iclscale.deteq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.iclscale.core.Depth;
import org.iclscale.core.Setting;
import org.iclscale.model.ExplicitSpectrum;
import org.iclscale.model.Landscapes;
import org.iclscale.model.ModelSpec;
import org.iclscale.model.PowerLaw;
import org.iclscale.model.Regime;
import org.iclscale.simulate.MonteCarloResult;
import org.iclscale.simulate.StructuredSimulator;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.GammaLandscape;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The full loss σ² + signal + noise at finite width N &lt; D and finite context P with label noise (the landscape
 * the dispatcher gives ({@link Landscapes#of}, {@link Regime#TWO_POINT_CONTOUR}: (E1)-(E3) signal of deteq-general.md
 * plus the noise contour (N2) of
 * deteq-noise.md) against Monte Carlo of the defining in-context GD with noisy labels ({@link StructuredSimulator},
 * ν = 1.25, β = 0.75). The equivalent is low by a finite-size offset that shrinks with D (deteq-noise.md §5h:
 * ≤ 3.2 % at D = 200 in the edge-dominated cases γ = 3, L = 1, ≤ 1.24 % at D = 400), almost all of it from the
 * signal part (the noise term is ≤ 2.2 % of the loss here).
 */
class NoisyContextMonteCarloTest {

    private record Comparison(double theory, MonteCarloResult mc) {
        double relativeError() {
            return (theory - mc.loss()) / mc.loss();
        }

        double relativeStandardError() {
            return mc.standardError() / mc.loss();
        }
    }

    private static Comparison compare(int d, double widthRatio, double alpha, double gamma, int l, double sigma,
            int trials) {
        Spectrum s = Spectrum.powerLaw(1.25, 0.75, d);
        int n = (int) Math.round(widthRatio * d);
        GammaLandscape landscape = Landscapes.of(ModelSpec.rrs(ExplicitSpectrum.of(s)).width(n).alpha(alpha).depth(l)
                .sigma(sigma).build());
        double theory = landscape.loss(gamma);
        MonteCarloResult mc = new StructuredSimulator(s, Setting.RRS, n, alpha, l, gamma, sigma).run(trials, 2024);
        Comparison c = new Comparison(theory, mc);
        System.out.printf(Locale.ROOT, "D=%d N/D=%.2f P/D=%.1f gamma=%.0f L=%d sigma=%.1f: equivalent %.5f MC %.5f +- %.5f "
                + "(%+.2f%%, SE %.2f%%)%n", d, widthRatio, alpha, gamma, l, sigma, theory, mc.loss(), mc.standardError(),
                100 * c.relativeError(), 100 * c.relativeStandardError());
        return c;
    }

    /** Default: D = 200, 800 contexts; 4 standard errors plus 1.5 % (the D = 200 offset away from the edge ≤ 1.1 %). */
    @ParameterizedTest
    @CsvSource({"0.25, 1.0, 3, 2, 1.0", "0.5, 0.5, 3, 4, 0.5", "0.1, 2.0, 1, 1, 1.0"})
    void agreesWithMonteCarloAtD200(double widthRatio, double alpha, double gamma, int l, double sigma) {
        Comparison c = compare(200, widthRatio, alpha, gamma, l, sigma, 800);
        assertEquals(c.mc().loss(), c.theory(), 4 * c.mc().standardError() + 0.015 * c.theory(), c.mc().toString());
    }

    /**
     * The grid of issue 16 at D = 400: N/D ∈ {0.1, 0.25, 0.5} × P/D ∈ {0.5, 1, 2} × (γ, L, σ) ∈ {(1, 2, 1),
     * (3, 4, 0.5)}: within 2 % plus 2 standard errors (contexts per N/D chosen for SE ≲ 0.9 %; the defining GD
     * samples task and label noise per context, so its per-context spread is 0.2-0.4 of the loss).
     */
    @Tag("slow")
    @ParameterizedTest
    @CsvSource({
        "0.1, 0.5, 4000", "0.1, 1.0, 4000", "0.1, 2.0, 4000",
        "0.25, 0.5, 2000", "0.25, 1.0, 2000", "0.25, 2.0, 2000",
        "0.5, 0.5, 800", "0.5, 1.0, 800", "0.5, 2.0, 800",
    })
    void agreesWithMonteCarloOnTheGridAtD400(double widthRatio, double alpha, int trials) {
        for (double[] gls : new double[][] {{1, 2, 1.0}, {3, 4, 0.5}}) {
            Comparison c = compare(400, widthRatio, alpha, gls[0], (int) gls[1], gls[2], trials);
            assertTrue(c.relativeStandardError() < 0.009, "Monte Carlo too coarse: " + c.mc());
            assertEquals(c.mc().loss(), c.theory(), 0.02 * c.mc().loss() + 2 * c.mc().standardError(),
                    "gamma=" + gls[0] + " L=" + gls[1] + " sigma=" + gls[2] + ": " + c.mc());
        }
    }

    /**
     * The noise equivalent's own offset shrinks from D = 200 to D = 400 (L ≥ 2, where no closed form exists; at
     * L = 1 see {@link NoiseEquivalentTest}): the noise term isolated by a zero task (labels σε only, loss − σ² is
     * the noise term per context) at N/D = 0.1, P/D = 0.5, where the finite-N offset is largest (deteq-noise.md
     * §5c: −2.54 % → −1.55 % at γ = 1, L = 2; −1.47 % → −0.96 % at γ = 3, L = 4). The equivalent is below Monte
     * Carlo at D = 200 by more than 2 standard errors, and closer to it at D = 400.
     */
    @Tag("slow")
    @ParameterizedTest
    @CsvSource({"1, 2", "3, 4"})
    void noiseOffsetShrinksFromD200ToD400(double gamma, int l) {
        double[] gap = new double[2];
        double[] se = new double[2];
        int[] dims = {200, 400};
        for (int i = 0; i < 2; i++) {
            int d = dims[i];
            Spectrum s = Spectrum.powerLaw(1.25, 0.75, d);
            int n = d / 10;
            double de = new TwoPointContour(s, n, d / 2).noiseTerm(gamma, Depth.of(l), 1);
            MonteCarloResult mc = new StructuredSimulator(Spectrum.of(s.lambda(), new double[d], "zero task"),
                    Setting.RRS, n, 0.5, l, gamma, 1).run(30000, 77);
            double noise = mc.loss() - 1;
            gap[i] = de / noise - 1;
            se[i] = mc.standardError() / noise;
            System.out.printf(Locale.ROOT, "noise D=%d N/D=0.1 P/D=0.5 gamma=%.0f L=%d: (N2) %.6g MC %.6g (%+.2f%% +- %.2f%%)%n", d,
                    gamma, l, de, noise, 100 * gap[i], 100 * se[i]);
        }
        assertTrue(gap[0] < -2 * se[0], "D = 200 offset " + gap[0] + " +- " + se[0]);
        assertTrue(Math.abs(gap[1]) < Math.abs(gap[0]), "offset " + gap[0] + " (D=200) -> " + gap[1] + " (D=400)");
    }

    /** The dispatcher gives the equivalent (not Monte Carlo) here, at any depth, and it names both parts. */
    @Test
    void landscapeIsTheEquivalent() {
        ModelSpec spec = ModelSpec.rrs(PowerLaw.of(1.25, 0.75, 200)).width(50).alpha(1.0).infiniteDepth().sigma(0.5)
                .build();
        assertEquals(Regime.TWO_POINT_CONTOUR, Landscapes.regime(spec));
        GammaLandscape l = Landscapes.of(spec);
        assertInstanceOf(StructuredLandscapes.Context.class, l);
        assertTrue(l.loss(3) > 0.25);
        assertTrue(l.method().contains("(E1)-(E3)") && l.method().contains("(N2)"), l.method());
    }
}
