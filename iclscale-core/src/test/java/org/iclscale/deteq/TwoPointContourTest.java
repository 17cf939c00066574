package org.iclscale.deteq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.iclscale.core.Depth;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.IsoModel;
import org.iclscale.theory.RrsModel;
import org.junit.jupiter.api.Test;

class TwoPointContourTest {

    /** Λ = I, ω = 1/D: the structured-Wishart formula must equal the exact ISO Marchenko-Pastur loss. */
    @Test
    void isotropicSpectrumReproducesIsoModel() {
        int d = 50;
        double[] ones = new double[d];
        double[] om = new double[d];
        Arrays.fill(ones, 1.0);
        Arrays.fill(om, 1.0 / d);
        Spectrum s = Spectrum.of(ones, om, "identity");
        for (double alpha : new double[] {0.5, 1.3, 3}) {
            TwoPointContour c = new TwoPointContour(s, Double.POSITIVE_INFINITY, alpha * d);
            for (int l : new int[] {1, 3}) {
                for (double sigma : new double[] {0, 0.5}) {
                    double g = 0.6 * l;
                    double de = c.signal(g, Depth.of(l)).loss() + c.noiseTerm(g, Depth.of(l), sigma) + sigma * sigma;
                    double iso = new IsoModel(alpha, Depth.of(l), sigma).loss(g);
                    assertEquals(iso, de, 1e-9 * iso, "alpha=" + alpha + " L=" + l + " sigma=" + sigma);
                }
            }
        }
    }

    /** deteq-general.md §4b (D = 400, ν = 1.25, β = 0.75): formula column. */
    @Test
    void reproducesReferenceFormulaValues() {
        Spectrum s = Spectrum.powerLaw(1.25, 0.75, 400);
        TwoPointContour c = new TwoPointContour(s, 40, 200);
        assertEquals(0.86967, c.signal(1, Depth.of(1)).loss(), 1e-5);
        assertEquals(0.68074, c.signal(3, Depth.of(4)).loss(), 1e-5);
        TwoPointContour c2 = new TwoPointContour(s, 200, 400);
        assertEquals(0.36066, c2.signal(3, Depth.of(1)).loss(), 1e-5);
        assertEquals(0.23872, c2.signal(3, Depth.of(4)).loss(), 1e-5);
    }

    @Test
    void infiniteContextFullWidthIsExactSum() {
        Spectrum s = Spectrum.powerLaw(1.5, 0.8, 64);
        TwoPointContour c = new TwoPointContour(s, Double.POSITIVE_INFINITY, 1e12);
        RrsModel exact = new RrsModel(s, Depth.of(4), 0);
        double v = c.signal(5, Depth.of(4)).loss();
        assertEquals(exact.loss(5), v, 1e-6);
        assertTrue(Math.abs(c.signal(5, Depth.of(4)).imaginaryPart()) < 1e-10);
    }
}
