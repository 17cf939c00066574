package org.iclscale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sweep lists and ranges (the row-major point order: sweep.GridTest), and the guide-slope expressions. */
class ParameterGridTest {

    @Test
    void listsKeepTheirTextVerbatim() {
        assertEquals(List.of("1", "2", "inf"), ParameterGrid.parse("--depth", "1, 2,inf"));
        assertEquals(List.of("iso", "rrs"), ParameterGrid.parse("--setting", "iso,rrs"));
    }

    @Test
    void linearRangeIncludesBothEnds() {
        assertEquals(List.of("0", "0.25", "0.5", "0.75", "1"), ParameterGrid.parse("--sigma", "0:1:lin:5"));
        assertEquals(List.of("1", "2", "3"), ParameterGrid.parse("--depth", "1:3:lin:3"));
        assertEquals(List.of("7"), ParameterGrid.parse("--depth", "7:9:lin:1"));
    }

    @Test
    void logRangeGivesExactEndsAndIntegerPowers() {
        List<String> v = ParameterGrid.parse("--depth", "1:1024:log:11");
        for (int i = 0; i <= 10; i++) {
            assertEquals(Integer.toString(1 << i), v.get(i));
        }
        List<String> a = ParameterGrid.parse("--alpha", "0.1:10:log:100");
        assertEquals(100, a.size());
        assertEquals("0.1", a.get(0));
        assertEquals("10", a.get(99));
        for (int i = 1; i < 100; i++) { // equal ratios 100^(1/99)
            assertEquals(Math.pow(100, 1 / 99.0), Double.parseDouble(a.get(i)) / Double.parseDouble(a.get(i - 1)), 1e-12);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1:2:cubic:3", "0:1:log:4", "-1:2:log:3", "1:2:lin:0", "1:2:lin:x", "a:2:lin:3", "1,,2", ","})
    void malformedListsNameTheOption(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ParameterGrid.parse("--alpha", text));
        assertTrue(e.getMessage().startsWith("--alpha: "), e.getMessage());
        assertTrue(e.getMessage().contains("a:b:lin:n"), e.getMessage());
    }

    @Test
    void keysAreCamelCase() {
        assertEquals("timeConvention", ParameterGrid.key("--time-convention"));
    }

    @Test
    void sweepDetection() {
        assertTrue(ParameterGrid.isSweep("1,2"));
        assertTrue(ParameterGrid.isSweep("0.25:4:log:9"));
        assertFalse(ParameterGrid.isSweep("0.25"));
        assertFalse(ParameterGrid.isSweep("inf"));
        assertFalse(ParameterGrid.isSweep("C:/data/spectrum.csv"));
    }

    @Test
    void expressionsForGuideSlopes() {
        Map<String, Double> v = Map.of("nu", 1.25, "beta", 1.25);
        assertEquals(-1.25 * 1.25 / (1.25 * 1.25 + 2 * 1.25 + 1),
                Expression.evaluate("-nu*beta/(nu*beta+2*nu+1)", v, "--guide-slope"), 1e-15);
        assertEquals(-0.2857142857142857, Expression.evaluate("-0.8/(2+0.8)", Map.of(), "--guide-slope"), 1e-15);
        assertEquals(8, Expression.evaluate("2^3", Map.of(), "x"), 0);
        assertEquals(-4, Expression.evaluate("-2^2", Map.of(), "x"), 0);
        assertEquals(1.5e-3, Expression.evaluate("1.5e-3", Map.of(), "x"), 0);
        assertEquals(2, Expression.evaluate("sqrt(4)", Map.of(), "x"), 0);
        for (String bad : new String[] {"-beta/(2+", "gamma", "1/0", "2 3"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> Expression.evaluate(bad, v, "--guide-slope"), bad);
            assertTrue(e.getMessage().startsWith("--guide-slope"), e.getMessage());
        }
    }

    /** A range's numbers are what Double.parseDouble reads from its labels, bit for bit (−0.0 reads as 0). */
    @Test
    void rangeNumbersAreTheParsedLabels() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(9);
        java.util.List<String> ranges = new java.util.ArrayList<>(java.util.List.of("0.5:5.4:lin:10000", "1e-3:1e3:log:3001",
                "-0.0:3:lin:7", "-5:5:lin:11", "1:1024:log:11", "1e14:1e16:lin:201", "-1e-300:1e-300:lin:5", "2:2:lin:1"));
        for (int i = 0; i < 200; i++) {
            double a = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-8, 17));
            double b = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-8, 17));
            ranges.add(a + ":" + b + ":lin:" + rng.nextInt(1, 300));
            ranges.add(Math.abs(a) + ":" + Math.abs(b) + ":log:" + rng.nextInt(1, 300));
        }
        for (String text : ranges) {
            java.util.List<String> labels = ParameterGrid.parse("--x", text);
            ParameterGrid.Range r = (ParameterGrid.Range) labels;
            for (int j = 0; j < labels.size(); j++) {
                assertEquals(Double.doubleToRawLongBits(Double.parseDouble(labels.get(j))), Double.doubleToRawLongBits(r.number(j)),
                        text + " label " + labels.get(j));
            }
        }
    }
}
