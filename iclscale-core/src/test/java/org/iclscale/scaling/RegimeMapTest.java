package org.iclscale.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The regime diagram against the boundaries derived by hand from formulas/scaling-exponents.m (paper-notes §3.3, §3.5). */
class RegimeMapTest {

    private static double[] grid(double a, double b, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a + (b - a) * i / (n - 1);
        }
        return x;
    }

    @Test
    void boundariesAreWhereTheHandDerivationPutsThem() {
        RegimeMap map = RegimeMap.of(grid(1.05, 3, 12), grid(0.13, 3.9, 17));
        List<RegimeMap.Boundary> b = map.boundaries();
        // width floor saturates at s/p = beta = m = 1; the context floor at beta = 2 (notes §3.5)
        for (RegimeMap.Boundary x : b) {
            switch (x.term()) {
                case WIDTH -> assertEquals(1, x.beta(), 1e-9, x.toString());
                case CONTEXT -> assertEquals(2, x.beta(), 1e-9, x.toString());
                case FS_TIME -> {
                    // paper beta/(nu + nu beta + 1) = nu beta/(nu beta + 2 nu + 1)  <=>  nu (nu - 1)(1 + beta) = 1
                    assertEquals(RegimeMap.Kind.PAPER_CROSSES, x.kind());
                    assertEquals(1, x.nu() * (x.nu() - 1) * (1 + x.beta()), 1e-9, x.toString());
                }
                default -> throw new AssertionError("unexpected boundary " + x);
            }
        }
        assertEquals(12, b.stream().filter(x -> x.term() == Term.WIDTH && x.kind() == RegimeMap.Kind.SATURATION).count());
        assertEquals(12, b.stream().filter(x -> x.term() == Term.CONTEXT && x.kind() == RegimeMap.Kind.PAPER_DIFFERS).count());
        assertTrue(b.stream().anyMatch(x -> x.term() == Term.FS_TIME), "the FS-time crossing curve is found");
    }

    @Test
    void pointsCarryTheirCategory() {
        RegimeMap map = RegimeMap.of(new double[] {1.5}, new double[] {0.5, 1.5, 3});
        List<RegimeMap.Point> p = map.points();
        assertEquals("saturated: none; paper wrong: fsTime", p.get(0).category());
        assertEquals("saturated: width; paper wrong: width, fsTime", p.get(1).category());
        assertEquals("saturated: width, context; paper wrong: width, context, fsTime", p.get(2).category());
        assertFalse(p.get(2).saturated().contains(Term.TIME), "exponential filters never saturate");
    }
}
