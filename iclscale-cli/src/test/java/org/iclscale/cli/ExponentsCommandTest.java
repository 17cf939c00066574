package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExponentsCommandTest {

    @Test
    void jsonKeysAndNotesTable() {
        CliHarness.Run run = CliHarness.run("exponents", "--nu", "1.25", "--beta", "0.75", "--compute", "t*N^2*L", "--format", "json");
        assertEquals(0, run.code(), run.err());
        JsonNode j = run.json();
        for (String k : new String[] {"time", "depth", "width", "context", "fsTime", "fullAttentionTime", "computeOptimal", "nu", "beta"}) {
            assertTrue(j.has(k), k);
        }
        JsonNode co = j.get("computeOptimal");
        for (String k : new String[] {"loss", "time", "width", "depth", "context"}) {
            assertTrue(co.has(k), k);
        }
        // paper-notes §5.3 (a), nu = 1.25, beta = 0.75: 0.1402 0.5140 0.1495 0.1869
        assertEquals(0.1402, co.get("loss").asDouble(), 5e-5);
        assertEquals(0.5140, co.get("time").asDouble(), 5e-5);
        assertEquals(0.1495, co.get("width").asDouble(), 5e-5);
        assertEquals(0.1869, co.get("depth").asDouble(), 5e-5);
        assertEquals(0, co.get("context").asDouble());
        assertEquals("nu", co.get("depthPerWidthExpression").asText());
        assertTrue(j.get("table").get("fsTime").get("differsFromPaper").asBoolean());
        assertEquals("beta/(2 + beta)", j.get("table").get("time").get("expression").asText());
    }

    @Test
    void badInput() {
        CliHarness.Run bad = CliHarness.run("exponents", "--nu", "1.25", "--beta", "0.75", "--compute", "t*N^-2", "--numeric-only");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--compute") && bad.err().contains("t*N^-2"), bad.err());
        assertEquals(2, CliHarness.run("exponents", "--nu", "0.9", "--beta", "0.75", "--numeric-only").code());
        assertEquals(2, CliHarness.run("exponents", "--nu", "1.5", "--beta", "-1", "--numeric-only").code());
    }

    @Test
    void threePairsFitInOneHundredColumnsAndFortyLines() {
        // issue 15 "must show": one row per (nu, beta) pair, a '*' after values that differ from the paper
        CliHarness.Run run = CliHarness.run("exponents", "--nu", "1.3,1.7,2.2", "--beta", "1.3");
        assertEquals(0, run.code(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.size() <= 40, lines.size() + " lines");
        for (String l : lines) {
            assertTrue(l.length() <= 100, l.length() + " columns: " + l);
        }
        List<String> rows = lines.stream().filter(l -> l.matches("^(1\\.3|1\\.7|2\\.2)\\s+1\\.3\\s.*")).toList();
        assertEquals(3, rows.size(), run.out());
        // width at beta = 1.3 >= 1 saturates: nu, not the paper's nu*beta; FS time always differs; time never
        assertTrue(rows.get(0).contains("1.3000*") && rows.get(0).contains("0.3195*"), rows.get(0));
        assertTrue(rows.get(2).contains("2.2000*"), rows.get(2));
        assertFalse(rows.get(0).contains("0.3939*"), rows.get(0));
        assertTrue(run.out().contains("Min[beta*nu,nu]"), "the general width exponent nu*min(beta, 1)");
    }

    @Test
    void onePairIsARowPerResourceWithTheColumnsOfTheIssue() {
        CliHarness.Run run = CliHarness.run("exponents", "--nu", "1.25", "--beta", "0.75", "--compute", "t*N^2*L");
        assertEquals(0, run.code(), run.err());
        String out = run.out();
        assertTrue(out.contains("resource") && out.contains("exponent") && out.contains("expression")
                && out.contains("regime / condition") && out.contains("paper") && out.contains("differs"), out);
        for (String label : new String[] {"time t", "depth L", "width N", "context P", "FS time t", "full-attn time t",
            "C: loss", "C: time t*", "C: width N*", "C: depth L*", "C: context P*"}) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith("  " + label + " ")), label + " row missing: " + out);
        }
        String fs = out.lines().filter(l -> l.startsWith("  FS time t")).findFirst().orElseThrow();
        assertTrue(fs.contains("yes"), fs);
        String co = out.lines().filter(l -> l.startsWith("  C: loss")).findFirst().orElseThrow();
        assertTrue(co.contains("0.1402"), co);
        assertTrue(out.lines().allMatch(l -> l.length() <= 100), out);
    }

    @Test
    void listsAndRangesGiveOneEntryPerPairWithTheSingleValues() {
        CliHarness.Run json = CliHarness.run("exponents", "--nu", "1.25,1.5", "--beta", "0.5:2:lin:4", "--numeric-only",
                "--format", "json");
        assertEquals(0, json.code(), json.err());
        JsonNode pairs = json.json().get("pairs");
        assertEquals(8, pairs.size());
        JsonNode last = pairs.get(7);
        assertEquals(1.5, last.get("nu").asDouble());
        assertEquals(2.0, last.get("beta").asDouble());
        JsonNode single = CliHarness.run("exponents", "--nu", "1.5", "--beta", "2", "--numeric-only", "--format", "json").json();
        for (String k : new String[] {"time", "depth", "width", "context", "fsTime", "fullAttentionTime"}) {
            assertEquals(single.get(k).asDouble(), last.get(k).asDouble(), 0, k);
        }
        assertEquals(single.get("computeOptimal").get("loss").asDouble(), last.get("computeOptimal").get("loss").asDouble(), 0);
        CliHarness.Run csv = CliHarness.run("exponents", "--nu", "1.25,1.5", "--beta", "0.5:2:lin:4", "--numeric-only",
                "--format", "csv");
        List<String> lines = csv.out().lines().toList();
        assertEquals(9, lines.size(), csv.out());
        assertTrue(lines.get(0).startsWith("nu,beta,time,depth,width,context,fsTime"), lines.get(0));
        assertEquals(2, CliHarness.run("exponents", "--nu", "1.25,1.5", "--beta", "1", "--verify").code());
        assertEquals(2, CliHarness.run("exponents", "--nu", "1.25,0.9", "--beta", "1", "--numeric-only").code());
    }

    @TempDir
    Path dir;

    /** Compiles the TeX tables with pdflatex when it and booktabs are installed (skipped otherwise, saying so). */
    @Test
    void texTablesCompileWithPdflatex() throws Exception {
        assumeTrue(onPath("pdflatex"), "pdflatex not installed: TeX compile check skipped (Debian texlive-latex-base)");
        assumeTrue(hasStyle("booktabs.sty"), "booktabs.sty not installed: TeX compile check skipped (texlive-latex-recommended)");
        String three = CliHarness.run("exponents", "--nu", "1.3,1.7,2.2", "--beta", "1.3", "--format", "tex").out();
        String one = CliHarness.run("exponents", "--nu", "1.3", "--beta", "1.3", "--format", "tex").out();
        assertTrue(three.contains("\\toprule") && three.contains("^{\\dagger}") && three.contains("$\\nu$"), three);
        assertTrue(one.contains("\\frac{\\beta}{2 + \\beta}") && one.contains("\\bottomrule"), one);
        for (String[] doc : new String[][] {{"three", three}, {"one", one}}) {
            Path tex = dir.resolve(doc[0] + ".tex");
            Files.writeString(tex, "\\documentclass{article}\n\\usepackage{booktabs}\n\\begin{document}\n" + doc[1]
                    + "\n\\end{document}\n");
            Process p = new ProcessBuilder("pdflatex", "-interaction=nonstopmode", "-halt-on-error", tex.getFileName().toString())
                    .directory(dir.toFile()).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pdflatex timed out");
            assertEquals(0, p.exitValue(), log);
            assertTrue(Files.size(dir.resolve(doc[0] + ".pdf")) > 1000);
            assertFalse(log.contains("Overfull \\hbox"), "the table is wider than the text: " + log);
        }
    }

    private static boolean onPath(String program) {
        try {
            Process p = new ProcessBuilder(program, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean hasStyle(String file) {
        try {
            Process p = new ProcessBuilder("kpsewhich", file).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void regimeDiagramWritesDataAndAPlot() throws Exception {
        Path base = dir.resolve("regimes");
        CliHarness.Run run = CliHarness.run("exponents", "--nu", "1.1:3:lin:8", "--beta", "0.2:3.8:lin:10",
                "--regime-diagram", base.toString(), "--format", "json");
        assertEquals(0, run.code(), run.err());
        List<String> data = Files.readAllLines(dir.resolve("regimes.csv"));
        assertEquals(1 + 80, data.size());
        assertTrue(data.get(0).startsWith("nu,beta,timeSaturated"), data.get(0));
        List<String> boundaries = Files.readAllLines(dir.resolve("regimes-boundaries.csv"));
        List<String> width = boundaries.stream().filter(l -> l.startsWith("width,saturation,")).toList();
        assertEquals(8, width.size(), boundaries.toString());
        for (String l : width) {
            assertEquals(1, Double.parseDouble(l.substring(l.lastIndexOf(',') + 1)), 1e-9, "the width floor saturates at beta = 1");
        }
        assertTrue(Files.size(dir.resolve("regimes.png")) > 5000);
        assertTrue(Files.exists(dir.resolve("regimes.svg")));
        JsonNode j = run.json();
        assertEquals(8, j.get("nuPoints").asInt());
        assertTrue(j.get("categories").size() >= 3, j.toString());
    }
}
