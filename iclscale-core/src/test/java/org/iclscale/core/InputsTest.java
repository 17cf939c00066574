package org.iclscale.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputsTest {

    /**
     * {@link Inputs#inGrammar} accepts exactly what the grammar's regular expression matches: every string of up to
     * 4 characters over the grammar's alphabet plus the characters beside 0 and 9, a blank, a letter and a non-ASCII digit, and 300,000 random ones
     * of up to 12 characters, plus the printed forms of random doubles.
     */
    @Test
    void theScanIsTheRegularExpression() {
        java.util.regex.Pattern grammar = java.util.regex.Pattern.compile(Inputs.NUMBER_GRAMMAR);
        char[] alphabet = "+-.eE09/: x\u0663".toCharArray(); // / and : border the digits
        List<String> texts = new java.util.ArrayList<>(List.of("", "1d", "0x1p3", "NaN", "Infinity", "1e", "1e+", ".e1"));
        int k = alphabet.length;
        for (int len = 1, count = k; len <= 4; len++, count *= k) {
            for (int c = 0; c < count; c++) {
                StringBuilder sb = new StringBuilder();
                for (int j = 0, x = c; j < len; j++, x /= k) {
                    sb.append(alphabet[x % k]);
                }
                texts.add(sb.toString());
            }
        }
        java.util.SplittableRandom rng = new java.util.SplittableRandom(17);
        for (int i = 0; i < 300_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = rng.nextInt(13); j > 0; j--) {
                sb.append(alphabet[rng.nextInt(k)]);
            }
            texts.add(sb.toString());
            texts.add(Double.toString(Double.longBitsToDouble(rng.nextLong())));
        }
        for (String t : texts) {
            assertEquals(grammar.matcher(t).matches(), Inputs.inGrammar(t), "'" + t + "'");
        }
    }

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

    /** The README documents depths up to 2³¹ − 1 and writes them as 1e8 (issue 16 item 6). */
    @Test
    void depthAcceptsTheIntLimitAndExponentNotation() {
        assertEquals(Integer.MAX_VALUE, Depth.parse("2147483647").steps());
        assertTrue(!Depth.parse("2147483647").infinite());
        assertEquals(100_000_000, Depth.parse("1e8").steps());
        assertEquals(1500, Depth.parse("1.5e3").steps());
        assertEquals(Depth.of(3), Depth.parse("3.0"));
        for (String bad : new String[] {"2147483648", "1e10", "1.5e0", "1e-3", "0e0", "NaN", "1e", "-1e2"}) {
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
        assertEquals("--times: 10,1 is out of range (expected comma-separated numbers >= 0 in increasing order)",
                assertThrows(InvalidInputException.class, () -> Inputs.nonNegativeList("--times", "10,1")).getMessage());
        assertArrayEquals(new double[] {3, 1}, Inputs.nonNegativeValues("--layer-gammas", "3, 1"));
        assertArrayEquals(new int[] {4, 1, 2}, Inputs.integerList("--modes", "4, 1,2", 1, 4));
        assertEquals("--modes: 5 is out of range (expected an integer in [1, 4])",
                assertThrows(InvalidInputException.class, () -> Inputs.integerList("--modes", "1,5", 1, 4)).getMessage());
        assertThrows(InvalidInputException.class, () -> Inputs.integerList("--modes", "1,,2", 1, 4));
    }

    @Test
    void settingsParseCaseInsensitively() {
        assertEquals(Setting.RRS, Setting.parse("RRS"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Setting.parse("gaussian"));
        assertEquals("setting: gaussian is out of range (expected one of iso, fs, rrs)", e.getMessage());
    }

    /** NAME=VALUE items (derive/check --set, plot --var): order kept, trimmed, names restricted when asked. */
    @Test
    void assignments() {
        assertEquals(List.of("L", "alpha"), List.copyOf(Inputs.assignments("--set",
                List.of(" L = 2", "alpha=1/2"), List.of("alpha", "L"), "VAR=VALUE").keySet()));
        assertEquals("1/2", Inputs.assignments("--set", List.of("alpha= 1/2 "), null, "x").get("alpha"));
        assertEquals("3", Inputs.assignments("--set", List.of("a=1", "a=3"), null, "x").get("a"));
        assertTrue(Inputs.assignments("--set", null, null, "x").isEmpty());
        for (String bad : new String[] {"L", "=2", "L=", " = ", "q=1"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> Inputs.assignments("--set", List.of(bad), List.of("L"), "VAR=VALUE with VAR one of [L]"));
            assertEquals("--set: " + bad + " is out of range (expected VAR=VALUE with VAR one of [L])", e.getMessage());
        }
        assertEquals(Map.of("L", 2.0, "x", -0.5), Inputs.numberAssignments("--set", List.of("L=2", "x = -0.5"), null, "x"));
        for (String bad : new String[] {"L=two", "L=inf", "L=NaN", "L = 1e999"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> Inputs.numberAssignments("--set", List.of(bad), List.of("L"), "VAR=NUMBER"));
            assertEquals("--set: " + bad.replace(" ", "") + " is out of range (expected VAR=NUMBER)", e.getMessage());
        }
    }

    /** Issue 18: trailing or leading commas were accepted; issue 16 item 10: ranges work wherever a list does. */
    @Test
    void listsRefuseEmptyEntriesAndAcceptRanges() {
        for (String bad : new String[] {"1,", ",1", "1,,2", " "}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> Inputs.nonNegativeList("times", bad));
            assertEquals("times", e.parameter());
            assertTrue(!e.getMessage().contains("is out of range") || bad.isBlank(), e.getMessage());
        }
        assertThrows(InvalidInputException.class, () -> Inputs.integerList("modes", "1,2,", 1, 4));
        assertArrayEquals(new double[] {1, 10, 100, 1000}, Inputs.nonNegativeList("times", "1:1e3:log:4"), 1e-9);
        assertArrayEquals(new int[] {1, 2, 3, 4}, Inputs.integerList("modes", "1:4:lin:4", 1, 4));
        assertThrows(InvalidInputException.class, () -> Inputs.integerList("modes", "1:4:lin:3", 1, 4), "2.5 is no mode");
    }

    /** One number grammar for every option (issue 18): Java literal forms and non-ASCII digits are refused. */
    @Test
    void oneNumberGrammar() {
        for (String bad : new String[] {"1d", "2f", "0x1p3", "NaN", "Infinity", "\uff14", "1e", "--1", "1.2.3"}) {
            assertThrows(InvalidInputException.class, () -> Inputs.parseDouble("alpha", bad, "a number"), bad);
        }
        assertEquals(100_000_000, Inputs.integer("depth", "1e8", 1, Integer.MAX_VALUE));
        assertEquals(Integer.MAX_VALUE, Inputs.integer("depth", "2147483647", 1, Integer.MAX_VALUE));
        assertThrows(InvalidInputException.class, () -> Inputs.integer("depth", "1.5", 1, Integer.MAX_VALUE));
        assertThrows(InvalidInputException.class, () -> Inputs.integer("depth", "1e10", 1, Integer.MAX_VALUE));
        assertEquals(0.25, Inputs.parseDouble("alpha", " 2.5E-1 ", "a number"));
    }
}
