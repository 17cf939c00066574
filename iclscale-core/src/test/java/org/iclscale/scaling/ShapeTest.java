package org.iclscale.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ShapeTest {

    /**
     * BOBYQA optimum vs the closed-form Lagrange solution for pure power laws c_i x^{−a_i}:
     * x_i = (a_i c_i/(μ b_i))^{1/a_i} with μ fixed by the budget (ln μ solves Σ b_i/a_i ln(a_i c_i/(μ b_i)) = ln C).
     */
    @Test
    void optimiserMatchesClosedFormLagrange() {
        double nu = 1.5;
        double beta = 0.8;
        ExponentTable table = new ExponentTable(nu, beta);
        ComputeFormula f = ComputeFormula.parse("c", ComputeFormula.DEFAULT);
        Map<Character, Double> c = Map.of('t', 0.7, 'N', 1.3, 'L', 0.4, 'P', 2.0);
        ShapeOptimizer.Terms terms = (x, v) -> c.get(x) * Math.pow(v, -table.exponent(Term.forResource(x)));
        double budget = 1e24;
        ShapeOptimizer.Shape s = new ShapeOptimizer(terms, f).optimise(budget);
        double sumBA = 0;
        double rhs = Math.log(budget);
        for (Map.Entry<Character, Double> e : f.powers().entrySet()) {
            double a = table.exponent(Term.forResource(e.getKey()));
            double b = e.getValue();
            sumBA += b / a;
            rhs -= b / a * Math.log(a * c.get(e.getKey()) / b);
        }
        double logMu = -rhs / sumBA;
        for (Map.Entry<Character, Double> e : f.powers().entrySet()) {
            double a = table.exponent(Term.forResource(e.getKey()));
            double expected = Math.exp((Math.log(a * c.get(e.getKey()) / e.getValue()) - logMu) / a);
            assertEquals(expected, s.continuous().get(e.getKey()), 1e-5 * expected, "resource " + e.getKey());
        }
        assertEquals(budget, f.compute(s.continuous()), 1e-9 * budget);
        // integer rounding: N, L, P integers, budget kept through t, loss not below the continuous optimum
        for (char x : new char[] {'N', 'L', 'P'}) {
            assertEquals(Math.rint(s.rounded().get(x)), s.rounded().get(x));
        }
        assertEquals(budget, f.compute(s.rounded()), 1e-9 * budget);
        assertTrue(s.roundedLoss() >= s.continuousLoss() - 1e-15);
    }

    /** The derived prefactors against the exact losses (continuum power law): ratio → 1 deep in each asymptotic regime. */
    @Test
    void prefactorsMatchExactLosses() {
        double nu = 1.25;
        double beta = 0.75;
        FourTermLaw law = new FourTermLaw(nu, beta);
        ExactLosses x = new ExactLosses(nu, beta);
        double[] t = {1e8};
        assertEquals(1, law.time(1e8) / x.time(t)[0], 0.02, "time");
        assertEquals(1, law.context(1e4) / x.context(1e4), 0.03, "context");
        assertEquals(1, law.width(1e4) / x.width(1e4), 0.10, "width (correction ~ N^-nu(1-beta))");
        assertEquals(1, law.depth(512) / x.depth(512), 0.10, "depth (optimal step still below the edge)");
        // saturated width, beta = 1.6: head form z zeta(nu beta + 1 - nu)/zeta
        FourTermLaw sat = new FourTermLaw(1.5, 1.6);
        assertEquals(1, sat.width(1e4) / new ExactLosses(1.5, 1.6).width(1e4), 0.05, "saturated width");
    }
}
