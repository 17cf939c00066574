package org.iclscale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestNameTest {

    private static final List<String> NAMES = List.of("isoOptimalLoss", "isoOptimalGamma", "isoLoss", "alpha", "L",
            "Sin", "fsModeLoss");

    @Test
    void suggestsTheClosestNameForTyposTranspositionsAndCase() {
        assertEquals("isoOptimalLoss", NearestName.nearest("isoOptimalLos", NAMES));
        assertEquals("isoOptimalLoss", NearestName.nearest("isoOptimlaLoss", NAMES));
        assertEquals("alpha", NearestName.nearest("alpah", NAMES));
        assertEquals("Sin", NearestName.nearest("sin", NAMES));
        assertEquals("fsModeLoss", NearestName.nearest("fsmodeloss", NAMES));
    }

    @Test
    void nothingWhenFarOffOrAlreadyKnownOrOneLetter() {
        assertNull(NearestName.nearest("rrsLoss", NAMES));
        assertNull(NearestName.nearest("alpha", NAMES));
        assertNull(NearestName.nearest("q", NAMES), "one letter is never corrected into another");
        assertNull(NearestName.nearest("", NAMES));
    }
}
