package org.iclscale.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.iclscale.core.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The local-exponent check on sources with known asymptotics (a power law with a 1/x correction). */
class ScalingCheckTest {

    /** 3 x^{-1/2} (1 + 1/x): local exponent 1/2 + 1/(x + 1), prefactor 3. */
    private static final PointComparison.Source MODEL = p -> {
        double x = p.get("x");
        return Sample.real(3 * Math.pow(x, -0.5) * (1 + 1 / x));
    };

    private static PointComparison.Source power(double exponent) {
        return p -> Sample.real(Math.pow(p.get("x"), -exponent));
    }

    @Test
    void acceptsTheTrueExponentWithinItsDriftAndFitsThePrefactor() {
        double[] x = ScalingCheck.sequence("x", 1e3, 1e5, 5, false);
        ScalingCheck.Result r = ScalingCheck.run("x", x, Map.of(), MODEL, power(0.5), true, 0.02);
        assertTrue(r.agrees(), r.toString());
        assertEquals(0.5, r.claimed(), 1e-12);
        // local exponent of the last window: 1/2 + O(1/x) at x ~ 1e5
        assertEquals(0.5, r.measured(), 2e-4);
        assertTrue(r.drift() < 0, "the exponent approaches 1/2 from above");
        assertEquals(3 * (1 + 1e-5), r.prefactor(), 1e-9);
    }

    @Test
    void rejectsAWrongExponent() {
        double[] x = ScalingCheck.sequence("x", 1e3, 1e5, 5, false);
        ScalingCheck.Result r = ScalingCheck.run("x", x, Map.of(), MODEL, power(0.55), false, 0.02);
        assertFalse(r.agrees(), r.toString());
        assertTrue(Double.isNaN(r.prefactor()));
    }

    @Test
    void integerSequencesAreRoundedAndNeedFourPoints() {
        assertArrayEquals(new double[] {8, 16, 32, 64, 128}, ScalingCheck.sequence("L", 8, 128, 5, true));
        assertThrows(InvalidInputException.class, () -> ScalingCheck.sequence("L", 4, 5, 8, true));
        assertThrows(InvalidInputException.class, () -> ScalingCheck.sequence("L", 0, 5, 8, false));
    }
}
