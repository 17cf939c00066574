package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.iclscale.core.Depth;
import org.iclscale.deteq.Floors;
import org.iclscale.deteq.TwoPointContour;
import org.iclscale.spectrum.Spectrum;
import org.junit.jupiter.api.Test;

/** CLI wiring of the deterministic equivalents: regimes, method field, JSON keys, exit codes. */
class DeteqCliTest {

    private static final String[] PL = {"--nu", "1.25", "--beta", "0.75"};

    private static String[] args(String... rest) {
        String[] a = new String[PL.length + rest.length];
        System.arraycopy(rest, 0, a, 0, 1);
        System.arraycopy(PL, 0, a, 1, PL.length);
        System.arraycopy(rest, 1, a, 1 + PL.length, rest.length - 1);
        return a;
    }

    private static JsonNode ok(String... a) {
        CliHarness.Run r = CliHarness.run(args(a));
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        for (String key : new String[] {"setting", "alpha", "depth", "sigma", "nu", "beta", "dim", "width", "loss",
            "excessLoss", "gamma", "method"}) {
            assertTrue(j.has(key), key + " missing in " + r.out());
        }
        return j;
    }

    private static void bad(int code, String mentions, String... a) {
        CliHarness.Run r = CliHarness.run(args(a));
        assertEquals(code, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(mentions), r.err());
        assertEquals(1, r.err().strip().split("\\R").length, "one line: " + r.err());
    }

    @Test
    void widthLimitedRiskUsesOnePointDensity() {
        JsonNode j = ok("risk", "--setting", "rrs", "--dim", "400", "--width", "50", "--depth", "4", "--gamma", "24",
                "--format", "json");
        assertEquals(0.1801, j.get("loss").asDouble(), 2e-4); // notes §3.5
        assertTrue(j.get("method").asText().startsWith("one-point density"));
    }

    @Test
    void finiteContextRiskUsesContourAndWidthRatio() {
        JsonNode j = ok("risk", "--setting", "rrs", "--dim", "200", "--width-ratio", "0.25", "--alpha", "1",
                "--depth", "2", "--gamma", "3", "--format", "json");
        assertEquals(50, j.get("width").asInt());
        assertTrue(j.get("method").asText().contains("(E1)-(E3)"));
        double direct = new TwoPointContour(Spectrum.powerLaw(1.25, 0.75, 200), 50, 200).signal(3, Depth.of(2)).loss();
        assertEquals(direct, j.get("loss").asDouble(), 1e-12);
    }

    @Test
    void fsFiniteAlphaWithNoiseUsesStructuredWishart() {
        JsonNode j = ok("risk", "--setting", "fs", "--dim", "100", "--alpha", "0.5", "--sigma", "0.5", "--depth", "2",
                "--gamma", "0.8", "--format", "json");
        assertTrue(j.get("method").asText().contains("structured-Wishart"));
        assertEquals(0.25, j.get("loss").asDouble() - j.get("excessLoss").asDouble(), 1e-12);
    }

    /** Finite N < D and P with σ > 0: the (E1)-(E3) signal plus the noise equivalent (N2) of deteq-noise.md. */
    @Test
    void noisyFiniteWidthAndContextUsesNoiseEquivalent() {
        JsonNode j = ok("risk", "--setting", "rrs", "--dim", "40", "--width", "10", "--alpha", "1", "--sigma", "0.3",
                "--depth", "1", "--gamma", "1", "--format", "json");
        assertTrue(j.get("method").asText().contains("(N2)"), j.get("method").asText());
        TwoPointContour c = new TwoPointContour(Spectrum.powerLaw(1.25, 0.75, 40), 10, 40);
        double direct = c.signal(1, Depth.of(1)).loss() + c.noiseTerm(1, Depth.of(1), 0.3);
        assertEquals(direct, j.get("excessLoss").asDouble(), 1e-14);
        assertEquals(0.09, j.get("loss").asDouble() - j.get("excessLoss").asDouble(), 1e-14);
    }

    /**
     * Issue 16 defect 2: the edge of this regime is 2L/s₊ of the equivalent spectrum of QΣ̂Q (10.33; Monte Carlo
     * λ_max 0.28 ± 0.07), not 2L/(λ_max(1 + √(D/P))²) = 1.0, and γ = 3 gets no divergence warning.
     */
    @Test
    void noisyFiniteWidthAndContextEdgeIsTheSupportTop() {
        JsonNode j = ok("risk", "--setting", "rrs", "--dim", "100", "--width-ratio", "0.25", "--alpha", "1",
                "--depth", "2", "--gamma", "3", "--sigma", "0.3", "--format", "json");
        assertEquals(10.331, j.get("stabilityEdge").asDouble(), 1e-3);
        assertTrue(!j.has("notes") || !j.get("notes").toString().contains("beyond the stability edge"), j.toString());
    }

    /**
     * Issue 16 defect 1: at D = 400, N = 50, L = 4 the optimum is the interior minimum γ* = 41.32 (loss 0.14243)
     * below the edge 2L/s₊ = 48.07, not the false edge 13.95 (loss 0.2417); the README's γ = 24 gets no warning.
     */
    @Test
    void finiteWidthOptimumIsInterior() {
        JsonNode o = ok("optimum", "--setting", "rrs", "--dim", "400", "--width", "50", "--depth", "4", "--format",
                "json");
        assertEquals(41.32, o.get("gamma").asDouble(), 0.01);
        assertEquals(0.14243, o.get("loss").asDouble(), 1e-5);
        assertEquals(48.067, o.get("stabilityEdge").asDouble(), 1e-3);
        JsonNode r = ok("risk", "--setting", "rrs", "--dim", "400", "--width", "50", "--depth", "4", "--gamma", "24",
                "--format", "json");
        assertTrue(!r.has("notes") || !r.get("notes").toString().contains("beyond the stability edge"), r.toString());
    }

    @Test
    void floors() {
        JsonNode w = ok("risk", "--setting", "rrs", "--dim", "400", "--width", "8", "--depth", "inf", "--gamma", "inf",
                "--format", "json");
        assertEquals(Floors.width(Spectrum.powerLaw(1.25, 0.75, 400), 8).excessLoss(), w.get("loss").asDouble(), 1e-15);
        assertTrue(w.get("method").asText().startsWith("width floor"));
        JsonNode c = ok("risk", "--setting", "fs", "--dim", "400", "--alpha", "0.08", "--sigma", "0.1", "--depth", "inf",
                "--gamma", "inf", "--format", "json");
        assertTrue(c.get("method").asText().startsWith("context floor"));
        assertEquals(Floors.context(Spectrum.powerLaw(1.25, 0.75, 400), 32, 0.1).excessLoss(),
                c.get("excessLoss").asDouble(), 1e-15);
        bad(2, "--gamma", "risk", "--setting", "rrs", "--dim", "40", "--width", "8", "--alpha", "1", "--depth", "inf",
                "--gamma", "inf");
        bad(2, "--gamma", "risk", "--setting", "rrs", "--dim", "40", "--width", "8", "--depth", "3", "--gamma", "inf");
    }

    @Test
    void badInputsAndNonConvergence() {
        bad(2, "--width", "risk", "--setting", "fs", "--dim", "40", "--width", "8", "--gamma", "1");
        bad(2, "--width-ratio", "risk", "--setting", "rrs", "--dim", "40", "--width-ratio", "1.5", "--gamma", "1");
        bad(2, "--width-ratio", "risk", "--setting", "rrs", "--dim", "40", "--width-ratio", "0.5", "--width", "3",
                "--gamma", "1");
        // the contour cannot control cancellation at this depth and step: exit 1 naming solver and tolerance
        bad(1, "tolerance", "risk", "--setting", "rrs", "--dim", "40", "--alpha", "1", "--depth", "400", "--gamma",
                "700");
    }

    @Test
    void optimumLandscapeAndSimulate() {
        JsonNode o = ok("optimum", "--setting", "rrs", "--dim", "64", "--width", "8", "--depth", "2", "--format", "json");
        assertTrue(o.get("loss").asDouble() > Floors.width(Spectrum.powerLaw(1.25, 0.75, 64), 8).excessLoss());
        CliHarness.Run l = CliHarness.run(args("landscape", "--setting", "rrs", "--dim", "64", "--alpha", "2",
                "--depth", "2", "--points", "5", "--format", "json"));
        assertEquals(0, l.code(), l.err());
        JsonNode s = ok("simulate", "--setting", "rrs", "--dim", "64", "--width", "16", "--alpha", "inf", "--depth", "2",
                "--gamma", "2", "--trials", "50", "--format", "json");
        assertTrue(s.has("standardError") && s.has("theoryLoss") && s.get("theoryMethod").asText().startsWith("one-point"));
    }
}
