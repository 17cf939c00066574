package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** CLI wiring of FS/RRS in risk, optimum, landscape, dynamics: values, JSON keys, exit codes. */
class StructuredVerbsCliTest {

    private static final String[] FIG3 = {"--setting", "fs", "--nu", "1.25", "--beta", "1.25", "--dim", "128"};
    private static final String[] FIG4 = {"--setting", "rrs", "--nu", "1.5", "--beta", "0.8", "--dim", "64"};

    private static JsonNode ok(String... args) {
        CliHarness.Run r = CliHarness.run(args);
        assertEquals(0, r.code(), r.err());
        return r.json();
    }

    private static String[] cat(String[] a, String... b) {
        String[] c = new String[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void fsDynamicsReproducesFigure3CurveAndModes() {
        JsonNode j = ok(cat(cat(new String[] {"dynamics"}, FIG3), "--depth", "inf", "--times", "0,1,10,100,1000,10000,100000",
                "--convention", "appendix-d", "--modes", "1,2,4", "--format", "json"));
        double[] expected = {1, 0.41805, 0.19891, 0.09760, 0.04782, 0.02337, 0.01136};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], j.get("loss").get(i).asDouble(), 6e-6);
        }
        for (String key : new String[] {"time", "gamma", "loss", "excessLoss", "gammaMode1", "gammaMode2", "gammaMode4",
            "convention", "method", "nu", "beta", "dim", "width", "rule"}) {
            assertTrue(j.has(key), key);
        }
        // ODE route gives the same numbers
        JsonNode o = ok(cat(cat(new String[] {"dynamics"}, FIG3), "--depth", "4", "--times", "1,100",
                "--modes", "2", "--solver", "ode", "--format", "json"));
        JsonNode e = ok(cat(cat(new String[] {"dynamics"}, FIG3), "--depth", "4", "--times", "1,100",
                "--modes", "2", "--format", "json"));
        assertEquals(e.get("gammaMode2").get(1).asDouble(), o.get("gammaMode2").get(1).asDouble(), 1e-9);
        assertEquals(e.get("loss").get(1).asDouble(), o.get("loss").get(1).asDouble(), 1e-10);
    }

    @Test
    void rrsDynamicsTiedUntiedAndFullAttention() {
        JsonNode tied = ok(cat(cat(new String[] {"dynamics"}, FIG4), "--depth", "4", "--times", "1,10,100", "--format", "json"));
        assertEquals(0.484, tied.get("gamma").get(0).asDouble(), 6e-4); // notes §3.4 table
        assertEquals(0.1008, tied.get("loss").get(2).asDouble(), 6e-5);
        JsonNode untied = ok(cat(cat(new String[] {"dynamics"}, FIG4), "--depth", "4", "--times", "1,10,100", "--rule",
                "untied", "--format", "json"));
        assertEquals(tied.get("gamma").get(2).asDouble(), untied.get("gamma").get(2).asDouble(), 1e-8);
        assertTrue(untied.get("layerSpread").get(2).asDouble() < 1e-10);
        JsonNode full = ok(cat(cat(new String[] {"dynamics"}, FIG4), "--depth", "4", "--times", "10,100000", "--rule",
                "full-attention", "--init", "0.2", "--format", "json"));
        assertEquals(5.951, full.get("gamma").get(1).asDouble(), 2e-3);
        assertEquals(0.2, full.get("init").asDouble(), 0);
        // appendix-d time t is half time 2t
        JsonNode d = ok(cat(cat(new String[] {"dynamics"}, FIG4), "--depth", "4", "--times", "5", "--convention",
                "appendix-d", "--format", "json"));
        JsonNode h = ok(cat(cat(new String[] {"dynamics"}, FIG4), "--depth", "4", "--times", "10", "--format", "json"));
        assertEquals(h.get("gamma").get(0).asDouble(), d.get("gamma").get(0).asDouble(), 1e-10);
    }

    @Test
    void riskAtTimeAndOptimum() {
        JsonNode fs = ok(cat(cat(new String[] {"risk"}, FIG3), "--depth", "inf", "--time", "10", "--convention", "appendix-d",
                "--format", "json"));
        assertEquals(0.19891, fs.get("loss").asDouble(), 6e-6);
        assertTrue(fs.has("gammaMode1") && fs.has("excessLoss") && fs.has("method"));
        JsonNode rrs = ok(cat(cat(new String[] {"risk"}, FIG4), "--depth", "16", "--time", "1000", "--format", "json"));
        assertEquals(7.923, rrs.get("gamma").asDouble(), 6e-4);
        assertEquals(0.0523, rrs.get("loss").asDouble(), 6e-5);
        JsonNode opt = ok(cat(cat(new String[] {"optimum"}, FIG4), "--depth", "8", "--format", "json"));
        assertEquals(13.216, opt.get("gamma").asDouble(), 6e-4);
        assertEquals(0.03346, opt.get("loss").asDouble(), 6e-6);
        JsonNode r3 = ok("optimum", "--setting", "fs", "--nu", "1.5", "--beta", "0.8", "--dim", "64", "--depth", "4",
                "--sigma", "0.5", "--format", "json");
        assertEquals(0.25, r3.get("loss").asDouble(), 0);
        assertEquals(0.0, r3.get("excessLoss").asDouble(), 0);
        assertEquals(4.0, r3.get("gammaModes").get(0).asDouble(), 1e-15);
        assertEquals(0.25 + 0.06453, r3.get("isotropicLoss").asDouble(), 6e-6); // σ² included
        JsonNode inf = ok(cat(cat(new String[] {"optimum"}, FIG4), "--depth", "inf", "--format", "json"));
        assertEquals("inf", inf.get("gamma").asText());
        assertEquals(0.0, inf.get("loss").asDouble(), 0);
    }

    @Test
    void landscapeForRrs() {
        JsonNode j = ok(cat(cat(new String[] {"landscape"}, FIG4), "--depth", "2", "--points", "50", "--format", "json"));
        assertEquals(50, j.get("loss").size());
        assertEquals(2.0, j.get("stabilityEdgePerLayer").asDouble(), 1e-15);
    }

    /** --continuum (D = ∞): the RRS time slope is β/(2+β) and γ* / L approaches 2/λ_1 (notes §3.4). */
    @Test
    void continuumPowerLaw() {
        JsonNode d = ok("dynamics", "--setting", "rrs", "--nu", "1.5", "--beta", "0.8", "--continuum", "--depth", "inf",
                "--times", "1000000,1100000", "--format", "json");
        assertEquals("inf", d.get("dim").asText());
        double slope = -Math.log(d.get("loss").get(1).asDouble() / d.get("loss").get(0).asDouble()) / Math.log(1.1);
        assertEquals(0.8 / 2.8, slope, 2e-4);
        JsonNode o = ok("optimum", "--setting", "rrs", "--nu", "1.5", "--beta", "0.8", "--continuum", "--depth", "256",
                "--format", "json");
        assertEquals(1.975, o.get("gammaPerLayer").asDouble(), 1e-3);
        for (String[] bad : new String[][] {
            {"risk", "--setting", "fs", "--nu", "1.5", "--beta", "0.8", "--continuum", "--gamma", "1"},
            {"risk", "--setting", "rrs", "--nu", "1.5", "--beta", "0.8", "--continuum", "--dim", "9", "--gamma", "1"},
            {"risk", "--setting", "rrs", "--beta", "0.8", "--continuum", "--gamma", "1"},
            {"risk", "--setting", "iso", "--continuum", "--gamma", "1"},
            {"dynamics", "--setting", "rrs", "--nu", "1.5", "--beta", "0.8", "--continuum", "--depth", "2", "--times", "1",
                "--rule", "untied"}}) {
            CliHarness.Run r = CliHarness.run(bad);
            assertEquals(2, r.code(), String.join(" ", bad) + " " + r.err());
        }
    }

    @Test
    void badInputsExitTwo() {
        String[][] cases = {
            cat(cat(new String[] {"risk"}, FIG4), "--depth", "2"),
            cat(cat(new String[] {"risk"}, FIG4), "--depth", "2", "--gamma", "1", "--time", "3"),
            cat(cat(new String[] {"dynamics"}, FIG3), "--times", "1", "--rule", "untied"),
            cat(cat(new String[] {"dynamics"}, FIG4), "--times", "1", "--modes", "2"),
            cat(cat(new String[] {"dynamics"}, FIG3), "--times", "1", "--modes", "200"),
            cat(cat(new String[] {"dynamics"}, FIG3), "--times", "1", "--solver", "rk4"),
            cat(cat(new String[] {"dynamics"}, FIG4), "--times", "1", "--rule", "full-attention", "--init", "0"),
            cat(cat(new String[] {"dynamics"}, FIG4), "--times", "1", "--convention", "quarter"),
            cat(cat(new String[] {"dynamics"}, FIG4), "--times", "1", "--rule", "softmax"),
            {"dynamics", "--setting", "iso", "--alpha", "1", "--times", "1", "--rule", "untied"},
        };
        for (String[] c : cases) {
            CliHarness.Run r = CliHarness.run(c);
            assertEquals(2, r.code(), String.join(" ", c) + " -> " + r.err());
            assertEquals(1, r.err().strip().split("\\R").length, r.err());
        }
    }
}
