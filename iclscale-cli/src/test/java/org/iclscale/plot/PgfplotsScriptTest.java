package org.iclscale.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pgfplots source of a panel whose curve leaves a linear axis by forty orders of magnitude (Fig. 2a's
 * L = 32 landscape beyond the stability edge reaches 3e40 on the axis 0..1.01): pgfplots would map it to a TeX
 * dimension beyond 16,000 pt and stop with "Missing number, treated as zero". The linear axis clamps, the log
 * axis does not; where pdflatex and pgfplots are installed (CI stage 0), the source compiles.
 */
class PgfplotsScriptTest {

    private static Chart offScale() {
        double[] xs = {0, 0.25, 0.5, 0.75, 1};
        double[] ys = {1, 0.6, 0.5, 3e3, 3.4e40};
        return new Chart.Builder("offscale", "(a)", Chart.Axis.linear("γ / L", "$\\gamma / L$", -0.05, 1.05),
                Chart.Axis.linear("loss", "$\\mathcal{L}$", 0, 1.01))
                .line("L = 32", "$L = 32$", Chart.Kind.THEORY, Chart.Line.SOLID, "#35193e", xs, ys).build();
    }

    @Test
    void linearAxesClampFarOffScaleValuesLogAxesDoNot() {
        String tex = PgfplotsScript.of(offScale());
        assertTrue(tex.contains("restrict y to domain*={-20.2}:{21.21}"), tex);
        assertTrue(tex.contains("restrict x to domain*={-22.05}:{23.05}"), tex);
        Chart log = new Chart.Builder("log", "", Chart.Axis.log("t", "$t$", 1, 1e4),
                Chart.Axis.log("loss", "$\\mathcal{L}$", 1e-3, 1)).build();
        assertFalse(PgfplotsScript.of(log).contains("restrict"));
    }

    @Test
    void compilesWithPdflatexWhereInstalled(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(new File("/usr/bin/pdflatex").canExecute(), "pdflatex not installed");
        Chart c = offScale();
        Files.writeString(dir.resolve("offscale.tex"), PgfplotsScript.of(c), StandardCharsets.UTF_8);
        try (Writer w = Files.newBufferedWriter(dir.resolve("offscale.long.csv"), StandardCharsets.UTF_8)) {
            LongCsv.write(c, w);
        }
        Process p = new ProcessBuilder("pdflatex", "-interaction=nonstopmode", "-halt-on-error", "offscale.tex")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile())
                .start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pdflatex did not finish in 120 s");
        String log = Files.readString(dir.resolve("out.log"), StandardCharsets.UTF_8);
        assumeTrue(!log.contains("pgfplots.sty' not found"), "pgfplots not installed");
        assertEquals(0, p.exitValue(), log);
        assertTrue(Files.size(dir.resolve("offscale.pdf")) > 0);
    }
}
