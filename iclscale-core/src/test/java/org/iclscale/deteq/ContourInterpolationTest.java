package org.iclscale.deteq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.SplittableRandom;
import org.iclscale.core.Depth;
import org.iclscale.core.Setting;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.GammaLandscape;
import org.junit.jupiter.api.Test;

/**
 * The per-level interpolants of {@link ContourInterpolation} against the direct contour route at many γ per level
 * (random and next to the level ends), L ∈ {1, 2, 4, 8, 12, 16, 32, 64}, at N &lt; D and N = D, σ ∈ {0, 0.5}. The
 * differences are compared with the direct route's own rounding noise: the direct route at γ against γ(1 + 1e-15)
 * (its true change, 1e-15 γ𝓛', is ~1e-15 relative: the floor of this measure, reached at L ≤ 4). Measured
 * (ν = 1.25, β = 0.75, D = 256, P = 45): the loss within 1e-15 (L ≤ 4) to 1.7e-11 (L = 64) relative, 0.2–2.9× the
 * direct route's noise at the same level; the derivative within 3e-16 to 7e-13 of max|𝓛'|, 0.2–1.9× its noise.
 */
class ContourInterpolationTest {

    private static final Spectrum SPECTRUM = Spectrum.powerLaw(1.25, 0.75, 256);
    /** Allowed difference in units of the direct route's own rounding noise on the level (a max over 40 γ). */
    private static final double NOISE_MULTIPLE = 5;
    /** Floor of the noise: a few ulps (where the direct route happens to repeat its bits at γ(1 + 1e-15)). */
    private static final double ROUNDING_FLOOR = 2e-15;

    /** The closed-form level ends: the direct route's level changes there (growth = MAX_GROWTH to rounding). */
    @Test
    void levelEndsAreWhereTheDirectLevelChanges() {
        TwoPointContour contour = new TwoPointContour(SPECTRUM, 223, 45);
        for (int l : new int[] {1, 4, 12, 32, 64, 128}) {
            Depth depth = Depth.of(l);
            for (int level = 0; level <= TwoPointContour.MAX_LEVEL; level++) {
                double end = contour.levelEnd(level, depth);
                assertEquals(level, contour.levelAt(end * (1 - 1e-12), depth), "L = " + l + " below the end of " + level);
                int above = contour.levelAt(end * (1 + 1e-12), depth);
                assertEquals(level == TwoPointContour.MAX_LEVEL ? -1 : level + 1, above, "L = " + l + " above " + level);
            }
        }
    }

    @Test
    void otherLandscapesAreNotWrapped() {
        TwoPointContour contour = new TwoPointContour(SPECTRUM, 223, 45);
        for (Depth depth : new Depth[] {Depth.of(ContourInterpolation.MAX_DEPTH + 1), Depth.INFINITE}) {
            GammaLandscape direct = StructuredLandscapes.context(Setting.RRS, contour, 223, 45, depth, 0);
            assertSame(direct, StructuredLandscapes.interpolated(direct));
        }
    }

    @Test
    void interpolantsMatchTheDirectRouteToItsRounding() {
        SplittableRandom random = new SplittableRandom(17);
        for (double width : new double[] {223, Double.POSITIVE_INFINITY}) {
            TwoPointContour contour = new TwoPointContour(SPECTRUM, width, 45);
            for (double sigma : new double[] {0, 0.5}) {
                for (int l : new int[] {1, 2, 4, 8, 12, 16, 32, 64}) {
                    Depth depth = Depth.of(l);
                    StructuredLandscapes.Context direct = (StructuredLandscapes.Context) StructuredLandscapes.context(
                            Setting.RRS, contour, width, 45, depth, sigma);
                    GammaLandscape poly = StructuredLandscapes.interpolated(direct);
                    double edge = direct.stabilityEdge();
                    for (int level = 0; level <= TwoPointContour.MAX_LEVEL; level++) {
                        double lo = level == 0 ? 0 : contour.levelEnd(level - 1, depth);
                        double hi = Math.min(contour.levelEnd(level, depth), edge);
                        if (!(hi > lo)) {
                            continue;
                        }
                        double lossDiff = 0, lossNoise = 0, slopeDiff = 0, slopeNoise = 0;
                        for (int k = 0; k < 40; k++) {
                            double g = k < 30 ? lo + (hi - lo) * random.nextDouble()
                                    : k < 35 ? lo + (hi - lo) * 1e-6 * (k - 29) : hi - (hi - lo) * 1e-6 * (k - 34);
                            if (g == 0) continue;
                            double d = direct.loss(g);
                            double dn = direct.loss(g * (1 + 1e-15));
                            double s = direct.lossDerivative(g);
                            double sn = direct.lossDerivative(g * (1 + 1e-15));
                            double scale = Math.abs(direct.lossDerivative(0)); // |𝓛'| is largest at γ = 0
                            lossDiff = Math.max(lossDiff, Math.abs(poly.loss(g) - d) / d);
                            lossNoise = Math.max(lossNoise, Math.abs(dn - d) / d);
                            slopeDiff = Math.max(slopeDiff, Math.abs(poly.lossDerivative(g) - s) / scale);
                            slopeNoise = Math.max(slopeNoise, Math.abs(sn - s) / scale);
                        }
                        System.out.println(String.format(Locale.ROOT,
                                "N=%s sigma=%.1f L=%d level=%d [%.4g, %.4g] loss %.2e (noise %.2e) slope %.2e (noise %.2e)",
                                width, sigma, l, level, lo, hi, lossDiff, lossNoise, slopeDiff, slopeNoise));
                        String where = "N = " + width + ", sigma = " + sigma + ", L = " + l + ", level " + level;
                        assertTrue(lossDiff <= NOISE_MULTIPLE * Math.max(lossNoise, ROUNDING_FLOOR), "loss at " + where);
                        assertTrue(slopeDiff <= NOISE_MULTIPLE * Math.max(slopeNoise, ROUNDING_FLOOR),
                                "derivative at " + where);
                    }
                }
            }
        }
    }
}
