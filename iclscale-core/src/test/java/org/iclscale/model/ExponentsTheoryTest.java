package org.iclscale.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.iclscale.core.InvalidInputException;
import org.iclscale.scaling.ComputeFormula;
import org.iclscale.scaling.Term;
import org.iclscale.scaling.Verification;
import org.junit.jupiter.api.Test;

/**
 * {@link Theory#exponents} reproduces the numeric part of what {@code iclscale exponents} printed before (values
 * recorded from main at de4e7f1 with {@code --numeric-only}, JSON output), and its verification gives the slopes
 * {@code --verify} printed, now with a verdict.
 */
class ExponentsTheoryTest {

    private static final Theory THEORY = Theory.standard();

    /** exponents --nu 1.25 --beta 0.75 --compute t*N^2*L --numeric-only (paper-notes §5.3 (a)). */
    @Test
    void tableAndComputeOptimal() {
        ExponentsResult r = THEORY.exponents(1.25, 0.75, ComputeFormula.parse("compute", "t*N^2*L"), false);
        Map<Term, Double> expected = Map.of(Term.TIME, 0.2727272727272727, Term.DEPTH, 0.75, Term.WIDTH, 0.9375,
                Term.CONTEXT, 0.9375, Term.FS_TIME, 0.2112676056338028, Term.FULL_ATTENTION_TIME, 0.6521739130434783);
        expected.forEach((t, v) -> assertEquals(v, r.terms().get(t).exponent(), 1e-15, t.key()));
        assertEquals(List.of(Term.values()), List.copyOf(r.terms().keySet()));
        ExponentsResult.Exponent fs = r.terms().get(Term.FS_TIME);
        assertEquals(0.23529411764705882, fs.paperValue(), 1e-15);
        assertTrue(fs.differsFromPaper());
        assertEquals("unsaturated (s/p = (nu*beta)/(nu*beta + 2*nu + 1) = 0.211268 < m = 1.00000)", fs.regime());
        assertFalse(r.terms().get(Term.WIDTH).differsFromPaper());
        assertFalse(r.terms().get(Term.WIDTH).saturated());
        assertEquals("tail: unlearned modes k > k* = N^(q/p), term ~ sum_{k>k*} k^-(1+s)", r.terms().get(Term.WIDTH).dominant());
        assertEquals(Term.CONTEXT.description(), r.terms().get(Term.CONTEXT).lossTerm());
        assertEquals(0.14018691588785046, r.computeOptimal().loss(), 1e-15);
        assertEquals(0.514018691588785, r.computeOptimal().resources().get('t'), 1e-15);
        assertEquals(0.14953271028037382, r.computeOptimal().resources().get('N'), 1e-15);
        assertEquals(0.18691588785046728, r.computeOptimal().resources().get('L'), 1e-15);
        assertEquals(0.0, r.computeOptimal().resources().get('P'));
        assertEquals(1.25, r.depthPerWidth().orElseThrow(), 1e-15);
        assertEquals("tail-sum rule (q/p)*min(s, p*m) on formulas/scaling-exponents.m, flow rule a/(a+2) for trained "
                + "parameters; Lagrange a_i eps_i = e, sum b_i eps_i = 1 for C", r.method());
        assertEquals(1, r.notes().size());
        assertTrue(r.verification().isEmpty());
        // a formula without both N and L has no depth-per-width exponent
        assertTrue(THEORY.exponents(1.25, 0.75, ComputeFormula.parse("compute", "L*t"), false).depthPerWidth().isEmpty());
    }

    /** exponents --nu 1.5 --beta 0.8 --verify: the same fitted slopes, and every term agrees within its tolerance. */
    @Test
    void verificationSlopesAndVerdicts() {
        ExponentsResult r = THEORY.exponents(1.5, 0.8, ComputeFormula.parse("compute", ComputeFormula.DEFAULT), true);
        Verification.Result v = r.verification().orElseThrow();
        Map<Term, Double> slopes = Map.of(Term.TIME, 0.2857152927204676, Term.DEPTH, 0.8060751225592084,
                Term.WIDTH, 1.1603859975059825, Term.CONTEXT, 1.1992033969188176, Term.FS_TIME, 0.23076923256003354,
                Term.FULL_ATTENTION_TIME, 0.6666665215580315);
        slopes.forEach((t, s) -> assertEquals(s, v.rows().get(t).fittedSlope(), 1e-9 * s, t.key()));
        assertTrue(v.allAgree(), v.rows().toString());
        Verification.Row width = v.rows().get(Term.WIDTH);
        // next to the boundary beta = 1 the tolerance carries the crossover shift nu (1 - beta) 1000^-(nu (1 - beta))
        assertEquals(0.012 + 0.3 * Math.pow(1000, -0.3), width.tolerance(), 1e-12);
        assertTrue(width.regimeBoundary().startsWith("s/p = m at beta = 1 "), width.regimeBoundary());
        // the map keeps the keys exponents --verify printed and adds the verdict's
        @SuppressWarnings("unchecked")
        Map<String, Object> row = (Map<String, Object>) v.asMap().get("width");
        assertEquals(List.of("fittedSlope", "rangeFrom", "rangeTo", "exponent", "difference", "tolerance", "verdict",
                "regimeBoundary", "crossover", "crossoverMode", "reason"), List.copyOf(row.keySet()));
        assertEquals("agrees", row.get("verdict"));
        assertTrue(v.asMap().containsKey("method"));
    }

    /** Outside its domain the verification is refused at once, naming the parameter and the limit. */
    @Test
    void verificationDomainRefusedAtOnce() {
        ComputeFormula f = ComputeFormula.parse("compute", ComputeFormula.DEFAULT);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (double[] nb : new double[][] {{1.5, 100}, {1.5, 1e-9}, {1.000001, 0.8}, {1.05, 0.8}, {3.5, 0.8}}) {
                InvalidInputException e = assertThrows(InvalidInputException.class,
                        () -> THEORY.exponents(nb[0], nb[1], f, true));
                assertEquals(nb[0] < 1.1 || nb[0] > 3 ? "nu" : "beta", e.parameter());
                assertTrue(e.getMessage().contains(nb[0] < 1.1 || nb[0] > 3 ? "[1.1, 3]" : "[0.1, 4]"), e.getMessage());
            }
        });
        // without the verification the table itself is computed there
        assertEquals(100.0 / 102, THEORY.exponents(1.5, 100, f, false).terms().get(Term.TIME).exponent(), 1e-15);
        assertEquals(1e-9 / (2 + 1e-9), THEORY.exponents(1.5, 1e-9, f, false).terms().get(Term.TIME).exponent(), 1e-24);
    }

    /** exponents --beta 1e308: the formulas' products overflow there; refused with the table's limit. */
    @Test
    void hugeExponentsRefused() {
        ComputeFormula f = ComputeFormula.parse("compute", ComputeFormula.DEFAULT);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> THEORY.exponents(1.5, 1e308, f, false));
        assertEquals("beta", e.parameter());
        assertEquals("beta: 1.0E308 is out of range (expected a number in (0, 1e100])", e.getMessage());
        assertEquals("nu", assertThrows(InvalidInputException.class, () -> THEORY.exponents(1e308, 0.8, f, false))
                .parameter());
        // at the limit every exponent is finite and at its beta -> inf value
        ExponentsResult r = THEORY.exponents(1e100, 1e100, f, false);
        r.terms().values().forEach(x -> assertTrue(Double.isFinite(x.exponent()) && Double.isFinite(x.paperValue()),
                x.toString()));
        assertEquals(1.0, r.terms().get(Term.TIME).exponent(), 1e-15);
        assertTrue(Double.isFinite(r.computeOptimal().loss()));
    }
}
