package org.iclscale.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InputsTest {

    @Test
    void positiveAcceptsInfinityOnlyWhenAllowed() {
        assertEquals(Double.POSITIVE_INFINITY, Inputs.positive("--alpha", "inf", true));
        assertEquals(0.5, Inputs.positive("--alpha", " 0.5 ", true));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Inputs.positive("--alpha", "inf", false));
        assertEquals("--alpha: inf is out of range (expected a finite number > 0)", e.getMessage());
    }

    @Test
    void everyRejectionNamesOptionValueAndRange() {
        String[][] cases = {{"-1"}, {"0"}, {"NaN"}, {"abc"}, {"Infinity"}};
        for (String[] c : cases) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> Inputs.positive("--nu", c[0], false));
            assertTrue(e.getMessage().startsWith("--nu: " + c[0]), e.getMessage());
            assertTrue(e.getMessage().contains("expected"), e.getMessage());
        }
    }

    @Test
    void depthParsesIntegersAndInfinity() {
        assertEquals(Depth.of(7), Depth.parse("7"));
        assertTrue(Depth.parse("inf").infinite());
        assertEquals(1_000_000, Depth.parse("1000000").steps());
        for (String bad : new String[] {"0", "-3", "1.5", "x", "", "99999999999"}) {
            assertThrows(InvalidInputException.class, () -> Depth.parse(bad), bad);
        }
    }

    @Test
    void gammaIsANonNegativeNumberOrOpt() {
        assertTrue(Gamma.parse("opt").optimal());
        assertEquals(2.5, Gamma.parse("2.5").value());
        assertThrows(InvalidInputException.class, () -> Gamma.parse("-1"));
        assertThrows(InvalidInputException.class, () -> Gamma.parse("NaN"));
    }

    @Test
    void listsMustBeIncreasing() {
        assertArrayEquals(new double[] {0, 1, 10}, Inputs.nonNegativeList("--times", "0,1,10"));
        assertThrows(InvalidInputException.class, () -> Inputs.nonNegativeList("--times", "10,1"));
        assertThrows(InvalidInputException.class, () -> Inputs.nonNegativeList("--times", "1,-1"));
    }

    @Test
    void settingsParseCaseInsensitively() {
        assertEquals(Setting.RRS, Setting.parse("RRS"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Setting.parse("gaussian"));
        assertEquals("--setting: gaussian is out of range (expected one of iso, fs, rrs)", e.getMessage());
    }
}
