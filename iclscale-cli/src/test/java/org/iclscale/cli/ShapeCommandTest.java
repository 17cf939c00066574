package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ShapeCommandTest {

    @Test
    void shapeJson() {
        CliHarness.Run run = CliHarness.run("shape", "--nu", "1.25", "--beta", "0.75", "--compute", "1e12", "--format", "json");
        assertEquals(0, run.code(), run.err());
        JsonNode j = run.json();
        for (String k : new String[] {"nu", "beta", "computeFormula", "compute", "width", "depth", "context", "time", "loss", "excessLoss", "method"}) {
            assertTrue(j.has(k), k);
        }
        assertTrue(j.get("width").isIntegralNumber() && j.get("depth").isIntegralNumber());
        double c = j.get("time").asDouble() * Math.pow(j.get("context").asDouble(), 2) * Math.pow(j.get("width").asDouble(), 2)
                * j.get("depth").asDouble();
        assertEquals(1e12, c, 1e3);
    }

    /** --exact: the exact single-bottleneck terms at the shape, each below 1 and summing to the reported sum. */
    @Test
    void exactTerms() {
        CliHarness.Run run = CliHarness.run("shape", "--nu", "1.25", "--beta", "0.75", "--compute", "1e9", "--exact", "--dim", "48",
                "--format", "json");
        assertEquals(0, run.code(), run.err());
        JsonNode e = run.json().get("exactTerms");
        double sum = e.get("timeDepthLoss").asDouble() + e.get("widthFloor").asDouble() + e.get("contextFloor").asDouble();
        assertEquals(sum, e.get("sum").asDouble(), 1e-12);
        for (String k : new String[] {"timeDepthLoss", "widthFloor", "contextFloor"}) {
            assertTrue(e.get(k).asDouble() > 0 && e.get(k).asDouble() < 1, k);
        }
    }

    /** Frontier slopes vs the Lagrange exponents (notes §5.3 (a) at nu = 1.25, beta = 0.75: 0.1402, L* 0.1869). */
    @Test
    void frontier() {
        CliHarness.Run run = CliHarness.run("shape", "--nu", "1.25", "--beta", "0.75", "--compute-formula", "t*N^2*L",
                "--compute-range", "1e8:1e20:log:4", "--format", "json");
        assertEquals(0, run.code(), run.err());
        JsonNode j = run.json();
        assertEquals(0.1402, j.get("fittedSlopes").get("loss").asDouble(), 1e-3);
        assertEquals(0.1869, j.get("fittedSlopes").get("depth").asDouble(), 1e-3);
        assertEquals(j.get("computeOptimal").get("width").asDouble(), j.get("fittedSlopes").get("width").asDouble(), 1e-4);
    }

    /** --exact: the exact block (integer optimum, its loss <= the exact loss at the four-term shape, method). */
    @Test
    void exactBlock() {
        CliHarness.Run run = CliHarness.run("shape", "--nu", "1.5", "--beta", "0.8", "--compute", "1e6",
                "--compute-formula", "t*N^2*L", "--exact", "--dim", "64", "--format", "json");
        assertEquals(0, run.code(), run.err());
        JsonNode j = run.json();
        assertEquals(64, j.get("dim").asInt());
        JsonNode e = j.get("exact");
        for (String k : new String[] {"width", "depth", "context", "time", "loss", "excessLoss", "fourTermShapeLoss",
            "evaluations", "skipped", "atBound", "method"}) {
            assertTrue(e.has(k), k);
        }
        assertTrue(e.get("width").isIntegralNumber() && e.get("depth").isIntegralNumber());
        assertEquals("inf", e.get("context").asText());
        assertTrue(e.get("width").asInt() <= 64);
        assertTrue(e.get("loss").asDouble() <= e.get("fourTermShapeLoss").asDouble());
        double c = e.get("time").asDouble() * Math.pow(e.get("width").asDouble(), 2) * e.get("depth").asDouble();
        assertEquals(1e6, c, 1e-6);
        assertTrue(e.get("method").asText().contains("one-point density"), e.get("method").asText());
    }

    /** --exact with --compute-range: exact columns, slopes and fit window (C = L t, notes 5.3 (d): beta/(3+beta)). */
    @Test
    void exactFrontier() {
        CliHarness.Run run = CliHarness.run("shape", "--nu", "1.5", "--beta", "0.8", "--compute-formula", "L*t",
                "--compute-range", "1e3:1e5:log:3", "--exact", "--format", "json");
        assertEquals(0, run.code(), run.err());
        JsonNode j = run.json();
        for (String k : new String[] {"exactLoss", "exactTime", "exactDepth", "exactFittedSlopes", "exactLastSlopes",
            "fitWindow", "exactMethod", "computeOptimal", "exactAtBound"}) {
            assertTrue(j.has(k), k);
        }
        assertEquals(0.8 / 3.8, j.get("computeOptimal").get("loss").asDouble(), 1e-12);
        assertEquals(0.8 / 3.8, j.get("exactFittedSlopes").get("loss").asDouble(), 0.01);
        assertEquals(1e5, j.get("fitWindow").get(1).asDouble(), 0);
        assertEquals(3, j.get("exactAtBound").size());
    }

    /** Finite context without a width bottleneck: the full-width two-point contour. */
    @Test
    void exactContext() {
        CliHarness.Run run = CliHarness.run("shape", "--nu", "1.5", "--beta", "0.8", "--compute", "1e5",
                "--compute-formula", "t*P^2*L", "--exact", "--dim", "64", "--format", "json");
        assertEquals(0, run.code(), run.err());
        JsonNode e = run.json().get("exact");
        assertEquals("inf", e.get("width").asText());
        assertTrue(e.get("context").isIntegralNumber());
        assertTrue(e.get("loss").asDouble() <= e.get("fourTermShapeLoss").asDouble());
        assertTrue(e.get("method").asText().contains("two-point contour"), e.get("method").asText());
    }

    @Test
    void badExactInput() {
        CliHarness.Run r = CliHarness.run("shape", "--nu", "1.5", "--beta", "0.8", "--compute", "1e6", "--exact", "--dim", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--dim"), r.err());
        r = CliHarness.run("shape", "--nu", "1.5", "--beta", "0.8", "--compute", "1e6", "--exact", "--compute-formula", "N^2*P");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--compute-formula"), r.err());
        assertEquals(2, CliHarness.run("shape", "--nu", "1.5", "--beta", "0.8", "--compute", "1e6", "--exact", "--dim", "x").code());
    }

    @Test
    void badInput() {
        assertEquals(2, CliHarness.run("shape", "--nu", "1.25", "--beta", "0.75").code());
        CliHarness.Run r = CliHarness.run("shape", "--nu", "1.25", "--beta", "0.75", "--compute", "1e9", "--compute-formula", "t*Q");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--compute-formula"), r.err());
        assertEquals(2, CliHarness.run("shape", "--nu", "1.25", "--beta", "0.75", "--compute-range", "1e8:1e4:log:4").code());
        assertEquals(2, CliHarness.run("shape", "--nu", "1.25", "--beta", "0.75", "--compute", "0.5").code());
    }
}
