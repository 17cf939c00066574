package org.iclscale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The value and the valid range are kept apart for structured adapters; the message format is unchanged. */
class InvalidInputExceptionTest {

    @Test
    void valueAndValidRangeSeparateFromAnUnchangedMessage() {
        InvalidInputException e = new InvalidInputException("alpha", -1.0, "a number > 0, or inf");
        assertEquals("alpha: -1.0 is out of range (expected a number > 0, or inf)", e.getMessage());
        assertEquals("--alpha: -1.0 is out of range (expected a number > 0, or inf)", e.message("--alpha"));
        assertEquals("alpha", e.parameter());
        assertEquals(Optional.of("-1.0"), e.value());
        assertEquals(Optional.of("a number > 0, or inf"), e.validRange());
    }

    @Test
    void aFreeTextErrorHasNeither() {
        InvalidInputException e = new InvalidInputException("spectrum", "line 3: expected 2 columns");
        assertEquals("spectrum: line 3: expected 2 columns", e.getMessage());
        assertTrue(e.value().isEmpty());
        assertTrue(e.validRange().isEmpty());
    }

    @Test
    void theParsersReportTheTextAsGiven() {
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> Inputs.parseDouble("nu", " 1.5x ", "a number > 1"));
        assertEquals(Optional.of("1.5x"), e.value());
        assertEquals(Optional.of("a number > 1"), e.validRange());
    }
}
