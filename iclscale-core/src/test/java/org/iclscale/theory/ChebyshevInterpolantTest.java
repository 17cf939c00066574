package org.iclscale.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The barycentric Chebyshev interpolant reproduces polynomials of its degree; its points end exactly at lo and hi. */
class ChebyshevInterpolantTest {

    /** A degree-n polynomial with O(1) values, reproduced to a few ulps times the Lebesgue constant. */
    private static final double REPRODUCTION_TOLERANCE = 1e-13;

    private static double polynomial(double x, int degree) {
        double v = 0;
        for (int k = degree; k >= 0; k--) { // Horner, coefficients (−1)^k/(k + 1) on x/3.5 (terms ≤ 1: a well-conditioned reference)
            v = v * (x / 3.5) + ((k & 1) == 0 ? 1.0 : -1.0) / (k + 1);
        }
        return v;
    }

    @Test
    void reproducesPolynomialsOfItsDegree() {
        for (int degree : new int[] {1, 2, 8, 24, 128}) {
            double[] x = ChebyshevInterpolant.points(0.5, 3.5, degree);
            assertEquals(3.5, x[0], 0);
            assertEquals(0.5, x[degree], 0);
            double[] v = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                v[j] = polynomial(x[j], degree);
            }
            ChebyshevInterpolant p = new ChebyshevInterpolant(x, v);
            for (int k = 0; k <= 100; k++) {
                double g = 0.5 + 3 * k / 100.0 + (k % 7) * 1e-3 * (k < 100 ? 1 : 0);
                assertEquals(polynomial(g, degree), p.value(g), REPRODUCTION_TOLERANCE, "degree " + degree + " at " + g);
            }
            assertTrue(p.covers(0.5) && p.covers(3.5));
            assertFalse(p.covers(0.4999) || p.covers(3.5001));
        }
    }
}
