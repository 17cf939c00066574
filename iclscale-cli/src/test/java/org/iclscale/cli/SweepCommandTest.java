package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.iclscale.core.Depth;
import org.iclscale.io.CsvTable;
import org.iclscale.theory.IsoModel;
import org.junit.jupiter.api.Test;

/** {@code sweep}: header, stable order, equality with single runs, lists/ranges, errors naming the point. */
class SweepCommandTest {

    @Test
    void csvHeaderThenRowsInRowMajorOrder() {
        CliHarness.Run r = CliHarness.run("sweep", "--threads", "3", "optimum", "--alpha", "0.5,1,2", "--depth", "1:4:lin:4");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(13, lines.size());
        assertTrue(lines.get(0).startsWith("alpha,depth,"), lines.get(0));
        for (String key : new String[] {"gamma", "loss", "excessLoss", "closedFormLoss"}) {
            assertTrue(List.of(lines.get(0).split(",")).contains(key), key);
        }
        CsvTable t = CsvTable.parse(r.out(), "sweep");
        double[] alphas = {0.5, 1, 2};
        int k = 0;
        for (double a : alphas) {
            for (int l = 1; l <= 4; l++, k++) {
                assertEquals(a, t.number(k, t.index("alpha", "")), 0);
                assertEquals(l, t.number(k, t.index("depth", "")), 0);
                // each point is the verb's own computation: the closed form of paper-notes §3.1
                assertEquals(IsoModel.optimalNoiselessLoss(a, Depth.of(l)), t.number(k, t.index("loss", "")), 1e-12);
            }
        }
    }

    @Test
    void parallelOutputEqualsSerialOutputAndSingleRuns() {
        String[] args = {"risk", "--alpha", "0.25:4:log:5", "--depth", "1,3", "--gamma", "0.3,0.6", "--sigma", "0.5"};
        CliHarness.Run serial = CliHarness.run(concat(new String[] {"sweep", "--threads", "1"}, args));
        CliHarness.Run parallel = CliHarness.run(concat(new String[] {"sweep", "--threads", "4"}, args));
        assertEquals(0, serial.code(), serial.err());
        assertEquals(serial.out(), parallel.out());
        CsvTable t = CsvTable.parse(serial.out(), "sweep");
        assertEquals(20, t.rows());
        // row 7 = alpha index 1 (0.5), depth 3, gamma 0.6: same as a direct run (picocli resets options per point)
        CliHarness.Run single = CliHarness.run("risk", "--alpha", "0.5", "--depth", "3", "--gamma", "0.6", "--sigma", "0.5",
                "--format", "json");
        assertEquals(0.5, t.number(7, t.index("alpha", "")), 0);
        assertEquals(0.6, t.number(7, t.index("gamma", "")), 0);
        assertEquals(single.json().get("loss").asDouble(), t.number(7, t.index("loss", "")), 0);
    }

    @Test
    void omittedOptionsKeepTheirDefaultsAtEveryPoint() {
        // the first point sets --sigma, the fixed part does not: defaults must come back for every point
        CliHarness.Run r = CliHarness.run("sweep", "optimum", "--depth", "1,2", "--alpha", "1");
        CsvTable t = CsvTable.parse(r.out(), "sweep");
        assertEquals(0, t.number(0, t.index("sigma", "")), 0);
        assertEquals(0, t.number(1, t.index("sigma", "")), 0);
    }

    @Test
    void jsonLinesOnePerPointWithTheSweptValues() throws Exception {
        CliHarness.Run r = CliHarness.run("sweep", "--format", "json", "optimum", "--alpha", "1,2", "--depth", "2");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size());
        JsonNode second = new ObjectMapper().readTree(lines.get(1));
        assertEquals(2.0, second.get("alpha").asDouble(), 0);
        assertTrue(second.has("loss") && second.has("gamma") && second.has("method"));
    }

    @Test
    void curvesGiveOneRowPerCurvePoint() {
        CliHarness.Run r = CliHarness.run("sweep", "dynamics", "--alpha", "1", "--depth", "1,2", "--no-expand", "--times",
                "--times", "1,10,100");
        assertEquals(2, r.code(), "--no-expand is a sweep option and must come before the verb");
        r = CliHarness.run("sweep", "--no-expand", "--times", "dynamics", "--alpha", "1", "--depth", "1,2", "--times", "1,10,100");
        assertEquals(0, r.code(), r.err());
        CsvTable t = CsvTable.parse(r.out(), "sweep");
        assertEquals(6, t.rows());
        assertEquals(List.of("depth", "time", "gamma", "loss"), t.header().subList(0, 4));
        assertEquals(0.5, t.number(2, t.index("loss", "")), 1e-9); // L = 1, α = 1 reaches 1/(1+α) by t = 100
    }

    @Test
    void badListIsExitTwoNamingTheOption() {
        CliHarness.Run r = CliHarness.run("sweep", "optimum", "--alpha", "1:2:cubic:3");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--alpha") && r.err().contains("a:b:lin:n"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void failingPointIsNamedAndStopsTheSweep() {
        CliHarness.Run r = CliHarness.run("sweep", "optimum", "--alpha", "1,-1,2");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("point 2 of 3 (--alpha -1)") && r.err().contains("--alpha"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.out().lines().count() <= 2, "header and the first point at most");
    }

    @Test
    void unknownVerbOrOptionIsBadInput() {
        CliHarness.Run r = CliHarness.run("sweep", "nosuchverb", "--alpha", "1,2");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("optimum"), r.err());
        r = CliHarness.run("sweep", "optimum", "--nosuch", "1,2");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--nosuch"), r.err());
        r = CliHarness.run("sweep", "--format", "xml", "optimum", "--alpha", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--format"), r.err());
    }

    @Test
    void fieldsSelectsColumns() {
        CliHarness.Run r = CliHarness.run("sweep", "--fields", "loss,gamma", "optimum", "--alpha", "1,2");
        assertEquals(0, r.code(), r.err());
        assertEquals("alpha,gamma,loss", r.out().lines().findFirst().orElseThrow());
        r = CliHarness.run("sweep", "--fields", "nosuch", "optimum", "--alpha", "1,2");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--fields"), r.err());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = new String[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
