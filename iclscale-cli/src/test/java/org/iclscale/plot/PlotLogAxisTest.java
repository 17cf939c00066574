package org.iclscale.plot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** A log axis spanning less than two decades labels 1..9 x 10^k (decade-only labels would leave it bare). */
class PlotLogAxisTest {

    @Test
    void narrowLogRangesGetIntermediateLabels() {
        XYChart narrow = new Plot("t", "x", "y").logX(true).logY(true)
                .line("a", new double[] {0.1, 100}, new double[] {0.9, 0.13}).chart();
        assertFalse(narrow.getStyler().isYAxisLogarithmicDecadeOnly());
        assertTrue(narrow.getStyler().isXAxisLogarithmicDecadeOnly());
        XYChart wide = new Plot("t", "x", "y").logY(true)
                .line("a", new double[] {1, 2}, new double[] {1, 1e-4}).chart();
        assertTrue(wide.getStyler().isYAxisLogarithmicDecadeOnly());
    }
}
