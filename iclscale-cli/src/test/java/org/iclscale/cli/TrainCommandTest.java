package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.iclscale.cli.CliHarness.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code train}: exit codes, one-line errors, JSON keys. */
class TrainCommandTest {

    private static Run run(String... args) {
        return CliHarness.run(args);
    }

    private static final String[] BASE = {"train", "--dim", "8", "--alpha", "1", "--eta", "0.05", "--steps", "4"};

    private static String[] with(String... extra) {
        String[] all = new String[BASE.length + extra.length];
        System.arraycopy(BASE, 0, all, 0, BASE.length);
        System.arraycopy(extra, 0, all, BASE.length, extra.length);
        return all;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--model=transformer", "--steps=ten", "--steps=-1", "--eta=-0.1", "--eta=0", "--eta=nan", "--dim=0",
        "--dim=2.5", "--alpha=-1", "--alpha=inf", "--depth=0", "--depth=inf", "--kappa=0", "--tau=-2",
        "--sigma=-1", "--seed=x", "--every=0", "--test-contexts=1", "--setting=foo", "--setting=rrs",
        "--init=-1", "--format=xml"})
    void badOptionsExitTwoWithOneLine(String option) {
        Run r = run(with(option.split("=", 2)));
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("iclscale train:") || r.err().startsWith("train:"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void structuredSettingNeedsNuAndBeta() {
        Run r = run(with("--setting", "fs", "--nu", "1.5"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--beta"), r.err());
        assertEquals(2, run(with("--setting", "rrs", "--nu", "0.5", "--beta", "1")).code());
    }

    @Test
    void divergentEtaExitsOneNamingTheStepAndTheLoss() {
        Run r = run("train", "--dim", "16", "--alpha", "1", "--eta", "3", "--steps", "200");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("diverged at step"), r.err());
        assertTrue(r.err().contains("loss ="), r.err());
        assertFalse(r.err().contains("NaN") || r.err().contains("Infinity"), r.err());
    }

    @Test
    void jsonHasCurvesTheoryAndEchoedParameters() throws Exception {
        Run r = run(with("--depth", "2", "--every", "2", "--format", "json", "--tau", "2", "--kappa", "0.5",
                "--sigma", "0.1", "--seed", "5"));
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String key : new String[] {"model", "setting", "alpha", "depth", "sigma", "dim", "kappa", "tau", "eta",
            "step", "steps", "seed", "untied", "loss", "excessLoss", "standardError", "gamma", "method", "theoryLoss",
            "trainLoss", "parameterNorm", "contextLength", "queries", "batch", "timeConvention"}) {
            assertTrue(j.has(key), key + " in " + r.out());
        }
        assertEquals(3, j.get("step").size());
        assertEquals(3, j.get("loss").size());
        assertEquals(3, j.get("theoryLoss").size());
        assertEquals(4, j.get("steps").asInt());
        assertTrue(j.has("finalLoss") && j.has("finalStandardError") && j.has("finalGamma"));
        assertEquals(16, j.get("batch").asInt());
        assertEquals(4, j.get("queries").asInt());
    }

    @Test
    void fullModelAndStructuredSettingsRun() throws Exception {
        Run full = run(with("--model", "full", "--depth", "2", "--untied", "--format", "json"));
        assertEquals(0, full.code(), full.err());
        JsonNode j = new ObjectMapper().readTree(full.out());
        assertTrue(j.has("normWx") && j.has("normWv") && j.has("gammaLayer2") && j.has("theoryLoss"), full.out());
        Run rrs = run(with("--setting", "rrs", "--nu", "1.5", "--beta", "0.8", "--format", "json"));
        assertEquals(0, rrs.code(), rrs.err());
        JsonNode k = new ObjectMapper().readTree(rrs.out());
        assertTrue(k.has("theoryLoss"), rrs.out());
        assertTrue(k.get("method").asText().contains("Result 6"), k.get("method").asText());
        assertEquals(0, run(with("--setting", "fs", "--nu", "1.5", "--beta", "0.8", "--model", "full")).code());
    }
}
