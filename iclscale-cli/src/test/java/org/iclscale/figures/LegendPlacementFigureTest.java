package org.iclscale.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iclscale.plot.Chart;
import org.iclscale.plot.LegendPlacement;
import org.junit.jupiter.api.Test;

/**
 * Fig. 7b: the α = 0.10 curve's plateau runs along the top right, where the figure asks for the legend, and every
 * other corner holds part of a curve.
 */
class LegendPlacementFigureTest {

    @Test
    void fig7bLegendLeavesTheAlphaPlateauFree() {
        Chart b = PaperFigures.build("7", PaperFigures.Options.THEORY_ONLY).panels().stream()
                .filter(p -> p.name().equals("fig7b")).findFirst().orElseThrow().chart();
        assertEquals("upper right", b.legend());
        String placed = LegendPlacement.of(b);
        assertNotEquals("upper right", placed);
        // inside, the chosen corner may hold at most a curve's edge; matplotlib's 6-entry legend drawn lower left
        // touches the alpha = 1.6 line (1 % of the data under the estimated box), so the legend goes outside
        assertEquals("outside", placed);
        assertTrue(LegendPlacement.covered(b, "lower left") < LegendPlacement.covered(b, "upper right") / 5);
    }
}
