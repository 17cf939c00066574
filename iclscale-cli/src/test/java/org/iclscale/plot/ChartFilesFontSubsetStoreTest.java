package org.iclscale.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The font subsets the runner keeps in the build's cache ({@link ChartFiles#pdfs(String, List, List, Path, Path)},
 * issue 17) give the PDFs of a run without them: the same bytes when the store is filled, when it is read and when
 * there is none (the creation date aside, which differs between any two runs); and the PNGs are the same bytes.
 */
class ChartFilesFontSubsetStoreTest {

    @TempDir
    Path dir;

    private static Chart chart(String panel) {
        double[] x = new double[30];
        double[] y = new double[30];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.pow(10, -1 + 5 * i / 29.0);
            y[i] = 0.2 + 0.8 / (1 + Math.sqrt(x[i]));
        }
        return new Chart.Builder(panel, "(a)", Chart.Axis.log("t", "t", 0.1, 1e4), Chart.Axis.log("Loss", "\\mathcal{L}(t)", 0.1, 1.05))
                .line("theory", "\\gamma = 0.5", Chart.Kind.THEORY, Chart.Line.SOLID, "#ad1759", x, y).build();
    }

    /** Writes the panel into its own folder and runs matplotlib there with {@code cache} (null: none). */
    private byte[][] draw(String python, String folder, Path cache) throws Exception {
        Path d = Files.createDirectories(dir.resolve(folder));
        Chart c = chart("p");
        ChartFiles.write(c, d, "--out", true);
        ChartFiles.PdfResult r = ChartFiles.pdfs(python, List.of(d.resolve("p.py")), List.of(c), d, cache);
        assertEquals(List.of(d.resolve("p.pdf")), r.pdfs(), r.note());
        String pdf = new String(Files.readAllBytes(d.resolve("p.pdf")), StandardCharsets.ISO_8859_1)
                .replaceAll("/CreationDate \\(D:[^)]*\\)", "");
        return new byte[][] {pdf.getBytes(StandardCharsets.ISO_8859_1), Files.readAllBytes(d.resolve("p.png"))};
    }

    @Test
    void storedSubsetsGiveTheSamePdfs() throws Exception {
        String python = ChartFiles.python();
        assumeTrue(python != null, "no python3 with matplotlib");
        Path cache = dir.resolve("cache");
        byte[][] none = draw(python, "none", null);
        byte[][] filled = draw(python, "filled", cache);
        Path store = cache.resolve(ChartFiles.FONT_SUBSETS);
        long entries;
        try (Stream<Path> s = Files.list(store)) {
            entries = s.filter(p -> p.toString().endsWith(".subset")).count();
        }
        assertTrue(entries >= 1, "the run kept its font subsets");
        byte[][] read = draw(python, "read", cache);
        for (byte[][] other : List.of(filled, read)) {
            assertArrayEquals(none[0], other[0], "PDF");
            assertArrayEquals(none[1], other[1], "PNG");
        }
        try (Stream<Path> s = Files.list(store)) {
            assertEquals(entries, s.count(), "read, not written again; no temporary file left");
        }
    }
}
