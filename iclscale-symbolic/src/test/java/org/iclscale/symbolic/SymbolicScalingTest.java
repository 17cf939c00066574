package org.iclscale.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iclscale.scaling.ComputeFormula;
import org.iclscale.scaling.ComputeOptimal;
import org.iclscale.scaling.ExponentTable;
import org.iclscale.scaling.Term;
import org.junit.jupiter.api.Test;

/** Symja's exponents and Lagrange solution cross-checked against the numeric rule and the notes' closed forms. */
class SymbolicScalingTest {

    @Test
    void symbolicMatchesNumericAcrossRegimes() {
        // (1.25, 0.75): nothing saturated; (1.5, 1.6): width saturated; (1.5, 2.5): width and context saturated
        double[][] points = {{1.25, 0.75}, {1.5, 1.6}, {1.5, 2.5}};
        for (double[] nb : points) {
            ExponentTable table = new ExponentTable(nb[0], nb[1]);
            SymbolicScaling sym = new SymbolicScaling(nb[0], nb[1]);
            for (Term t : Term.values()) {
                SymbolicScaling.SymbolicExponent e = sym.exponent(table.tailSum(t));
                assertEquals(table.exponent(t), sym.numeric(e.branch()), 1e-12, t + " at " + nb[0] + "," + nb[1]);
                // the general (Min) form evaluates to the same number
                assertEquals(table.exponent(t), sym.numeric(e.general()), 1e-12, t + " general " + e.general());
            }
            SymbolicScaling.SymbolicAllocation a = sym.allocation(table, ComputeFormula.parse("c", ComputeFormula.DEFAULT), Term.TIME);
            ComputeOptimal num = ComputeOptimal.of(table, ComputeFormula.parse("c", ComputeFormula.DEFAULT));
            assertEquals(num.loss(), sym.numeric(a.exponents().get("loss")), 1e-12);
            assertEquals(num.resources().get('t'), sym.numeric(a.exponents().get("time")), 1e-12);
            assertEquals(num.resources().get('N'), sym.numeric(a.exponents().get("width")), 1e-12);
            assertEquals(num.resources().get('L'), sym.numeric(a.exponents().get("depth")), 1e-12);
            assertEquals(num.resources().get('P'), sym.numeric(a.exponents().get("context")), 1e-12);
            assertEquals(num.depthPerWidth(), sym.numeric(a.depthPerWidth()), 1e-12);
        }
    }

    /**
     * The declared filter decay m of each term is consistent with its declared filter F (formulas/
     * scaling-exponents.m): F(u)·u^m tends to a nonzero constant (m finite), or F decays faster than any power (m = ∞).
     */
    @Test
    void filterDecayMatchesFilter() {
        new SymbolicScaling(1.25, 0.75); // loads the formula files into the engine
        org.iclscale.symbolic.SymbolicEngine e = org.iclscale.symbolic.SymbolicEngine.get();
        java.util.Map<String, Double> none = java.util.Map.of();
        for (Term t : Term.values()) {
            String f = t.key() + "Filter";
            String m = e.evaluate(t.key() + "FilterDecay");
            if (m.equals("Infinity")) {
                assertTrue(e.numeric(f + "[60]*60^20", none) < 1e-10, t.key());
            } else {
                double a = e.numeric(f + "[10^6]*(10^6)^" + m, none);
                double b = e.numeric(f + "[10^8]*(10^8)^" + m, none);
                assertTrue(a > 0, t.key());
                assertEquals(1, a / b, 1e-4, t.key());
                assertEquals(1, e.numeric(f + "[0]", none), 0, t.key() + ": F(0) = 1");
            }
        }
    }

    /** Closed forms: paper-notes §3.3, §3.5, §5.3 (b); the paper's FS exponent is flagged as a different formula. */
    @Test
    void closedFormsAndPaperMarks() {
        SymbolicScaling sym = new SymbolicScaling(1.25, 0.75);
        ExponentTable table = new ExponentTable(1.25, 0.75);
        SymbolicScaling.SymbolicExponent width = sym.exponent(table.tailSum(Term.WIDTH));
        assertTrue(sym.numeric("(" + width.general() + ") - Min[nu*beta, nu]") == 0);
        assertEquals("beta < 1", width.condition());
        SymbolicScaling.SymbolicExponent fs = sym.exponent(table.tailSum(Term.FS_TIME));
        assertFalse(fs.paperEqualsUnsaturated());
        assertEquals(0, sym.numeric("(" + fs.branch() + ") - nu*beta/(nu*beta + 2*nu + 1)"), 1e-14);
        SymbolicScaling.SymbolicExponent time = sym.exponent(table.tailSum(Term.TIME));
        assertTrue(time.paperEqualsUnsaturated());
        SymbolicScaling.SymbolicAllocation b = sym.allocation(table, ComputeFormula.parse("c", ComputeFormula.DEFAULT), Term.TIME);
        assertEquals(0, sym.numeric("(" + b.exponents().get("loss") + ") - nu*beta/((3 + beta)*nu + 4)"), 1e-14);
        assertEquals("nu", b.depthPerWidth());
    }
}
