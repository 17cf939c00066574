package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The structured-spectrum mixin: exit codes, messages and JSON keys in every verb that takes it. */
class SpectrumOptionsCliTest {

    private static void assertBadInput(String mentions, String... args) {
        CliHarness.Run r = CliHarness.run(args);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(mentions), r.err());
        assertEquals(1, r.err().strip().split("\\R").length, "one line: " + r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"risk", "optimum", "landscape", "dynamics"})
    void isoRefusesStructuredOptions(String verb) {
        String[] extra = verb.equals("risk") ? new String[] {"--gamma", "1"}
                : verb.equals("dynamics") ? new String[] {"--times", "1"} : new String[0];
        for (String[] opt : new String[][] {{"--nu", "1.5"}, {"--beta", "1"}, {"--dim", "10"}, {"--width", "4"},
            {"--spectrum", "x.csv"}}) {
            String[] args = concat(new String[] {verb, "--setting", "iso", opt[0], opt[1]}, extra);
            assertBadInput(opt[0], args);
        }
    }

    @Test
    void powerLawNeedsAllThreeOptions() {
        assertBadInput("--beta: missing", "risk", "--setting", "rrs", "--nu", "1.5", "--dim", "8", "--gamma", "1");
        assertBadInput("--dim: missing", "risk", "--setting", "fs", "--nu", "1.5", "--beta", "1", "--gamma", "1");
        assertBadInput("--nu: missing", "optimum", "--setting", "rrs", "--beta", "1", "--dim", "8");
    }

    @Test
    void rangesAreChecked() {
        assertBadInput("--nu: 1", "risk", "--setting", "rrs", "--nu", "1", "--beta", "1", "--dim", "8", "--gamma", "1");
        assertBadInput("--beta: -1", "risk", "--setting", "rrs", "--nu", "2", "--beta", "-1", "--dim", "8", "--gamma", "1");
        assertBadInput("--dim: 0", "risk", "--setting", "rrs", "--nu", "2", "--beta", "1", "--dim", "0", "--gamma", "1");
        assertBadInput("--width: 0", "risk", "--setting", "rrs", "--nu", "2", "--beta", "1", "--dim", "8", "--width", "0",
                "--gamma", "1");
    }

    @Test
    void spectrumFileExcludesPowerLaw() {
        assertBadInput("cannot be combined with --spectrum", "risk", "--setting", "rrs", "--spectrum", "s.csv", "--nu",
                "2", "--gamma", "1");
        assertBadInput("--spectrum: cannot read", "risk", "--setting", "rrs", "--spectrum", "does-not-exist.csv",
                "--gamma", "1");
    }

    @Test
    void fsHasNoWidth() {
        // finite alpha and width are computed by package deteq (see DeteqCliTest); FS has no width read-in
        assertBadInput("--width", "optimum", "--setting", "fs", "--nu", "2", "--beta", "1", "--dim", "8", "--width", "4");
    }

    @Test
    void rrsRiskEchoesParametersAndMatchesDirectSum() {
        CliHarness.Run r = CliHarness.run("risk", "--setting", "rrs", "--nu", "1.5", "--beta", "0.8", "--dim", "64",
                "--depth", "2", "--gamma", "1.3", "--sigma", "0.1", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        for (String key : new String[] {"setting", "alpha", "depth", "sigma", "nu", "beta", "dim", "width", "gamma",
            "loss", "excessLoss", "method", "stabilityEdge"}) {
            assertTrue(j.has(key), key + " in " + j);
        }
        // independent route: the sum written out here
        double z = 0;
        double s = 0;
        for (int k = 1; k <= 64; k++) {
            z += Math.pow(k, -0.8 * 1.5 - 1);
        }
        for (int k = 1; k <= 64; k++) {
            s += Math.pow(k, -0.8 * 1.5 - 1) / z * Math.pow(1 - 1.3 * Math.pow(k, -1.5) / 2, 4);
        }
        assertEquals(s, j.get("excessLoss").asDouble(), 1e-13);
        assertEquals(s + 0.01, j.get("loss").asDouble(), 1e-13);
        assertEquals(4.0, j.get("stabilityEdge").asDouble(), 1e-15);
    }

    @Test
    void spectrumFileIsRead(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.csv");
        Files.writeString(f, "lambda,omega\n1,0.5\n0.25,2\n");
        CliHarness.Run r = CliHarness.run("risk", "--setting", "rrs", "--spectrum", f.toString(), "--gamma", "0.5",
                "--format", "json");
        assertEquals(0, r.code(), r.err());
        // p = (0.5, 0.5): 0.5 (1 - 0.5)^2 + 0.5 (1 - 0.125)^2
        assertEquals(0.5 * 0.25 + 0.5 * 0.875 * 0.875, r.json().get("loss").asDouble(), 1e-15);
        assertEquals(f.toString(), r.json().get("spectrum").asText());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = new String[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
