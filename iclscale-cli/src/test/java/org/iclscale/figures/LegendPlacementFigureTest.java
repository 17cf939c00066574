package org.iclscale.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iclscale.plot.Chart;
import org.iclscale.plot.LegendPlacement;
import org.junit.jupiter.api.Test;

/** Fig. 7b: the α = 0.10 curve's plateau runs along the top right, where the figure asks for the legend. */
class LegendPlacementFigureTest {

    @Test
    void fig7bLegendLeavesTheAlphaPlateauFree() {
        Chart b = PaperFigures.build("7", PaperFigures.Options.THEORY_ONLY).panels().stream()
                .filter(p -> p.name().equals("fig7b")).findFirst().orElseThrow().chart();
        assertEquals("upper right", b.legend());
        String placed = LegendPlacement.of(b);
        assertNotEquals("upper right", placed);
        // the plateau lies under the requested corner; the chosen one holds at most a curve's edge (the legend box
        // is estimated a little larger than drawn), a twentieth of it
        double own = LegendPlacement.covered(b, "upper right");
        double chosen = LegendPlacement.covered(b, placed);
        assertTrue(chosen < own / 20, placed + ": " + chosen + " vs upper right " + own);
    }
}
