package org.iclscale.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The legend goes to the inside corner with the least data, the chart's own corner first among equals. */
class LegendPlacementTest {

    private static Chart chart(String legend, boolean log, Chart.Series... s) {
        Chart.Axis x = log ? Chart.Axis.log("t", "$t$", 1, 1e4) : Chart.Axis.linear("t", "$t$", 0, 1);
        Chart.Axis y = log ? Chart.Axis.log("y", "$y$", 1e-3, 1) : Chart.Axis.linear("y", "$y$", 0, 1);
        return new Chart("p", "(a)", x, y, List.of(s), legend);
    }

    private static Chart.Series line(String name, double[] x, double[] y) {
        return new Chart.Series(name, "$" + name + "$", Chart.Kind.THEORY, Chart.Line.SOLID, "#000000", x, y, null,
                true);
    }

    @Test
    void aDecreasingCurveKeepsTheUpperRightFree() {
        // y = 1 - x from the upper left to the lower right: upper right and lower left are free
        Chart c = chart("upper right", false, line("a", new double[] {0, 1}, new double[] {1, 0}));
        assertEquals("upper right", LegendPlacement.of(c));
        assertEquals("lower left", LegendPlacement.of(chart("lower left", false,
                line("a", new double[] {0, 1}, new double[] {1, 0}))));
    }

    @Test
    void aPlateauAlongTheTopMovesTheLegendDown() {
        // a plateau at y = 0.95 over the whole width (like Fig. 7b's alpha = 0.10) and a curve along the bottom on
        // the left rising to 0.5 on the right: only the lower right is free
        Chart c = chart("upper right", false, line("a", new double[] {0, 1}, new double[] {0.95, 0.95}),
                line("b", new double[] {0, 0.4, 1}, new double[] {0.05, 0.05, 0.5}));
        assertEquals("lower right", LegendPlacement.of(c));
        assertTrue(LegendPlacement.covered(c, "upper right") > 0);
        assertTrue(LegendPlacement.covered(c, "lower left") > 0);
        assertEquals(0.0, LegendPlacement.covered(c, "lower right"));
    }

    @Test
    void markersOnLogAxesCountInAxisCoordinates() {
        // markers at the lower left on log axes (t = 2..5, y = 1e-3..2e-3) and a line along the right edge
        double[] mx = {2, 3, 5};
        double[] my = {1.2e-3, 1.5e-3, 2e-3};
        Chart.Series m = new Chart.Series("SGD", "SGD", Chart.Kind.EXPERIMENT, Chart.Line.MARKER, "#000000", mx, my,
                new double[] {1e-4, 1e-4, 1e-4}, true);
        Chart.Series l = line("L = 1", new double[] {9e3, 9e3}, new double[] {1e-3, 1});
        Chart c = chart("lower left", true, m, l);
        assertEquals("upper left", LegendPlacement.of(c));
        double[] box = LegendPlacement.box(c);
        assertTrue(LegendPlacement.covered(LegendPlacement.samples(c), "lower left", box[0], box[1]) > 0);
    }

    @Test
    void nonCornerLocationsAreKept() {
        Chart c = chart("outside", false, line("a", new double[] {0, 1}, new double[] {1, 1}));
        assertEquals("outside", LegendPlacement.of(c));
        assertEquals("upper right", LegendPlacement.of(chart("best", false,
                line("a", new double[] {0, 1}, new double[] {0, 0}))));
    }

    @Test
    void amongFreeCornersTheOneWithMostClearanceWins() {
        // Fig. 4c with --simulate: a plateau just below the estimated upper-right box (drawn, the legend reaches it)
        // and an empty lower left: both are free at the estimate, the lower left has the clearance
        double h = LegendPlacement.box(chart("upper right", false, line("a", new double[] {0, 1}, new double[] {0, 0}),
                line("b", new double[] {0, 1}, new double[] {0, 0})))[1];
        double plateau = 1 - 1.2 * h; // under the box enlarged by 1.25, not under the estimate
        Chart c = chart("upper right", false, line("a", new double[] {0.3, 1}, new double[] {plateau, plateau}),
                line("b", new double[] {0, 0.3}, new double[] {0.95, plateau}));
        double[] box = LegendPlacement.box(c);
        assertEquals(0.0, LegendPlacement.covered(LegendPlacement.samples(c), "upper right", box[0], box[1]));
        assertEquals(0.0, LegendPlacement.covered(c, "lower left"));
        assertEquals("lower left", LegendPlacement.of(c));
    }

    @Test
    void whenNoCornerIsFreeTheLegendGoesOutside() {
        // an X through the frame and a line across the middle: every corner's box holds data
        Chart c = chart("upper right", false, line("a", new double[] {0, 1}, new double[] {0, 1}),
                line("b", new double[] {0, 1}, new double[] {1, 0}));
        for (String k : LegendPlacement.CORNERS) {
            assertTrue(LegendPlacement.covered(c, k) > LegendPlacement.OUTSIDE_FRACTION * LegendPlacement.totalWeight(c), k);
        }
        assertEquals("outside", LegendPlacement.of(c));
        // one diagonal only: the two corners off it are free and the legend stays inside
        assertEquals("upper left", LegendPlacement.of(chart("upper left", false,
                line("a", new double[] {0, 1}, new double[] {0, 1}))));
    }
}
