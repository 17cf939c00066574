package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plot}: PNG/SVG from a CSV file and from an in-process sweep; guides; bad input. */
class PlotCommandTest {

    @TempDir
    Path dir;

    private static void assertPng(Path p) throws Exception {
        byte[] b = Files.readAllBytes(p);
        assertTrue(b.length > 1000, p + " is " + b.length + " bytes");
        assertEquals("PNG", new String(b, 1, 3, StandardCharsets.US_ASCII));
    }

    private static void assertSvg(Path p) throws Exception {
        String s = Files.readString(p);
        assertTrue(s.contains("<svg") && s.strip().endsWith("</svg>"), p.toString());
    }

    @Test
    void plotsASweepDirectlyWithSeriesAndLogAxis() throws Exception {
        Path out = dir.resolve("optima");
        CliHarness.Run r = CliHarness.run("plot", "--x", "alpha", "--y", "loss", "--series", "depth", "--log", "x",
                "--out", out.toString(), "--format", "json", "--", "sweep", "optimum", "--alpha", "0.25:4:log:9",
                "--depth", "1,4");
        assertEquals(0, r.code(), r.err());
        assertEquals(2, r.json().get("curves").asInt());
        assertEquals(18, r.json().get("rows").asInt());
        assertPng(dir.resolve("optima.png"));
        assertSvg(dir.resolve("optima.svg"));
        assertTrue(Files.readString(dir.resolve("optima.svg")).contains("<path"), "curves drawn");
    }

    @Test
    void plotsACsvFileWithASymbolicGuideSlope() throws Exception {
        Path csv = dir.resolve("d.csv");
        CliHarness.Run d = CliHarness.run("dynamics", "--setting", "rrs", "--nu", "1.5", "--beta", "0.8", "--dim", "64",
                "--depth", "8", "--times", "1,10,100,1000", "--format", "csv");
        assertEquals(0, d.code(), d.err());
        Files.writeString(csv, d.out());
        Path png = dir.resolve("flow.png");
        CliHarness.Run r = CliHarness.run("plot", "--in", csv.toString(), "--x", "time", "--log", "xy", "--guide-slope",
                "-beta/(2+beta)", "--var", "beta=0.8", "--out", png.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.json().get("guides").get(0).asText().contains("-0.2857"), r.out());
        assertPng(png);
        assertTrue(!Files.exists(dir.resolve("flow.svg")), "only the requested format");
    }

    /** Issue 14/18: log-log data spanning less than a decade crashed inside Java2D (an empty tick label). */
    @Test
    void logLogPlotOfLessThanADecadeWritesItsImages() throws Exception {
        Path csv = dir.resolve("narrow.csv");
        Files.writeString(csv, "t,loss\n1,0.5\n1.5,0.42\n2,0.35\n");
        CliHarness.Run r = CliHarness.run("plot", "--in", csv.toString(), "--x", "t", "--log", "xy", "--out",
                dir.resolve("narrow").toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertSvg(dir.resolve("narrow.svg"));
        assertPng(dir.resolve("narrow.png"));
        r = CliHarness.run("plot", "--in", csv.toString(), "--x", "t", "--log", "xy", "--out",
                dir.resolve("single.png").toString());
        assertEquals(0, r.code(), r.err());
        assertPng(dir.resolve("single.png"));
    }

    @Test
    void badInputIsExitTwo() throws Exception {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "a,b\n1,2\n2,3\n");
        CliHarness.Run r = CliHarness.run("plot", "--in", csv.toString(), "--x", "a", "--y", "nosuch", "--out",
                dir.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--y") && r.err().contains("nosuch") && r.err().contains("a, b"), r.err());
        r = CliHarness.run("plot", "--in", csv.toString(), "--x", "a", "--y", "b", "--guide-slope", "-q/2",
                "--out", dir.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--guide-slope") && r.err().contains("unknown variable 'q'"), r.err());
        r = CliHarness.run("plot", "--in", csv.toString(), "--x", "a", "--y", "b", "--guide-slope", "-Min[1, 1/0]",
                "--out", dir.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--guide-slope") && r.err().contains("division by zero"), r.err());
        for (String bad : new String[] {"beta", "=0.8", "beta=x"}) {
            r = CliHarness.run("plot", "--in", csv.toString(), "--x", "a", "--y", "b", "--guide-slope", "-beta", "--var", bad,
                    "--out", dir.resolve("x").toString());
            assertEquals(2, r.code(), bad);
            assertTrue(r.err().contains("--var"), r.err());
        }
        r = CliHarness.run("plot", "--x", "a", "--out", dir.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--in"), r.err());
        r = CliHarness.run("plot", "--in", dir.resolve("missing.csv").toString(), "--x", "a", "--out", dir.resolve("x").toString());
        assertEquals(2, r.code());
        r = CliHarness.run("plot", "--in", csv.toString(), "--x", "a", "--y", "b", "--log", "z", "--out", dir.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--log"), r.err());
    }
}
