package org.iclscale.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine wrapper: strict syntax, exactness, quietness, numeric substitution and compilation. */
class SymbolicEngineTest {

    static SymbolicEngine engine;

    @BeforeAll
    static void start() {
        engine = SymbolicEngine.get();
        assertTrue(SymbolicEngine.isStarted());
    }

    @Test
    void togetherGivesTheExactDepthTwoOptimum() {
        // paper-notes §3.1: L = 2 → 1 − x(1 + α/(1+α)²)... the exact rational function, checked numerically
        String loss = engine.factor("1 - (alpha/(1+alpha))*(1 + alpha/(1+alpha)^2)");
        double alpha = 0.7;
        double direct = 1 - (alpha / (1 + alpha)) * (1 + alpha / Math.pow(1 + alpha, 2));
        assertEquals(direct, engine.numeric(loss, Map.of("alpha", alpha)), 1e-15);
        assertEquals("(1+2*alpha)/(1+alpha)^3", loss.replace(" ", ""));
    }

    @Test
    void juxtapositionIsAPitfallTheWrapperDoesNotHide() {
        // design.md: (a) (b)^2 parses as (a b)^2 -- formula files must always write '*'
        assertEquals("a^2*b^2", engine.evaluate("(a) (b)^2").replace(" ", ""));
        assertEquals("a*b^2", engine.evaluate("(a)*(b)^2").replace(" ", ""));
    }

    @Test
    void lowercaseNamesAreVariablesNotBuiltIns() {
        // strict syntax: beta, gamma are free symbols (Beta, Gamma are built-ins)
        assertEquals(List.of("alpha", "beta", "gamma", "nu"), engine.variables("alpha + beta*gamma^nu"));
        assertEquals(Math.sqrt(Math.PI), engine.numeric("Gamma[1/2]", Map.of()), 1e-15);
        // dummy indices of sums and locals of With are not free variables
        assertEquals(List.of("a", "m"), engine.variables("Sum[k^2*a, {k, 1, m}]"));
        assertEquals(List.of("x"), engine.variables("With[{u = 2}, u*x]"));
    }

    @Test
    void zeroTestAndSimplify() {
        assertTrue(engine.isZero("sigma^2 + (1+sigma^2)/(alpha+1+sigma^2) - (sigma^2*(alpha+1+sigma^2) + 1 + sigma^2)/(alpha+1+sigma^2)"));
        assertFalse(engine.isZero("1/(1+alpha) - 1/(1+alpha)^2"));
        assertEquals("0", engine.simplify("(a+b)^2 - a^2 - 2*a*b - b^2"));
    }

    @Test
    void syntaxErrorsAreFlaggedOnOneLine() {
        SymbolicException e = assertThrows(SymbolicException.class, () -> engine.evaluate("1 +* 2"));
        assertTrue(e.isSyntaxError());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void numericSubstitutionHandlesTinyAndNegativeNumbers() {
        assertEquals(1e-300 * 2, engine.numeric("2*x", Map.of("x", 1e-300)), 1e-310);
        assertEquals(-0.25, engine.numeric("x^3", Map.of("x", -Math.cbrt(0.25))), 1e-15);
    }

    @Test
    void compiledFunctionsAgreeWithSymjaAndAvoidIntegerDivision() {
        DoubleUnaryOperator f = engine.compile("alpha^(1/3) + Max[0, 1/2 - alpha]", "alpha");
        for (double a : new double[] {0.1, 0.3, 0.5, 2.0, 7.5}) {
            double expected = Math.cbrt(a) + Math.max(0, 0.5 - a);
            assertEquals(expected, f.applyAsDouble(a), 1e-14);
            assertEquals(expected, engine.numeric("alpha^(1/3) + Max[0, 1/2 - alpha]", Map.of("alpha", a)), 1e-14);
        }
        // argument order is the caller's, not Symja's alphabetical one
        ToDoubleFunction<double[]> g = engine.compile("sigma^2 + (1+sigma^2)/(alpha+1+sigma^2)", List.of("sigma", "alpha"));
        assertEquals(0.25 + 1.25 / 3.25, g.applyAsDouble(new double[] {0.5, 2.0}), 1e-15);
        // tiny constants survive the integer-literal rewrite (1.0E-20 must not become 1.0E-20.0)
        DoubleUnaryOperator h = engine.compile("x + 10^(-20)*x^2 + 3/7", "x");
        assertEquals(2 + 4e-20 + 3.0 / 7, h.applyAsDouble(2), 1e-15);
    }

    @Test
    void stringResultsKeepTheirQuotes() {
        // issue 18: results were printed, re-read as text and printed again, so "a b" came back as a*b
        assertEquals("\"a b\"", engine.evaluate("StringJoin[\"a\", \" b\"]"));
        assertEquals("{\"x y\",2}", engine.evaluate("{\"x y\", 2}"));
    }

    @Test
    void theEngineWritesNothingToTheStandardStreams() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(captured, true)) {
            System.setOut(capture);
            System.setErr(capture);
            engine.simplify("Integrate[x^2, x]");
            engine.tex("Sqrt[1 - 4*x]");
            engine.evaluate("Limit[Sin[x]/x, x -> 0]");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals("", captured.toString());
    }
}
