package org.iclscale.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A panel written with its PNG left to matplotlib ({@link ChartFiles#write(Chart, Path, String, boolean)}) has no
 * stale PNG, and {@link ChartFiles#pdfs(String, List, List, Path)} gives it XChart's PNG (the bytes of the eager
 * route) when python is missing or the run fails, and keeps a PNG the script did write.
 */
class ChartFilesDeferredPngTest {

    @TempDir
    Path dir;

    private static Chart chart(String panel) {
        double[] x = new double[30];
        double[] y = new double[30];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.pow(10, -1 + 5 * i / 29.0);
            y[i] = 0.2 + 0.8 / (1 + Math.sqrt(x[i]));
        }
        return new Chart.Builder(panel, "(a)", Chart.Axis.log("t", "t", 0.1, 1e4), Chart.Axis.log("Loss", "Loss", 0.1, 1.05))
                .line("theory", "theory", Chart.Kind.THEORY, Chart.Line.SOLID, "#ad1759", x, y).build();
    }

    private byte[] eagerPng(Chart c) throws Exception {
        Path eager = Files.createDirectories(dir.resolve("eager"));
        ChartFiles.write(c, eager, "--out");
        return Files.readAllBytes(eager.resolve(c.panel() + ".png"));
    }

    @Test
    void deferredPngIsRemovedThenDrawnByXChartWithoutPython() throws Exception {
        Chart c = chart("p");
        Path png = dir.resolve("p.png");
        Files.writeString(png, "stale");
        List<Path> files = ChartFiles.write(c, dir, "--out", true);
        assertEquals(png, files.get(0), "the PNG's path is still listed first");
        assertFalse(Files.exists(png), "no stale PNG before matplotlib runs");
        ChartFiles.PdfResult r = ChartFiles.pdfs(null, List.of(dir.resolve("p.py")), List.of(c), dir);
        assertTrue(r.pdfs().isEmpty());
        assertTrue(r.note().contains("1 PNG(s) drawn by XChart"), r.note());
        assertArrayEquals(eagerPng(c), Files.readAllBytes(png));
    }

    @Test
    void failedRunGetsXChartsPngAndAWrittenPngIsKept() throws Exception {
        Chart failed = chart("q");
        Chart done = chart("r");
        ChartFiles.write(failed, dir, "--out", true);
        ChartFiles.write(done, dir, "--out", true);
        Files.writeString(dir.resolve("r.png"), "written by the script");
        // a python that fails at once: no script runs
        ChartFiles.PdfResult r = ChartFiles.pdfs("false", List.of(dir.resolve("q.py"), dir.resolve("r.py")),
                List.of(failed, done), dir);
        assertTrue(r.note().startsWith("PDFs not written"), r.note());
        assertArrayEquals(eagerPng(failed), Files.readAllBytes(dir.resolve("q.png")));
        assertEquals("written by the script", Files.readString(dir.resolve("r.png")));
    }

    /** With matplotlib installed: the runner (shared mathtext parses and font subsets) writes PNG and PDF, fonts embedded. */
    @Test
    void matplotlibWritesPngAndPdfWithEmbeddedFonts() throws Exception {
        String python = ChartFiles.python();
        assumeTrue(python != null, "no python3 with matplotlib");
        Chart a = chart("s");
        Chart b = chart("u");
        ChartFiles.write(a, dir, "--out", true);
        ChartFiles.write(b, dir, "--out", true);
        ChartFiles.PdfResult r = ChartFiles.pdfs(python, List.of(dir.resolve("s.py"), dir.resolve("u.py")),
                List.of(a, b), dir);
        assertEquals(List.of(dir.resolve("s.pdf"), dir.resolve("u.pdf")), r.pdfs(), r.note());
        assertFalse(r.note().contains("XChart"), r.note());
        for (String panel : List.of("s", "u")) {
            byte[] png = Files.readAllBytes(dir.resolve(panel + ".png"));
            assertEquals((byte) 0x89, png[0]);
            assertFalse(java.util.Arrays.equals(eagerPng(a), png), "matplotlib's PNG, not XChart's");
            String pdf = new String(Files.readAllBytes(dir.resolve(panel + ".pdf")), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(pdf.contains("/FontFile2"), panel + ".pdf embeds its TrueType fonts");
        }
    }

    /** The runner collects garbage less often than python's default (700 objects) and freezes the imported modules. */
    @Test
    void runnerCollectsGarbageLessOften() throws Exception {
        String python = ChartFiles.python();
        assumeTrue(python != null, "no python3 with matplotlib");
        Path script = dir.resolve("gcprobe.py");
        Files.writeString(script, "import gc, os\n"
                + "open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'gc.txt'), 'w').write("
                + "'%d %d' % (gc.get_threshold()[0], gc.get_freeze_count()))\n");
        ChartFiles.pdfs(python, List.of(script), List.of(), dir);
        String[] seen = Files.readString(dir.resolve("gc.txt")).split(" ");
        assertEquals("20000", seen[0], "generation-0 threshold");
        assertTrue(Integer.parseInt(seen[1]) > 0, "the imported modules are frozen");
    }
}
