package org.iclscale.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A publication panel's letter sits top left outside the frame, as in matplotlib's and pgfplots' sources (and the
 * paper), not as a centred title: dark pixels above the frame occur only left of its first fifth.
 */
class PlotPanelLetterTest {

    @Test
    void theLetterIsDrawnTopLeftOutsideTheFrame() {
        Chart c = new Chart("p", "(c)", Chart.Axis.linear("t", "$t$", 0, 1), Chart.Axis.linear("y", "$y$", 0, 1),
                List.of(new Chart.Series("a", "$a$", Chart.Kind.THEORY, Chart.Line.SOLID, "#000000",
                        new double[] {0, 1}, new double[] {1, 0}, null, true)), "upper right");
        Plot.TickedChart chart = (Plot.TickedChart) Plot.of(c).chart();
        BufferedImage img = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        chart.paint(g, chart.getWidth(), chart.getHeight());
        g.dispose();
        Rectangle2D f = chart.frame();
        int minX = Integer.MAX_VALUE;
        int maxX = -1;
        int dark = 0;
        for (int y = 0; y < (int) f.getY() - 1; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int lum = ((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255);
                if (lum < 3 * 100) {
                    dark++;
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                }
            }
        }
        assertTrue(dark > 20, "no letter above the frame (" + dark + " dark pixels)");
        assertTrue(maxX < f.getX() + 0.2 * f.getWidth(), "letter reaches x = " + maxX + ", frame " + f);
        assertTrue(minX >= 0);
        assertEquals(" ", chart.getTitle(), "the centred title only keeps the room");
    }

    @Test
    void anOutsideLegendWidensTheChartNotTheFrame() {
        Chart.Series a = new Chart.Series("a", "$a$", Chart.Kind.THEORY, Chart.Line.SOLID, "#000000",
                new double[] {0, 1}, new double[] {1, 0}, null, true);
        Chart inside = new Chart("p", "(a)", Chart.Axis.linear("t", "$t$", 0, 1), Chart.Axis.linear("y", "$y$", 0, 1),
                List.of(a), "upper right");
        Chart outside = new Chart("p", "(a)", inside.x(), inside.y(), List.of(a), "outside");
        Plot.TickedChart in = paint((Plot.TickedChart) Plot.of(inside).chart());
        Plot.TickedChart out = paint((Plot.TickedChart) Plot.of(outside).chart());
        assertTrue(out.getWidth() > in.getWidth());
        // the legend's width is LegendPlacement's estimate: the frames agree within 2 % (without the widening the
        // outside frame is narrower by the whole legend, ~15 %)
        assertEquals(in.frame().getWidth(), out.frame().getWidth(), 0.02 * in.frame().getWidth());
    }

    private static Plot.TickedChart paint(Plot.TickedChart chart) {
        BufferedImage img = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        chart.paint(g, chart.getWidth(), chart.getHeight());
        g.dispose();
        return chart;
    }
}
