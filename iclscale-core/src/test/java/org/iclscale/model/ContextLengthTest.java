package org.iclscale.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.iclscale.core.Extent;
import org.iclscale.core.InvalidInputException;
import org.junit.jupiter.api.Test;

/** A context given as an integer length P comes back exactly as P = αD; other products are left alone. */
class ContextLengthTest {

    @Test
    void integerContextIsExact() {
        for (int d : new int[] {49, 100, 256, 1000}) {
            int missed = 0;
            for (int p = 1; p <= 5000; p++) {
                double product = ((double) p / d) * d; // what alpha * D gives without the rounding
                if (product != p) {
                    missed++;
                }
                ModelSpec spec = ModelSpec.rrs(PowerLaw.of(1.5, 0.8, d)).contextLength(Extent.of(p)).build();
                assertEquals(p, spec.contextLength(), 0, "D = " + d + ", P = " + p);
                assertEquals((double) p / d, spec.alpha().value(), 0);
            }
            if (d == 49 || d == 100) {
                // the case the rounding is for: (1/49)*49 = 0.9999999999999999
                assertEquals(true, missed > 0, "D = " + d + " has quotients that miss P by an ulp");
            }
        }
    }

    @Test
    void nonIntegerProductIsUnchanged() {
        ModelSpec spec = ModelSpec.rrs(PowerLaw.of(1.5, 0.8, 10)).alpha(0.25).build();
        assertEquals(2.5, spec.contextLength(), 0);
        ModelSpec third = ModelSpec.rrs(PowerLaw.of(1.5, 0.8, 7)).alpha(1.0 / 3).build();
        assertEquals(7.0 / 3, third.contextLength(), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, ModelSpec.rrs(PowerLaw.of(1.5, 0.8, 7)).contextLength(Extent.INFINITE)
                .build().contextLength());
    }

    @Test
    void contextLengthNeedsFiniteModes() {
        assertThrows(InvalidInputException.class,
                () -> ModelSpec.rrs(new Continuum(1.5, 0.8)).contextLength(Extent.of(10)).build());
    }
}
