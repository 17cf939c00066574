package org.iclscale.plot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.iclscale.io.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report: tables of fields and columns, embedded PNG charts, linked images, escaping. */
class HtmlReportTest {

    @TempDir
    Path dir;

    @Test
    void writesTablesEmbeddedAndLinkedFigures() throws Exception {
        Report r = new Report("iso <optimum>").put("alpha", 0.5).put("method", "closed form")
                .column("depth", new double[] {1, 2}).column("loss", new double[] {2.0 / 3, 16.0 / 27}).note("a & b");
        Plot p = new Plot("loss", "L", "loss").line("alpha = 0.5", new double[] {1, 2}, new double[] {2.0 / 3, 16.0 / 27});
        Path img = p.writePng(dir.resolve("figs/fig.png"));
        Path html = new HtmlReport("ICLScale tour").heading("ISO").paragraph("x < y").table(r).plot(p, "embedded")
                .image(img, "linked").write(dir.resolve("report.html"));
        String s = Files.readString(html);
        assertTrue(s.startsWith("<!DOCTYPE html>"));
        assertTrue(s.contains("iso &lt;optimum&gt;") && s.contains("x &lt; y") && s.contains("a &amp; b"));
        assertTrue(s.contains("<th>alpha</th><td>0.5</td>"), s);
        assertTrue(s.contains("<td>0.6666666667</td>"), "column values with 10 significant digits");
        assertTrue(s.contains("src=\"data:image/png;base64,iVBOR"), "embedded PNG");
        assertTrue(s.contains("src=\"figs/fig.png\""), "image linked relative to the page");
        assertTrue(s.strip().endsWith("</html>"));
    }

    @Test
    void truncatesLongTables() {
        double[] x = new double[50];
        Report r = new Report("long").column("x", x);
        String s = new HtmlReport("t").table(r, 10).render(null);
        assertTrue(s.contains("40 more rows"), s);
    }
}
