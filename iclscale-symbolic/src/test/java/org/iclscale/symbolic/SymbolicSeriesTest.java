package org.iclscale.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, symbolic asymptotics: the large-L expansions of {@link AsymptoticSeries} against exact values computed
 * here without Symja (the Catalan sum and its tail by the ratio recurrence C_{n+1}/C_n = 2(2n+1)/(n+2)), against
 * DLMF 5.11.13 for Γ(L+½)/Γ(L+1) at α = 1, and against the first correction derived by hand for α ≠ 1.
 * The exact identity behind the expansion (isoOptimalLoss = [1 − α]₊ + tail as a ₂F₁, iso-optimum.m) is checked at
 * small L. Every check is relative and would fail with a wrong coefficient (the remainder after order K is compared
 * with the next coefficient's term).
 */
class SymbolicSeriesTest {

    static SymbolicEngine engine;
    static FormulaLibrary lib;
    static ExpressionPolicy.Vocabulary vocabulary;

    @BeforeAll
    static void start() {
        engine = SymbolicEngine.get();
        lib = FormulaLibrary.standard();
        lib.define(engine);
        vocabulary = lib.vocabulary(List.of("alpha", "L"), "a variable of iso-optimum");
    }

    private static SymbolicEngine.Expansion expand(String symbol, String alpha, int order) {
        return engine.series(engine.library(symbol, vocabulary),
                Map.of("alpha", engine.parse(alpha, ExpressionPolicy.Vocabulary.constants())), "L", order);
    }

    private static double num(String constant) {
        return engine.numeric(constant, Map.of());
    }

    /** ln(C_L x^L) by the ratio recurrence (no Gamma function): Σ_{n<L} ln(2(2n+1)x/(n+2)). */
    private static double logCatalanTerm(int l, double x) {
        double s = 0;
        for (int n = 0; n < l; n++) {
            s += Math.log(2.0 * (2 * n + 1) * x / (n + 2));
        }
        return s;
    }

    /** Σ_{n≥L} C_n x^n / (C_L x^L) for 4x &lt; 1 (geometric convergence). */
    private static double tailRatio(int l, double x) {
        double sum = 0;
        double t = 1;
        for (int n = l; t > 1e-18 * sum || sum == 0; n++) {
            sum += t;
            t *= 2.0 * (2 * n + 1) * x / (n + 2);
        }
        return sum;
    }

    /** The exact loss minus [1 − α]₊: (α/(1+α)) Σ_{n≥L} C_n x^n, x = α/(1+α)² (notes §3.1), for α ≠ 1. */
    private static double logExactTail(double alpha, int l) {
        double x = alpha / ((1 + alpha) * (1 + alpha));
        return Math.log(alpha / (1 + alpha)) + logCatalanTerm(l, x) + Math.log(tailRatio(l, x));
    }

    /** The exact loss at α = 1: 1 − ½ Σ_{n<L} C_n 4^−n (no cancellation problem: the loss is ~ L^−½). */
    private static double exactLossAtOne(int l) {
        double sum = 0;
        double t = 1;
        for (int n = 0; n < l; n++) {
            sum += t;
            t *= 2.0 * (2 * n + 1) * 0.25 / (n + 2);
        }
        return 1 - 0.5 * sum;
    }

    /** ln of the term's scale prefactor · base^L · L^power, from its printed parts. */
    private static double logScale(SymbolicEngine.ExpansionTerm term, int l) {
        return Math.log(num(term.prefactor())) + l * Math.log(num(term.base())) + num(term.power()) * Math.log(l);
    }

    /** 1 + c1/L + ... + c_k/L^k from the printed coefficients. */
    private static double series(SymbolicEngine.ExpansionTerm term, int l, int k) {
        double s = 1;
        for (int j = 1; j <= k; j++) {
            s += num(term.coefficients().get(j - 1)) * Math.pow(l, -j);
        }
        return s;
    }

    /**
     * The remainder exact/scale − (1 + c1/L + c2/L² + c3/L³) is the order-4 term c4/L⁴ to within {@code within}
     * (relative) at each L, and the order-4 remainder is smaller by that factor: a wrong c1, c2 or c3 leaves an
     * O(L^−1..−3) remainder that this cannot match.
     */
    private static void remainderIsTheNextTerm(SymbolicEngine.ExpansionTerm term, double[] logExact, int[] ls,
            double within) {
        double c4 = num(term.coefficients().get(3));
        for (int i = 0; i < ls.length; i++) {
            int l = ls[i];
            double ratio = Math.exp(logExact[i] - logScale(term, l));
            double rest3 = ratio - series(term, l, 3);
            double next = c4 * Math.pow(l, -4);
            assertEquals(next, rest3, within * Math.abs(next), "L = " + l + ": remainder " + rest3 + " vs c4/L^4 " + next);
            double rest4 = ratio - series(term, l, 4);
            assertTrue(Math.abs(rest4) < within * Math.abs(rest3), "L = " + l + ": order 4 " + rest4 + " vs order 3 " + rest3);
        }
    }

    @Test
    void closedFormInLIsTheCatalanSum() {
        // Symja evaluates the 2F1 at rational arguments in floating point, so the identity is checked numerically:
        // closed form = Catalan sum (both in Symja), and the tail = the tail summed here by the ratio recurrence
        for (double alpha : new double[] {1.0 / 3, 2.5}) {
            for (int l : new int[] {1, 3, 12}) {
                Map<String, Double> at = Map.of("alpha", alpha, "L", (double) l);
                double closed = engine.numeric("isoOptimalLossClosed", at);
                assertEquals(engine.numeric("isoOptimalLoss", at), closed, 1e-13, "alpha = " + alpha + ", L = " + l);
                double tail = engine.numeric("isoOptimalLossTail", at);
                assertEquals(logExactTail(alpha, l), Math.log(tail), 1e-9, "alpha = " + alpha + ", L = " + l);
            }
        }
    }

    @Test
    void alphaOneIsPiLToTheMinusHalfWithTheGammaRatioCoefficients() {
        SymbolicEngine.Expansion e = expand("isoOptimalLossClosed", "1", 4);
        assertEquals("0", e.constant());
        assertEquals(1, e.terms().size());
        SymbolicEngine.ExpansionTerm t = e.terms().get(0);
        assertEquals(1 / Math.sqrt(Math.PI), num(t.prefactor()), 1e-15);
        assertEquals("1", t.base());
        assertEquals("-1/2", t.power());
        // DLMF 5.11.13 with a = 1/2, b = 1: Gamma(L + 1/2)/Gamma(L + 1) = L^(-1/2) (1 - 1/(8L) + 1/(128L^2) + ...)
        assertEquals(List.of("-1/8", "1/128", "5/1024", "-21/32768"), t.coefficients());
        int[] ls = {40, 80, 160};
        double[] exact = new double[ls.length];
        for (int i = 0; i < ls.length; i++) {
            exact[i] = Math.log(exactLossAtOne(ls[i]));
        }
        remainderIsTheNextTerm(t, exact, ls, 0.1);
        // the printed truncation is the same number as its parts
        assertEquals(Math.exp(logScale(t, 100)) * series(t, 100, 4), engine.numeric(t.inputForm(), Map.of("L", 100.0)),
                1e-15);
    }

    @Test
    void belowAlphaOneTheLossApproachesOneMinusAlphaLikeFourXToTheL() {
        SymbolicEngine.Expansion e = expand("isoOptimalLossClosed", "1/2", 4);
        assertEquals("1/2", e.constant());
        assertEquals(1, e.terms().size());
        SymbolicEngine.ExpansionTerm t = e.terms().get(0);
        assertEquals("8/9", t.base()); // 4x = 4 alpha/(1 + alpha)^2
        assertEquals("-3/2", t.power());
        int[] ls = {800, 1600, 3200};
        double[] exact = new double[ls.length];
        for (int i = 0; i < ls.length; i++) {
            exact[i] = logExactTail(0.5, ls[i]);
        }
        // c_j grow like (y/(1-y))^j = 8^j, so L must be large against 8 * order for the next term to dominate
        remainderIsTheNextTerm(t, exact, ls, 0.1);
    }

    @Test
    void firstCorrectionMatchesTheHandDerivation() {
        // tail = (alpha/(1+alpha)) C_L x^L 2F1(1, L + 1/2; L + 2; y), y = 4x:
        // C_L = 4^L Gamma(L + 1/2)/(Sqrt[Pi] Gamma(L + 2)) = 4^L L^(-3/2) (1 - 9/(8L) + ...)/Sqrt[Pi],
        // 2F1 = Sum_k y^k prod_{j<k} (L + 1/2 + j)/(L + 2 + j) = 1/(1 - y) - (3/2) y/((1 - y)^2 L) + ...
        for (double alpha : new double[] {0.25, 2, 4}) {
            SymbolicEngine.Expansion e = expand("isoOptimalLossClosed", alpha == 0.25 ? "1/4" : String.valueOf((int) alpha), 1);
            double y = 4 * alpha / ((1 + alpha) * (1 + alpha));
            SymbolicEngine.ExpansionTerm t = e.terms().get(0);
            assertEquals(Math.max(0, 1 - alpha), num(e.constant()), 1e-15, "alpha = " + alpha);
            assertEquals(y, num(t.base()), 1e-15, "alpha = " + alpha);
            assertEquals(alpha / (1 + alpha) / (Math.sqrt(Math.PI) * (1 - y)), num(t.prefactor()), 1e-14, "alpha = " + alpha);
            assertEquals(-1.5 * y / (1 - y) - 9.0 / 8, num(t.coefficients().get(0)), 1e-13, "alpha = " + alpha);
        }
    }

    @Test
    void unsupportedFormsAndFreeParametersAreRefusedAsBadInput() {
        // the Catalan sum itself has a Sum over n up to L - 1: the file's series header names the closed form
        SymbolicException sum = assertThrows(SymbolicException.class, () -> expand("isoOptimalLoss", "1", 2));
        assertTrue(sum.isBadInput() && sum.getMessage().contains("Sum"), sum.getMessage());
        SymbolicException free = assertThrows(SymbolicException.class, () -> engine.series(
                engine.library("isoOptimalLossClosed", vocabulary), Map.of(), "L", 2));
        assertTrue(free.isBadInput() && free.getMessage().contains("alpha"), free.getMessage());

        assertThrows(SymbolicException.class, () -> expand("isoOptimalLossClosed", "1", 9));
        assertEquals("isoOptimalLossClosed", lib.file("iso-optimum").seriesForm("isoOptimalLoss"));
    }
}
