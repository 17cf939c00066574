package org.iclscale.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.iclscale.spectrum.Spectrum;
import org.junit.jupiter.api.Test;

/**
 * The finite-size landscape is a polynomial of degree 2L in γ: its Chebyshev interpolants on [0, stability edge]
 * equal the direct sums over the samples up to rounding, for the loss and its derivative, ISO and RRS, at depths
 * 1 … 16, at random γ, at the nodes' ends and just inside the edge; beyond the edge the direct sums are used.
 */
class FiniteSizeLandscapeInterpolationTest {

    /** Rounding of the barycentric form relative to the landscape's scale there (measured: below 2e-15). */
    private static final double ROUNDING = 1e-12;

    private static void check(FiniteSizeLandscape f) {
        double edge = f.stabilityEdge();
        double scale = Math.max(Math.abs(f.direct(0)[0]), Math.abs(f.direct(edge)[0]));
        double slope = Math.max(Math.abs(f.direct(0)[1]), Math.abs(f.direct(edge)[1]));
        SplittableRandom rng = new SplittableRandom(7);
        double[] gammas = new double[43];
        for (int i = 0; i < 40; i++) {
            gammas[i] = edge * rng.nextDouble();
        }
        gammas[40] = 0;
        gammas[41] = edge * (1 - 1e-9);
        gammas[42] = 1.5 * edge; // beyond: direct
        for (double g : gammas) {
            double[] d = f.direct(g);
            assertEquals(d[0], f.loss(g), ROUNDING * Math.max(scale, Math.abs(d[0])), "loss at " + g);
            assertEquals(d[1], f.lossDerivative(g), ROUNDING * Math.max(slope, Math.abs(d[1])), "derivative at " + g);
        }
        // relative agreement where the loss is smallest (the optimum's neighbourhood, what the figures report)
        double best = Double.POSITIVE_INFINITY;
        double at = 0;
        for (int i = 1; i < 400; i++) {
            double g = edge * i / 400;
            double v = f.direct(g)[0];
            if (v < best) {
                best = v;
                at = g;
            }
        }
        assertEquals(best, f.loss(at), 1e-11 * best);
    }

    @Test
    void isoInterpolantsAreTheSums() {
        for (int l : new int[] {1, 2, 4, 16}) {
            check(new FiniteSizeLandscape(null, 8, 8, l, 50, 3));
        }
    }

    @Test
    void rrsInterpolantsAreTheSums() {
        Spectrum s = Spectrum.powerLaw(1.25, 1.2, 16);
        for (int l : new int[] {1, 4, 16}) {
            check(new FiniteSizeLandscape(s, 16, 32, l, 20, 5));
        }
    }
}
