package org.iclscale.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@value ChartFiles#RUNNER}'s ticks_only_in_view (issue 17): an axis with the runner's tick update draws the
 * same pixels as with matplotlib's own, at the PDF's 72 and the PNG's 200 dpi, on log axes whose locator returns
 * ticks outside the view (a decade below, two above) and on linear ones, while making fewer Tick objects; the
 * second tick update inside each Axis.draw and Axis.get_tightbbox returns the first one's ticks (a wrong list moves
 * the axis labels and fails the test).
 */
class MatplotlibRunnerTicksTest {

    /** Draws one figure with the given tick update and prints, per dpi, a digest of its pixels, then the ticks made. */
    private static final String CHECK = String.join("\n",
            "import hashlib, sys",
            "import matplotlib",
            "matplotlib.use('Agg')",
            "from matplotlib import axis",
            "original = axis.Axis._update_ticks",
            "sys.argv = ['runner']",
            "exec(compile(open(RUNNER).read(), 'runner', 'exec'), {'__name__': 'runner'})",
            "import matplotlib.pyplot as plt",
            "replaced = axis.Axis._update_ticks",
            "if replaced is original:",
            "    print('not replaced'); sys.exit(0)",
            "def draw(update):",
            "    axis.Axis._update_ticks = update",
            "    fig, axes = plt.subplots(1, 2, figsize=(4.6, 3.5))",
            "    a, b = axes",
            "    a.plot([0.7, 3e4], [1e-5, 15.0]); a.set_xscale('log'); a.set_yscale('log')",
            "    a.set_xlim(0.603, 41500.0); a.set_ylim(9.87e-6, 19.4); a.set_xlabel('$t$')",
            "    b.plot([0.0, 1.0], [0.25, 0.5]); b.set_xlim(-0.05, 1.07); b.set_ylim(0.2, 0.55); b.set_yscale('log')",
            "    fig.tight_layout()",
            "    digests = []",
            "    for dpi in (72, 200):",
            "        fig.set_dpi(dpi); fig.canvas.draw()",
            "        digests.append(hashlib.sha256(bytes(fig.canvas.buffer_rgba())).hexdigest())",
            "    made = sum(len(x.majorTicks) + len(x.minorTicks) for ax in axes for x in (ax.xaxis, ax.yaxis))",
            "    plt.close(fig)",
            "    return digests, made",
            "(d0, made0), (d1, made1) = draw(original), draw(replaced)",
            "print('same' if d0 == d1 else 'differ', 'fewer' if made1 < made0 else 'not fewer', made0, made1)");

    @Test
    void drawsTheSamePixelsWithFewerTicks(@TempDir Path dir) throws Exception {
        String python = ChartFiles.python();
        assumeTrue(python != null, "no python3 with matplotlib");
        Path runner = dir.resolve(ChartFiles.RUNNER);
        try (InputStream in = ChartFiles.class.getResourceAsStream(ChartFiles.RUNNER)) {
            Files.write(runner, in.readAllBytes());
        }
        String code = "RUNNER = " + pythonString(runner.toString()) + "\n" + CHECK;
        Process p = new ProcessBuilder(python, "-c", code).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        String last = out.lines().reduce((a, b) -> b).orElse("");
        assumeTrue(!last.equals("not replaced"), "this matplotlib is not the one the runner's tick update replicates");
        assertEquals("same fewer", last.replaceAll(" \\d+ \\d+$", ""), out);
    }

    private static String pythonString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
