package org.iclscale.deteq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** {@link TwoPointContour.PiecesKey}'s written-out equality is the record equality it replaces. */
class PiecesKeyEqualityTest {

    /** The generated equality this replaces. */
    private record Reference(int steps, double sigma) {
    }

    @Test
    void equalityIsTheRecordsEquality() {
        int[] steps = {1, 4, 5};
        double[] sigmas = {0.0, -0.0, 0.5, Math.nextUp(0.5), Double.NaN, Double.longBitsToDouble(0x7ff8000000000001L)};
        for (int s1 : steps) {
            for (double g1 : sigmas) {
                for (int s2 : steps) {
                    for (double g2 : sigmas) {
                        TwoPointContour.PiecesKey a = new TwoPointContour.PiecesKey(s1, g1);
                        TwoPointContour.PiecesKey b = new TwoPointContour.PiecesKey(s2, g2);
                        boolean expected = new Reference(s1, g1).equals(new Reference(s2, g2));
                        assertEquals(expected, a.equals(b), s1 + "," + g1 + " vs " + s2 + "," + g2);
                        if (expected) {
                            assertEquals(a.hashCode(), b.hashCode());
                        }
                    }
                }
            }
        }
        assertNotEquals(new TwoPointContour.PiecesKey(4, 0.5), new Reference(4, 0.5));
    }
}
