package org.iclscale.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The long CSV writes numbers as the one compact text (core Numbers.compact), not a copy of it. */
class LongCsvNumberTest {

    @Test
    void integralValuesLargeValuesAndInfinity() {
        assertEquals("64", LongCsv.number(64));
        assertEquals("0.25", LongCsv.number(0.25));
        assertEquals("1.0E20", LongCsv.number(1e20), "no long cast (9223372036854775807)");
        assertEquals("inf", LongCsv.number(Double.POSITIVE_INFINITY), "the one spelling of infinity");
    }
}
