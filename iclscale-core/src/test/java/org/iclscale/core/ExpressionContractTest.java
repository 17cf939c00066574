package org.iclscale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Contract of the one expression evaluator: the union of the inputs the two former evaluators were tested
 * and used with ({@code core.Expression}: the guide-slope inputs of ParameterGridTest; {@code scaling.Arithmetic}:
 * the parameter expressions of {@code formulas/scaling-exponents.m} and the Min/Max formulas of
 * {@code formulas/errata.m}, {@code formulas/iso-infinite-depth.m}), with what each old class returned
 * ({@code null} = rejected) and what the unified evaluator must return.
 *
 * <p>Where the two disagreed the mathematically right answer is kept: {@code 1/0} is rejected (Arithmetic
 * returned Infinity; a division by zero is undefined, Infinity is only written explicitly), NaN results
 * ({@code Infinity - Infinity}, {@code 0*Infinity}, which Arithmetic returned as NaN) are rejected,
 * {@code 1.5e-3}, {@code sqrt(4)}, names with '_' are accepted (Arithmetic rejected them),
 * {@code Min[..]}, {@code Max[..]}, {@code Infinity} are accepted (Expression rejected them).
 */
class ExpressionContractTest {

    static final Map<String, Double> V = Map.of("nu", 1.25, "beta", 1.25);
    static final Map<String, Double> W = Map.of("nu", 1.5, "beta", 1.6);
    static final Map<String, Double> TAIL = Map.of("s", 2.0, "p", 1.5, "q", 1.5, "m", 1.0);
    static final Map<String, Double> TAIL_EXP = Map.of("s", 2.0, "p", 1.5, "q", 1.5, "m", Double.POSITIVE_INFINITY);
    static final double INF = Double.POSITIVE_INFINITY;
    static final double NAN = Double.NaN;

    /** One input: the unified value (null = rejected), and what core.Expression / scaling.Arithmetic returned. */
    record Case(String text, Map<String, Double> vars, Double unified, Double oldExpression, Double oldArithmetic) {
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        double nb = -1.25 * 1.25 / (1.25 * 1.25 + 2 * 1.25 + 1);
        // core.Expression's tests (ParameterGridTest.expressionsForGuideSlopes)
        c.add(new Case("-nu*beta/(nu*beta+2*nu+1)", V, nb, nb, nb));
        c.add(new Case("-0.8/(2+0.8)", Map.of(), -0.2857142857142857, -0.2857142857142857, -0.2857142857142857));
        c.add(new Case("2^3", Map.of(), 8.0, 8.0, 8.0));
        c.add(new Case("-2^2", Map.of(), -4.0, -4.0, -4.0));
        c.add(new Case("1.5e-3", Map.of(), 1.5e-3, 1.5e-3, null));
        c.add(new Case("sqrt(4)", Map.of(), 2.0, 2.0, null));
        c.add(new Case("-beta/(2+", V, null, null, null));
        c.add(new Case("gamma", V, null, null, null));
        c.add(new Case("1/0", V, null, null, INF));
        c.add(new Case("2 3", V, null, null, null));
        // scaling.Arithmetic's inputs: the parameters of formulas/scaling-exponents.m (ExponentTable), at (1.5, 1.6)
        for (String t : new String[] {"nu*beta", "nu", "1", "0", "2", "5"}) {
            double v = switch (t) {
                case "nu*beta" -> 1.5 * 1.6;
                case "nu" -> 1.5;
                default -> Double.parseDouble(t);
            };
            c.add(new Case(t, W, v, v, v));
        }
        c.add(new Case("Infinity", W, INF, null, INF));
        c.add(new Case("nu*beta + 2*nu + 1", W, 1.5 * 1.6 + 2 * 1.5 + 1, 1.5 * 1.6 + 2 * 1.5 + 1, 1.5 * 1.6 + 2 * 1.5 + 1));
        c.add(new Case("beta/(2 + beta)", W, 1.6 / 3.6, 1.6 / 3.6, 1.6 / 3.6));
        c.add(new Case("beta", W, 1.6, 1.6, 1.6));
        c.add(new Case("5*beta/(5*beta + 2)", W, 8.0 / 10.0, 8.0 / 10.0, 8.0 / 10.0));
        c.add(new Case("beta/(nu + nu*beta + 1)", W, 1.6 / (1.5 + 1.5 * 1.6 + 1), 1.6 / (1.5 + 1.5 * 1.6 + 1),
                1.6 / (1.5 + 1.5 * 1.6 + 1)));
        c.add(new Case("(q/p)*Min[s, p*m]", TAIL, 1.5, null, 1.5));
        c.add(new Case("(q/p)*Min[s, p*m]", TAIL_EXP, 2.0, null, 2.0));
        c.add(new Case("nu*Min[beta, 1]", W, 1.5, null, 1.5));
        c.add(new Case("nu*Min[beta, 2]", W, 1.5 * 1.6, null, 1.5 * 1.6));
        c.add(new Case("Max[0, 1 - alpha]", Map.of("alpha", 0.25), 0.75, null, 0.75));
        c.add(new Case("Max[0, 1 - alpha]", Map.of("alpha", 2.0), 0.0, null, 0.0));
        c.add(new Case("Min[1, Infinity]", Map.of(), 1.0, null, 1.0));
        c.add(new Case("Max[1, 2, -3]", Map.of(), 2.0, null, 2.0));
        c.add(new Case("1/Infinity", Map.of(), 0.0, null, 0.0));
        // edges both parsed alike
        c.add(new Case("2^-1", Map.of(), 0.5, 0.5, 0.5));
        c.add(new Case("2^3^2", Map.of(), 512.0, 512.0, 512.0));
        c.add(new Case("-(1+2)*3", Map.of(), -9.0, -9.0, -9.0));
        c.add(new Case("+3", Map.of(), 3.0, 3.0, 3.0));
        c.add(new Case(" ( nu ) ", W, 1.5, 1.5, 1.5));
        c.add(new Case("1.2.3", Map.of(), null, null, null));
        c.add(new Case("", Map.of(), null, null, null));
        c.add(new Case("()", Map.of(), null, null, null));
        c.add(new Case("2*(3", Map.of(), null, null, null));
        c.add(new Case("Min[1,2", Map.of(), null, null, null));
        c.add(new Case("Min[]", Map.of(), null, null, null));
        c.add(new Case("min[1,2]", Map.of(), null, null, null));
        c.add(new Case("Foo[1]", Map.of(), null, null, null));
        c.add(new Case("sqrt 4", Map.of(), null, null, null));
        c.add(new Case("2nu", W, null, null, null));
        c.add(new Case("1e5e5", Map.of(), null, null, null));
        // edges where they differed
        c.add(new Case("1E3", Map.of(), 1000.0, 1000.0, null));
        c.add(new Case("exp(1)", Map.of(), Math.E, Math.E, null));
        c.add(new Case("log(8)/log(2)", Map.of(), Math.log(8) / Math.log(2), Math.log(8) / Math.log(2), null));
        c.add(new Case("a_b*2", Map.of("a_b", 1.5), 3.0, 3.0, null));
        c.add(new Case("sqrt(-1)", Map.of(), null, null, null));
        c.add(new Case("log(0)", Map.of(), null, null, null));
        c.add(new Case("Infinity - Infinity", Map.of(), null, null, NAN));
        c.add(new Case("0*Infinity", Map.of(), null, null, NAN));
        c.add(new Case("0/0", Map.of(), null, null, NAN));
        return c;
    }

    /**
     * The unified evaluator: same values to 1e-15 where it accepts, finite-only {@link Expression#evaluate}
     * rejects infinite values, {@link Expression#evaluateAllowingInfinity} accepts them; every rejection is an
     * InvalidInputException naming the option and quoting the expression. (Commit 4aa83a6 verified the two
     * old columns against core.Expression and scaling.Arithmetic before the latter was deleted.)
     */
    @Test
    void unifiedEvaluatorKeepsTheContract() {
        for (Case k : cases()) {
            if (k.unified() == null) {
                for (boolean infinite : new boolean[] {false, true}) {
                    InvalidInputException e = assertThrows(InvalidInputException.class, () -> eval(k, infinite), k.text());
                    assertTrue(e.getMessage().startsWith("--x: '" + k.text() + "': "), e.getMessage());
                    assertEquals("--x", e.parameter());
                }
            } else {
                assertEquals(k.unified(), Expression.evaluateAllowingInfinity(k.text(), k.vars(), "--x"), 1e-15, k.text());
                if (Double.isFinite(k.unified())) {
                    assertEquals(k.unified(), Expression.evaluate(k.text(), k.vars(), "--x"), 1e-15, k.text());
                } else {
                    InvalidInputException e = assertThrows(InvalidInputException.class,
                            () -> Expression.evaluate(k.text(), k.vars(), "--x"), k.text());
                    assertTrue(e.getMessage().contains("finite"), e.getMessage());
                }
            }
            // where both old classes accepted, they agreed with the unified value
            if (k.oldExpression() != null && k.oldArithmetic() != null) {
                assertEquals(k.oldExpression(), k.oldArithmetic(), 1e-15, k.text());
                assertEquals(k.oldExpression(), k.unified(), 1e-15, k.text());
            }
        }
    }

    private static double eval(Case k, boolean allowInfinity) {
        return allowInfinity ? Expression.evaluateAllowingInfinity(k.text(), k.vars(), "--x")
                : Expression.evaluate(k.text(), k.vars(), "--x");
    }

    /** The error names the offending token and its position. */
    @Test
    void errorsNameTheToken() {
        assertMessage("gamma", "unknown variable 'gamma' at position 1");
        assertMessage("2*(nu+gamma)", "unknown variable 'gamma' at position 7");
        assertMessage("2 3", "unexpected '3' at position 3");
        assertMessage("1/0", "division by zero at position 2");
        assertMessage("-beta/(2+", "expected a number, a name or '(' but found end of input");
        assertMessage("Foo[1]", "unknown function 'Foo'");
        assertMessage("sqrt 4", "expected '(' after sqrt but found '4'");
        assertMessage("Min[1,2", "expected ']' but found end of input");
        assertMessage("sqrt(-1)", "sqrt of the negative number -1.0");
        assertMessage("Infinity - Infinity", "'-' is undefined");
        assertMessage("0^-1", "division by zero");
        assertMessage("1.2.3", "bad number '1.2.3'");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Expression.evaluate("Infinity", Map.of(), "--guide-slope"));
        assertEquals("--guide-slope: 'Infinity': the value is Infinity (expected an expression with a finite value)",
                e.getMessage());
    }

    private static void assertMessage(String text, String part) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Expression.evaluateAllowingInfinity(text, V, "--guide-slope"), text);
        assertTrue(e.getMessage().startsWith("--guide-slope: '" + text + "': "), e.getMessage());
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    /** Scientific notation beyond the old tests: an explicit '+' in the exponent (Double.parseDouble's syntax). */
    @Test
    void scientificNotation() {
        assertEquals(1e5, Expression.evaluate("1e+5", Map.of(), "--x"), 0);
        assertEquals(2.5e-7, Expression.evaluate("2.5E-7", Map.of(), "--x"), 0);
        assertEquals(.5, Expression.evaluate(".5", Map.of(), "--x"), 0);
    }
}
