package org.iclscale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumbersTest {

    /** Three former copies of this formatter printed 9223372036854775807 for 1e20 (a long cast). */
    @Test
    void compactText() {
        assertEquals("64", Numbers.compact(64));
        assertEquals("-3", Numbers.compact(-3));
        assertEquals("0.25", Numbers.compact(0.25));
        assertEquals("1.0E20", Numbers.compact(1e20));
        assertEquals("999999999999999", Numbers.compact(999_999_999_999_999.0));
        assertEquals("1.0E15", Numbers.compact(1e15));
        assertEquals("inf", Numbers.compact(Double.POSITIVE_INFINITY));
        assertEquals("1e20", Extent.of(1e20).toString().toLowerCase(java.util.Locale.ROOT).replace(".0", ""));
    }

    /** Notes quote numbers with 6 significant digits (the flat-minimum note printed 1.6972323102552025, 1.0E-10). */
    @Test
    void proseText() {
        assertEquals("1.69723", Numbers.prose(1.6972323102552025));
        assertEquals("11.194", Numbers.prose(11.194001826109744));
        assertEquals("1e-10", Numbers.prose(1e-10));
        assertEquals("2.5e7", Numbers.prose(2.5e7));
        assertEquals("123457", Numbers.prose(123456.7));
        assertEquals("1.23457e6", Numbers.prose(1234567));
        assertEquals("0.000125", Numbers.prose(1.25e-4));
        assertEquals("-3", Numbers.prose(-3));
        assertEquals("0", Numbers.prose(0));
        assertEquals("inf", Numbers.prose(Double.POSITIVE_INFINITY));
    }

    /** Messages never print NaN or Infinity (issue 18 contract): non-finite values in words. */
    @Test
    void nonFiniteInWords() {
        assertEquals("undefined (an indeterminate form such as 0/0)", Numbers.nonFinite(Double.NaN));
        assertEquals("overflows to +inf", Numbers.nonFinite(Double.POSITIVE_INFINITY));
        assertEquals("overflows to -inf", Numbers.nonFinite(Double.NEGATIVE_INFINITY));
        assertEquals("0.5", Numbers.nonFinite(0.5));
        org.iclscale.check.Sample s = org.iclscale.check.Sample.real(Double.NaN);
        assertEquals("not a finite number: undefined (an indeterminate form such as 0/0)", s.failure());
    }
}
