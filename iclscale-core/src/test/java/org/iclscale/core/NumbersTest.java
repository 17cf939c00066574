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
}
