package org.iclscale.deteq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iclscale.core.ComputationException;
import org.iclscale.core.Depth;
import org.iclscale.spectrum.Spectrum;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 5, fourth pass: the primitive per-pair correction, the column-major bilinear forms (the
 * derivative's two in one pass) and the j-vectorised pair sums of {@link TwoPointContour} give the same bits as
 * the former route, kept verbatim in {@link LegacyTwoPointContour}: losses, imaginary parts, derivatives and noise
 * terms at N &lt; D and N ≥ D, on all four contour levels, compared with tolerance 0.
 */
class TwoPointContourLegacyTest {

    /** Exact equality: the new kernels keep every operation and its order. */
    private static final double SAME_BITS = 0.0;

    @Test
    void lossesDerivativesAndNoiseAreBitIdenticalToTheFormerRoute() {
        int checked = 0;
        int[] levels = new int[TwoPointContour.MAX_LEVEL + 1];
        for (int dim : new int[] {33, 200}) {
            Spectrum spectrum = Spectrum.powerLaw(1.25, 0.75, dim);
            for (double width : new double[] {dim / 8.0, dim / 2.0 + 0.5, dim, Double.POSITIVE_INFINITY}) {
                for (double context : new double[] {dim / 2.0, 2.0 * dim}) {
                    TwoPointContour now = new TwoPointContour(spectrum, width, context);
                    LegacyTwoPointContour former = new LegacyTwoPointContour(spectrum, width, context);
                    for (int l : new int[] {1, 4, 16}) {
                        Depth depth = Depth.of(l);
                        for (double gamma = 0.25; gamma < 300; gamma *= 2.3) {
                            String at = "D " + dim + " N " + width + " P " + context + " L " + l + " gamma " + gamma;
                            TwoPointContour.Evaluation a;
                            try {
                                a = now.signal(gamma, depth);
                            } catch (ComputationException e) {
                                double g = gamma;
                                assertThrows(ComputationException.class, () -> former.signal(g, depth), at);
                                continue;
                            }
                            LegacyTwoPointContour.Evaluation b = former.signal(gamma, depth);
                            assertEquals(b.loss(), a.loss(), SAME_BITS, at);
                            assertEquals(b.imaginaryPart(), a.imaginaryPart(), SAME_BITS, at);
                            assertEquals(b.nodes(), a.nodes(), at);
                            assertEquals(b.level(), a.level(), at);
                            assertEquals(former.signalDerivative(gamma, depth), now.signalDerivative(gamma, depth),
                                    SAME_BITS, at);
                            assertEquals(former.noiseTerm(gamma, depth, 0.5), now.noiseTerm(gamma, depth, 0.5),
                                    SAME_BITS, at);
                            assertEquals(former.noiseTermDerivative(gamma, depth, 0.5),
                                    now.noiseTermDerivative(gamma, depth, 0.5), SAME_BITS, at);
                            levels[a.level()]++;
                            checked++;
                        }
                    }
                }
            }
        }
        assertTrue(checked > 300, "cases " + checked);
        for (int level = 0; level < levels.length; level++) {
            assertTrue(levels[level] > 0, "no case on contour level " + level);
        }
    }
}
