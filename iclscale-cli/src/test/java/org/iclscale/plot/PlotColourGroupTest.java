package org.iclscale.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.Color;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** {@link Plot#colourGroup}: theory and simulation of one depth share a colour, different depths do not. */
class PlotColourGroupTest {

    private static final double[] X = {1, 2, 3};
    private static final double[] Y = {3, 2, 1};

    @Test
    void seriesOfOneGroupShareTheirColour() {
        Plot p = new Plot("t", "x", "y");
        for (int l : new int[] {1, 4}) {
            p.colourGroup("L = " + l).line("theory " + l, X, Y).dashed("finite " + l, X, Y)
                    .markers("sgd " + l, X, Y, new double[] {0.1, 0.1, 0.1});
        }
        p.colourGroup(null).line("alone", X, Y).guide("guide", -1, 1, 1, 1, 3);
        XYChart c = p.chart();
        Color one = c.getSeriesMap().get("theory 1").getLineColor();
        assertEquals(one, c.getSeriesMap().get("finite 1").getLineColor());
        assertEquals(one, c.getSeriesMap().get("sgd 1").getMarkerColor());
        Color four = c.getSeriesMap().get("theory 4").getLineColor();
        assertEquals(four, c.getSeriesMap().get("sgd 4").getMarkerColor());
        assertNotEquals(one, four);
        Color alone = c.getSeriesMap().get("alone").getLineColor();
        assertNotEquals(one, alone);
        assertNotEquals(four, alone);
        assertEquals(Color.DARK_GRAY, c.getSeriesMap().get("guide").getLineColor());
    }
}
