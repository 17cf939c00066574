package org.iclscale.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.BitmapEncoder;

/**
 * A publication chart's PNG written through memory ({@link PngEncoding}, what {@link Plot#writePng} does) has the
 * bytes of XChart's {@code BitmapEncoder.saveBitmapWithDPI} (the former route), for a log-log chart with markers,
 * a legend and a panel letter.
 */
class PngEncodingTest {

    @TempDir
    Path dir;

    @Test
    void bytesAreXChartsSaveBitmapWithDpi() throws Exception {
        double[] x = new double[40];
        double[] y = new double[40];
        double[] z = new double[40];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.pow(10, -1 + 6 * i / 39.0);
            y[i] = 0.2 + 0.8 / (1 + Math.sqrt(x[i]));
            z[i] = 0.3 + 0.7 * Math.exp(-x[i] / 50);
        }
        Chart c = new Chart.Builder("p", "(a)", Chart.Axis.log("t", "t", 0.1, 1e5), Chart.Axis.log("Loss", "Loss", 0.1, 1.05))
                .legend("upper right")
                .line("theory", "theory", Chart.Kind.THEORY, Chart.Line.SOLID, "#ad1759", x, y)
                .line("guide", "guide", Chart.Kind.GUIDE, Chart.Line.DASHED, "#e13342", x, z).build();
        Plot p = Plot.of(c);
        Path ours = p.writePng(dir.resolve("ours.png"));
        Path former = dir.resolve("former.png");
        BitmapEncoder.saveBitmapWithDPI(p.chart(), former.toString(), BitmapEncoder.BitmapFormat.PNG, Plot.PNG_DPI);
        assertArrayEquals(Files.readAllBytes(former), Files.readAllBytes(ours));
    }
}
