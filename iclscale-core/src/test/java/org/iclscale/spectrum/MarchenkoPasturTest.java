package org.iclscale.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.iclscale.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Marchenko–Pastur law (paper-notes §3.1): three routes to the moments m_k = ∫λ^kρ — Narayana
 * polynomials, exact Gauss–Chebyshev quadrature in the semicircle variable, and adaptive Gauss–Legendre
 * quadrature of the density itself (Hipparchus, loose tolerance because of the square-root edges).
 */
class MarchenkoPasturTest {

    /** m_k from the combinatorial definition with exact integers: Σ_r N(k, r+1) q^r, N(k,j) = C(k,j)C(k,j−1)/k. */
    private static double exactNarayanaMoment(int k, double q) {
        double sum = 0;
        for (int r = 0; r < k; r++) {
            BigInteger n = binomial(k, r + 1).multiply(binomial(k, r)).divide(BigInteger.valueOf(k));
            sum += n.doubleValue() * Math.pow(q, r);
        }
        return sum;
    }

    private static BigInteger binomial(int n, int k) {
        BigInteger b = BigInteger.ONE;
        for (int i = 1; i <= k; i++) {
            b = b.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
        }
        return b;
    }

    @Test
    void lowMomentsHaveTheirTextbookValues() {
        // m1 = 1, m2 = 1 + q, m3 = 1 + 3q + q², m4 = 1 + 6q + 6q² + q³ (paper-notes §3.1)
        for (double alpha : new double[] {0.25, 0.5, 1, 2, 4}) {
            MarchenkoPastur mp = new MarchenkoPastur(alpha);
            double q = 1 / alpha;
            assertEquals(1.0, mp.moment(1), 1e-15);
            assertEquals(1 + q, mp.moment(2), 1e-14);
            assertEquals(1 + 3 * q + q * q, mp.moment(3), 1e-13);
            assertEquals(1 + 6 * q + 6 * q * q + q * q * q, mp.moment(4), 1e-12);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.25, 0.5, 1, 1.5, 2, 4, 8})
    void narayanaMomentsMatchExactIntegersAndGaussQuadrature(double alpha) {
        MarchenkoPastur mp = new MarchenkoPastur(alpha);
        for (int k = 1; k <= 30; k++) {
            int power = k - 1;
            double exact = exactNarayanaMoment(k, mp.ratio());
            assertEquals(exact, mp.moment(k), 1e-13 * exact, "Narayana m_" + k);
            // λ^{k−1} has degree k−1 ≤ 2n−1 for n = ceil(k/2) nodes: exact
            int n = Math.max(1, (k + 1) / 2);
            double quad = mp.integrateLambdaWeighted(l -> Math.pow(l, power), n);
            assertEquals(exact, quad, 1e-12 * exact, "Gauss-Chebyshev m_" + k + " with " + n + " nodes");
            // and with one node fewer it is no longer exact (the quadrature really is Gaussian, not luck)
            // (for low k, where the missing top-degree term is not negligible)
            if (k >= 3 && k <= 8) {
                double coarse = mp.integrateLambdaWeighted(l -> Math.pow(l, power), n - 1);
                org.junit.jupiter.api.Assertions.assertNotEquals(exact, coarse, 1e-6 * exact);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.25, 0.5, 2, 4})
    void densityIntegratesToBulkMassAndMomentsByAdaptiveQuadrature(double alpha) {
        MarchenkoPastur mp = new MarchenkoPastur(alpha);
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(16, 1e-9, 1e-10);
        double lo = mp.lowerEdge();
        double hi = mp.upperEdge();
        double mass = integrator.integrate(1_000_000, mp::density, lo, hi);
        assertEquals(Math.min(alpha, 1.0), mass, 1e-6, "bulk mass = 1 - atom");
        assertEquals(1.0, mass + mp.zeroAtomMass(), 1e-6);
        for (int k = 1; k <= 6; k++) {
            int kk = k;
            double m = new IterativeLegendreGaussIntegrator(16, 1e-9, 1e-10)
                    .integrate(1_000_000, l -> Math.pow(l, kk) * mp.density(l), lo, hi);
            assertEquals(mp.moment(k), m, 1e-6 * mp.moment(k), "adaptive moment m_" + k);
        }
    }

    @Test
    void edgesAndAtom() {
        MarchenkoPastur mp = new MarchenkoPastur(0.25); // q = 4
        assertEquals(1.0, mp.lowerEdge(), 1e-15); // (1 − 2)²
        assertEquals(9.0, mp.upperEdge(), 1e-15); // (1 + 2)²
        assertEquals(0.75, mp.zeroAtomMass(), 0);
        assertEquals(0.0, new MarchenkoPastur(2).zeroAtomMass(), 0);
        assertEquals(0.0, new MarchenkoPastur(1).lowerEdge(), 0);
        assertEquals(0.0, mp.density(0.5), 0);
        assertEquals(0.0, mp.density(9.5), 0);
    }

    @Test
    void infiniteAlphaIsAPointMassAtOne() {
        MarchenkoPastur mp = new MarchenkoPastur(Double.POSITIVE_INFINITY);
        assertEquals(1.0, mp.lowerEdge(), 0);
        assertEquals(1.0, mp.upperEdge(), 0);
        assertEquals(0.0, mp.zeroAtomMass(), 0);
        assertEquals(Math.exp(-3), mp.integrateLambdaWeighted(l -> Math.exp(-3 * l), 5), 1e-16);
        for (int k = 1; k < 10; k++) {
            assertEquals(1.0, mp.moment(k), 0);
        }
    }

    @Test
    void refusesAnEmptyQuadrature() {
        assertThrows(IllegalArgumentException.class, () -> new MarchenkoPastur(2).integrateLambdaWeighted(l -> 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new MarchenkoPastur(2).integrateLambdaWeighted(l -> 1, -5));
    }

    @Test
    void refusesNonPositiveAlpha() {
        assertThrows(InvalidInputException.class, () -> new MarchenkoPastur(0));
        assertThrows(InvalidInputException.class, () -> new MarchenkoPastur(-1));
        assertThrows(InvalidInputException.class, () -> new MarchenkoPastur(Double.NaN));
    }
}
