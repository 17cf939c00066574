package org.iclscale.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.iclscale.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The compute-optimal exponents of paper-notes §5.3 (numerical table, [DERIVED]) from the tail-sum rule. */
class ComputeOptimalTest {

    /** Rows of the notes §5.3 table: ν, β, (a) 𝓛 t* N* L*, (b) 𝓛 t* N*=P* L*, (c) 𝓛. Tolerance: 4-digit rounding. */
    @ParameterizedTest
    @CsvSource({
        "1.25, 0.75, 0.1402, 0.5140, 0.1495, 0.1869, 0.1079, 0.3957, 0.1151, 0.1439, 0.2000",
        "1.25, 1.0,  0.1786, 0.5357, 0.1429, 0.1786, 0.1389, 0.4167, 0.1111, 0.1389, 0.2500",
        "1.5,  0.8,  0.1558, 0.5455, 0.1299, 0.1948, 0.1237, 0.4330, 0.1031, 0.1546, 0.2264",
        "1.75, 0.5,  0.1077, 0.5385, 0.1231, 0.2154, 0.0864, 0.4321, 0.0988, 0.1728, 0.1643",
        "2.0,  0.5,  0.1111, 0.5556, 0.1111, 0.2222, 0.0909, 0.4545, 0.0909, 0.1818, 0.1724"})
    void notesTable(double nu, double beta, double aLoss, double aT, double aN, double aL, double bLoss, double bT,
            double bN, double bL, double cLoss) {
        ExponentTable table = new ExponentTable(nu, beta);
        ComputeOptimal a = ComputeOptimal.of(table, ComputeFormula.parse("--compute", "t*N^2*L"));
        assertEquals(aLoss, a.loss(), 5e-5);
        assertEquals(aT, a.resources().get('t'), 5e-5);
        assertEquals(aN, a.resources().get('N'), 5e-5);
        assertEquals(aL, a.resources().get('L'), 5e-5);
        assertEquals(0, a.resources().get('P'));
        // consistency (notes): t* + 2N* + L* = 1, and L* ∝ N*^ν for β ≤ 1
        assertEquals(1, a.resources().get('t') + 2 * a.resources().get('N') + a.resources().get('L'), 1e-12);
        assertEquals(nu, a.depthPerWidth(), 1e-12);
        ComputeOptimal b = ComputeOptimal.of(table, ComputeFormula.parse("--compute", ComputeFormula.DEFAULT));
        assertEquals(bLoss, b.loss(), 5e-5);
        assertEquals(bT, b.resources().get('t'), 5e-5);
        assertEquals(bN, b.resources().get('N'), 5e-5);
        assertEquals(bN, b.resources().get('P'), 5e-5);
        assertEquals(bL, b.resources().get('L'), 5e-5);
        ComputeOptimal c = ComputeOptimal.of(table, ComputeFormula.parse("--compute", "t*N^2*L"), Term.FULL_ATTENTION_TIME);
        assertEquals(cLoss, c.loss(), 5e-5);
    }

    /** Closed forms of notes §5.3 (a), (b), (d) and §7.3's C = N t, at random (ν, β) with β ≤ 1. */
    @Test
    void closedForms() {
        java.util.Random rnd = new java.util.Random(5);
        for (int i = 0; i < 50; i++) {
            double nu = 1.05 + 2 * rnd.nextDouble();
            double beta = 0.05 + 0.9 * rnd.nextDouble();
            ExponentTable table = new ExponentTable(nu, beta);
            double a = ComputeOptimal.of(table, ComputeFormula.parse("c", "t*N^2*L")).loss();
            assertEquals(nu * beta / ((3 + beta) * nu + 2), a, 1e-12);
            double b = ComputeOptimal.of(table, ComputeFormula.parse("c", "t*P^2*N^2*L")).loss();
            assertEquals(nu * beta / ((3 + beta) * nu + 4), b, 1e-12);
            ComputeOptimal d = ComputeOptimal.of(table, ComputeFormula.parse("c", "L*t"));
            assertEquals(beta / (3 + beta), d.loss(), 1e-12);
            // L ~ t^{1/(2+β)}
            assertEquals(1 / (2 + beta), d.resources().get('L') / d.resources().get('t'), 1e-12);
            double c = ComputeOptimal.of(table, ComputeFormula.parse("c", "t*N^2*L"), Term.FULL_ATTENTION_TIME).loss();
            assertEquals(5 * nu * beta / (5 * nu * beta + 7 * nu + 10), c, 1e-12);
        }
    }

    /** β > 1: the width exponent saturates at ν, so L* ∝ N*^{ν/β} (notes §5.3 last line). */
    @Test
    void saturatedWidth() {
        ExponentTable table = new ExponentTable(1.5, 1.6);
        assertTrue(table.saturated(Term.WIDTH));
        ComputeOptimal a = ComputeOptimal.of(table, ComputeFormula.parse("c", "t*N^2*L"));
        assertEquals(1.5 / 1.6, a.depthPerWidth(), 1e-12);
    }

    @Test
    void parser() {
        ComputeFormula f = ComputeFormula.parse("--compute", " t * N^(3/2) *L^0.5");
        assertEquals(Map.of('t', 1.0, 'N', 1.5, 'L', 0.5), f.powers());
        assertEquals("t*width^((3/2))*depth^((1/2))", f.mathematica());
        for (String bad : new String[] {"", "t*N^-2", "t*x", "t*t", "t**N", "t*N^0", "2*t", "t+N"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> ComputeFormula.parse("--compute", bad));
            assertTrue(e.getMessage().contains("--compute"), e.getMessage());
        }
    }
}
