package org.iclscale.deteq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.iclscale.core.Depth;
import org.iclscale.core.Setting;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.LossEvaluation;
import org.junit.jupiter.api.Test;

/**
 * The batched contour route ({@link BatchedContourLosses}: long runs of γ through per-level interpolants) against the
 * one-γ route ({@link StructuredLandscapes.Context#evaluate}) at every γ of runs of 128 (a sweep block), two-point
 * contour N &lt; D and structured Wishart N = D, σ ∈ {0, 0.5}, L ∈ {1, 2, 4, 8, 12, 16}, runs inside one level, across
 * level ends and up to 0.99 of the stability edge. The difference is compared with the direct route's own rounding
 * noise on the run (direct at γ against γ(1 + 1e-15), floor a few ulps, as ContourInterpolationTest) times the
 * route's acceptance bound {@link BatchedContourLosses#MAX_AMPLIFICATION}; every diagnostic but the imaginary residue
 * is the direct route's, and the residue stays of the direct route's size.
 */
class BatchedContourLossesTest {

    private static final Spectrum SPECTRUM = Spectrum.powerLaw(1.5, 0.8, 200);
    private static final double ROUNDING_FLOOR = 2e-15;

    @Test
    void longRunsMatchTheOneGammaRouteToItsRounding() {
        int interpolatedAll = 0;
        double worstMultiple = 0;
        for (double width : new double[] {50, Double.POSITIVE_INFINITY}) {
            TwoPointContour contour = new TwoPointContour(SPECTRUM, width, 100);
            for (double sigma : new double[] {0, 0.5}) {
                for (int l : new int[] {1, 2, 4, 8, 12, 16}) {
                    Depth depth = Depth.of(l);
                    StructuredLandscapes.Context direct = (StructuredLandscapes.Context) StructuredLandscapes.context(
                            Setting.RRS, contour, width, 100, depth, sigma);
                    double edge = direct.stabilityEdge();
                    double end0 = contour.levelEnd(0, depth);
                    double[][] ranges = {{0.05 * edge, 0.2 * edge}, {0.01 * edge, 0.99 * edge},
                        {0.9 * Math.min(end0, edge), 0.99 * edge}, {0.5 * edge, 0.5 * edge * (1 + 1e-9)}};
                    for (double[] range : ranges) {
                        if (!(range[1] > range[0])) {
                            continue;
                        }
                        double[] gammas = new double[128];
                        for (int k = 0; k < gammas.length; k++) {
                            gammas[k] = range[0] + (range[1] - range[0]) * k / (gammas.length - 1);
                        }
                        boolean[] interpolated = new boolean[gammas.length];
                        LossEvaluation[] batched = BatchedContourLosses.evaluateAll(direct, gammas, interpolated);
                        double noise = ROUNDING_FLOOR;
                        double diff = 0;
                        for (int k = 0; k < gammas.length; k++) {
                            LossEvaluation one = direct.evaluate(gammas[k]);
                            double d = one.loss();
                            noise = Math.max(noise, Math.abs(direct.loss(gammas[k] * (1 + 1e-15)) - d) / d);
                            diff = Math.max(diff, Math.abs(batched[k].loss() - d) / d);
                            String where = String.format(Locale.ROOT, "N = %s, sigma = %s, L = %d, gamma = %s", width,
                                    sigma, l, gammas[k]);
                            if (!interpolated[k]) {
                                assertEquals(one, batched[k], where + ": not interpolated, so the direct route's");
                                continue;
                            }
                            interpolatedAll++;
                            for (String key : new String[] {"nodesPerContour", "level", "newtonIterations", "residual"}) {
                                assertEquals(one.diagnostics().get(key), batched[k].diagnostics().get(key), where + " " + key);
                            }
                            assertTrue(batched[k].diagnostics().get("imaginaryPart").doubleValue() <= 1e-12 * Math.max(1, d),
                                    where + ": imaginary residue " + batched[k].diagnostics().get("imaginaryPart"));
                        }
                        worstMultiple = Math.max(worstMultiple, diff / noise);
                        assertTrue(diff <= BatchedContourLosses.MAX_AMPLIFICATION * noise, String.format(Locale.ROOT,
                                "N = %s, sigma = %s, L = %d, [%s, %s]: batched within %.2e of the direct route, its "
                                        + "noise %.2e", width, sigma, l, range[0], range[1], diff, noise));
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "batched contour: %d gammas interpolated, worst difference %.2f x the direct "
                + "route's noise%n", interpolatedAll, worstMultiple);
        assertTrue(interpolatedAll > 2000, "the route was taken: " + interpolatedAll);
    }

    /**
     * A long sweep (2,048 γ over [0.01, 0.99] of the edge and across the end of level 0) in blocks of 128, of 100 and
     * in one block: every interpolated γ gets the same evaluation whichever block it is in (the pieces are the
     * landscape's, not the block's; a block with fewer than {@link BatchedContourLosses#MIN_RUN} γ on a level is
     * direct), within {@link BatchedContourLosses#MAX_AMPLIFICATION} × the direct route's noise of it, and the
     * pieces cost far fewer direct samples than 2L + 1 per block of 128.
     */
    @Test
    void longSweepsGetTheSameValuesInAnyBlocks() {
        for (double width : new double[] {50, Double.POSITIVE_INFINITY}) {
            for (double sigma : new double[] {0, 0.5}) {
                for (int l : new int[] {2, 4, 8}) {
                    TwoPointContour contour = new TwoPointContour(SPECTRUM, width, 100);
                    Depth depth = Depth.of(l);
                    StructuredLandscapes.Context direct = (StructuredLandscapes.Context) StructuredLandscapes.context(
                            Setting.RRS, contour, width, 100, depth, sigma);
                    double edge = direct.stabilityEdge();
                    double top = Math.min(0.99 * edge, 1.2 * contour.levelEnd(0, depth));
                    double[] gammas = new double[2048];
                    for (int k = 0; k < gammas.length; k++) {
                        gammas[k] = 0.01 * edge + (top - 0.01 * edge) * k / (gammas.length - 1);
                    }
                    boolean[] wholeFlags = new boolean[gammas.length];
                    LossEvaluation[] whole = BatchedContourLosses.evaluateAll(direct, gammas, wholeFlags);
                    int pieces = contour.pieces(depth, sigma).built();
                    String where = String.format(Locale.ROOT, "N = %s, sigma = %s, L = %d", width, sigma, l);
                    int blocks = gammas.length / 128;
                    assertTrue(pieces < blocks, where + ": " + pieces + " pieces for " + blocks + " blocks");
                    for (int size : new int[] {128, 100}) {
                        int interpolated = 0;
                        for (int from = 0; from < gammas.length; from += size) {
                            double[] block = java.util.Arrays.copyOfRange(gammas, from,
                                    Math.min(gammas.length, from + size));
                            boolean[] flags = new boolean[block.length];
                            LossEvaluation[] part = BatchedContourLosses.evaluateAll(direct, block, flags);
                            double noise = ROUNDING_FLOOR;
                            double diff = 0;
                            for (int k = 0; k < block.length; k++) {
                                if (flags[k] && wholeFlags[from + k]) { // (a short last block is direct)
                                    assertEquals(whole[from + k], part[k], where + ", gamma = " + block[k]);
                                } else if (!flags[k]) {
                                    assertEquals(direct.evaluate(block[k]), part[k], where + ": direct");
                                }
                                double d = direct.loss(block[k]);
                                noise = Math.max(noise, Math.abs(direct.loss(block[k] * (1 + 1e-15)) - d) / d);
                                diff = Math.max(diff, Math.abs(part[k].loss() - d) / d);
                                interpolated += flags[k] ? 1 : 0;
                            }
                            assertTrue(diff <= BatchedContourLosses.MAX_AMPLIFICATION * noise, String.format(
                                    Locale.ROOT, "%s, block at %d: within %.2e of the direct route, its noise %.2e",
                                    where, from, diff, noise));
                        }
                        assertTrue(interpolated > gammas.length / 2, where + ": " + interpolated + " interpolated");
                    }
                    assertEquals(pieces, contour.pieces(depth, sigma).built(), where + ": no piece built twice");
                    System.out.printf(Locale.ROOT, "%s: %d pieces for 2048 gammas%n", where, pieces);
                }
            }
        }
    }

    /**
     * The one-point density (P = ∞, N &lt; D) batched the same way, against its one-γ loss: N ∈ {20, 100}, σ ∈ {0, 0.5},
     * L ∈ {1, 2, 4, 8, 16}, runs of 128 up to 0.99 of the edge; within MAX_AMPLIFICATION × the direct noise.
     */
    @Test
    void densityRunsMatchTheOneGammaRoute() {
        int interpolatedAll = 0;
        double worstMultiple = 0;
        for (int width : new int[] {20, 100}) {
            OnePointDensity density = new OnePointDensity(SPECTRUM, width);
            for (double sigma : new double[] {0, 0.5}) {
                for (int l : new int[] {1, 2, 4, 8, 16}) {
                    StructuredLandscapes.Width direct = (StructuredLandscapes.Width) StructuredLandscapes.width(density,
                            SPECTRUM, Depth.of(l), sigma);
                    double edge = direct.stabilityEdge();
                    for (double[] range : new double[][] {{0.05 * edge, 0.2 * edge}, {0.01 * edge, 0.99 * edge},
                        {0.5 * edge, 0.5 * edge * (1 + 1e-9)}}) {
                        double[] gammas = new double[128];
                        for (int k = 0; k < gammas.length; k++) {
                            gammas[k] = range[0] + (range[1] - range[0]) * k / (gammas.length - 1);
                        }
                        boolean[] interpolated = new boolean[gammas.length];
                        LossEvaluation[] batched = direct.evaluateAll(gammas, interpolated);
                        double noise = ROUNDING_FLOOR;
                        double diff = 0;
                        for (int k = 0; k < gammas.length; k++) {
                            double d = direct.loss(gammas[k]);
                            noise = Math.max(noise, Math.abs(direct.loss(gammas[k] * (1 + 1e-15)) - d) / d);
                            diff = Math.max(diff, Math.abs(batched[k].loss() - d) / d);
                            if (!interpolated[k]) {
                                assertEquals(direct.evaluate(gammas[k]), batched[k], "not interpolated: direct");
                            } else {
                                interpolatedAll++;
                            }
                        }
                        worstMultiple = Math.max(worstMultiple, diff / noise);
                        assertTrue(diff <= BatchedContourLosses.MAX_AMPLIFICATION * noise, String.format(Locale.ROOT,
                                "N = %d, sigma = %s, L = %d, [%s, %s]: batched within %.2e of the direct route, its "
                                        + "noise %.2e", width, sigma, l, range[0], range[1], diff, noise));
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "batched density: %d gammas interpolated, worst difference %.2f x the direct "
                + "route's noise%n", interpolatedAll, worstMultiple);
        assertTrue(interpolatedAll > 2000, "the route was taken: " + interpolatedAll);
    }

    @Test
    void shortRunsAndDeepLandscapesStayDirect() {
        TwoPointContour contour = new TwoPointContour(SPECTRUM, 50, 100);
        for (int l : new int[] {4, ContourInterpolation.MAX_DEPTH + 1}) {
            StructuredLandscapes.Context direct = (StructuredLandscapes.Context) StructuredLandscapes.context(
                    Setting.RRS, contour, 50, 100, Depth.of(l), 0.5);
            int k = l == 4 ? BatchedContourLosses.MIN_RUN - 1 : 200;
            double[] gammas = new double[k];
            for (int i = 0; i < k; i++) {
                gammas[i] = 0.3 * direct.stabilityEdge() * (1 + i / (double) k);
            }
            boolean[] interpolated = new boolean[k];
            LossEvaluation[] batched = BatchedContourLosses.evaluateAll(direct, gammas, interpolated);
            for (int i = 0; i < k; i++) {
                assertTrue(!interpolated[i]);
                assertEquals(direct.evaluate(gammas[i]), batched[i], "L = " + l);
            }
        }
    }
}
