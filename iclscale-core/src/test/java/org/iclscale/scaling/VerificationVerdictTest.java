package org.iclscale.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The verdict of {@link Verification} on given slopes: agreement within the tolerance, a difference away from any
 * regime boundary, and an inconclusive window inside the crossover of the boundary s/p = m. The slopes at the
 * boundary are the exact losses' (ExponentSlopeVerificationTest and {@link Verification#slope} give them; the
 * values here were measured with it at the parameters named).
 */
class VerificationVerdictTest {

    @Test
    void agreesWithinTolerance() {
        ExponentTable t = new ExponentTable(1.5, 0.8);
        Verification.Row time = Verification.judge(Term.TIME, 1.5, 0.8, t, t.exponent(Term.TIME) + 1.5e-3, 1e5);
        assertEquals(Verification.Verdict.AGREES, time.verdict());
        assertEquals(2e-3, time.tolerance(), 0);
        assertEquals(0, time.crossover(), 0);
        assertEquals("none (exponential filter, m = inf: the exponent has one branch)", time.regimeBoundary());
    }

    /** A wrong exponent away from a boundary: an exponential filter has none; context at beta = 0.8 is far from 2. */
    @Test
    void differsAwayFromBoundary() {
        ExponentTable t = new ExponentTable(1.5, 0.8);
        Verification.Row time = Verification.judge(Term.TIME, 1.5, 0.8, t, t.exponent(Term.TIME) + 0.01, 1e5);
        assertEquals(Verification.Verdict.DIFFERS, time.verdict());
        Verification.Row context = Verification.judge(Term.CONTEXT, 1.5, 0.8, t, t.exponent(Term.CONTEXT) - 0.05, 1e3);
        assertEquals(Verification.Verdict.DIFFERS, context.verdict(), context.reason());
        assertTrue(context.crossover() < 1e-3, "1000^-(1.5*1.2)");
        assertTrue(context.regimeBoundary().startsWith("s/p = m at beta = 2 "), context.regimeBoundary());
        // the paper's FS exponent beta/(nu + nu beta + 1) against the FS slope of the consistent one: differs
        Verification.Row fs = Verification.judge(Term.FS_TIME, 1.5, 0.8, t, t.paperExponent(Term.FS_TIME), 1e8);
        assertEquals(Verification.Verdict.DIFFERS, fs.verdict());
        assertTrue(fs.regimeBoundary().startsWith("none at this nu"), fs.regimeBoundary());
    }

    /**
     * Width at nu = 1.1, beta = 0.9 (boundary beta = 1): the exact slope 0.8629 at N = 10^3 is 0.127 below nu beta =
     * 0.99 because the competing head is 1000^-0.11 = 47 % of the loss there: inconclusive, not a disagreement.
     */
    @Test
    void inconclusiveInsideTheCrossover() {
        ExponentTable t = new ExponentTable(1.1, 0.9);
        Verification.Row w = Verification.judge(Term.WIDTH, 1.1, 0.9, t, 0.86289, 1e3);
        assertEquals(Verification.Verdict.INCONCLUSIVE, w.verdict(), w.reason());
        assertEquals(Math.pow(1000, -0.11), w.crossover(), 1e-12);
        assertTrue(w.regimeBoundary().startsWith("s/p = m at beta = 1 (s/p = 0.9 < m = 1 here)"), w.regimeBoundary());
        // the same difference far from the boundary (nu = 3, beta = 0.3: 1000^-2.1) is a disagreement
        ExponentTable far = new ExponentTable(3, 0.3);
        Verification.Row d = Verification.judge(Term.WIDTH, 3, 0.3, far, far.exponent(Term.WIDTH) - 0.127, 1e3);
        assertEquals(Verification.Verdict.DIFFERS, d.verdict());
    }

    /**
     * Large nu beta: at nu = 3, beta = 4 the time flow reaches gamma ~ 7 at t = 1e5, so only k* ~ 2 modes are learned
     * and the sum is far from its integral: the exact slope (0.285 for t, 0.461 for FS time) is not a disagreement.
     */
    @Test
    void inconclusiveWhenTheDiscreteHeadDominates() {
        ExponentTable t = new ExponentTable(3, 4);
        ExactLosses x = new ExactLosses(3, 4);
        for (Term term : new Term[] {Term.TIME, Term.FS_TIME}) {
            double r0 = Verification.start(term);
            double slope = Verification.slope(x, term, r0);
            assertTrue(Math.abs(slope - t.exponent(term)) > 0.1, term + ": " + slope);
            Verification.Row row = Verification.judge(term, 3, 4, t, slope, r0);
            assertEquals(Verification.Verdict.INCONCLUSIVE, row.verdict(), row.reason());
            assertTrue(row.crossoverMode() < 3 && row.reason().contains("discrete head"), row.reason());
        }
        // the same time slope where many modes are learned (nu = 1.5, beta = 0.8: k* ~ 15) is judged as a difference
        ExponentTable moderate = new ExponentTable(1.5, 0.8);
        Verification.Row row = Verification.judge(Term.TIME, 1.5, 0.8, moderate, moderate.exponent(Term.TIME) - 0.1, 1e5);
        assertEquals(Verification.Verdict.DIFFERS, row.verdict());
        assertTrue(row.crossoverMode() > 10, row.toString());
    }

    /** The slopes of the exact losses at the paper's (1.25, 0.75) all agree (full attention: slow, see its test). */
    @Test
    void exactSlopesAgreeAtPaperParameters() {
        ExponentTable t = new ExponentTable(1.25, 0.75);
        ExactLosses x = new ExactLosses(1.25, 0.75);
        for (Term term : new Term[] {Term.TIME, Term.DEPTH, Term.WIDTH, Term.CONTEXT, Term.FS_TIME}) {
            double r0 = Verification.start(term);
            Verification.Row row = Verification.judge(term, 1.25, 0.75, t, Verification.slope(x, term, r0), r0);
            assertEquals(Verification.Verdict.AGREES, row.verdict(), term + ": " + row.reason());
        }
    }
}
