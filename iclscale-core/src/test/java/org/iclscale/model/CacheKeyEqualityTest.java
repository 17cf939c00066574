package org.iclscale.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/**
 * The written-out equals and hashCode of the cache keys (PowerLaw, SolverCache's keys) agree with a record's own: the
 * same pairs are equal as for a record of the same components, equal keys hash alike, and the solver cache still
 * finds a built solver by an equal key (and builds a new one for a key that differs in one component).
 */
class CacheKeyEqualityTest {

    /** The generated equality this replaces. */
    private record Reference(double nu, double beta, int dim) {
    }

    @Test
    void powerLawEqualityIsTheRecordsEquality() {
        double[] nus = {1.5, 1.5000000000000002, 2.0};
        double[] betas = {0.8, 0.8000000000000002, 1.25};
        int[] dims = {64, 65};
        for (double n1 : nus) {
            for (double b1 : betas) {
                for (int d1 : dims) {
                    for (double n2 : nus) {
                        for (double b2 : betas) {
                            for (int d2 : dims) {
                                PowerLaw a = PowerLaw.of(n1, b1, d1);
                                PowerLaw b = PowerLaw.of(n2, b2, d2);
                                boolean expected = new Reference(n1, b1, d1).equals(new Reference(n2, b2, d2));
                                assertEquals(expected, a.equals(b), a + " vs " + b);
                                if (expected) {
                                    assertEquals(a.hashCode(), b.hashCode(), a + " vs " + b);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertEquals(false, PowerLaw.of(1.5, 0.8, 64).equals(new Continuum(1.5, 0.8)));
        assertEquals(false, PowerLaw.of(1.5, 0.8, 64).equals(null));
    }

    @Test
    void solverCacheFindsEqualKeysAndOnlyThem() {
        SolverCache cache = new SolverCache();
        Object first = cache.density(PowerLaw.of(1.5, 0.8, 32), 8);
        assertSame(first, cache.density(PowerLaw.of(1.5, 0.8, 32), 8));
        assertNotSame(first, cache.density(PowerLaw.of(1.5, 0.8, 32), 9));
        assertNotSame(first, cache.density(PowerLaw.of(1.5, 0.9, 32), 8));
        Object contour = cache.contour(PowerLaw.of(1.5, 0.8, 32), 8, 32);
        assertSame(contour, cache.contour(PowerLaw.of(1.5, 0.8, 32), 8, 32));
        assertNotSame(contour, cache.contour(PowerLaw.of(1.5, 0.8, 32), 8, 31));
        assertNotSame(contour, cache.contour(PowerLaw.of(1.5, 0.8, 32), Double.POSITIVE_INFINITY, 32));
    }
}
