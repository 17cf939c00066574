package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class OodCliTest {

    @Test
    void oodVerbReportsLossesRadiusAndCrossover() {
        CliHarness.Run r = CliHarness.run("ood", "--setting", "fs", "--nu", "1.25", "--beta", "1.25", "--dim", "64",
                "--depth", "1", "--thetas", "0,0.02,0.3", "--compare-depths", "8", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        for (String key : new String[] {"theta", "loss", "excessLoss", "spectralRadius", "lossL8", "crossoverTheta", "seed",
            "method", "nu", "beta", "dim", "depth"}) {
            assertTrue(j.has(key), key);
        }
        assertTrue(j.get("loss").get(0).asDouble() < 1e-20);
        assertTrue(j.get("lossL8").get(1).asDouble() < j.get("loss").get(1).asDouble());
        assertTrue(j.get("lossL8").get(2).asDouble() > j.get("loss").get(2).asDouble());
        double c = j.get("crossoverTheta").asDouble();
        assertTrue(c > 0.02 && c < 0.3);
    }

    @Test
    void oodRefusesOtherSettings() {
        String[][] cases = {
            {"ood", "--setting", "rrs", "--nu", "2", "--beta", "1", "--dim", "8", "--thetas", "0.1"},
            {"ood", "--setting", "fs", "--nu", "2", "--beta", "1", "--dim", "8", "--thetas", "0.1", "--depth", "inf"},
            {"ood", "--setting", "fs", "--nu", "2", "--beta", "1", "--dim", "3000", "--thetas", "0.1"},
            {"ood", "--setting", "fs", "--nu", "2", "--beta", "1", "--dim", "8", "--thetas", "0.2,0.1"},
            {"ood", "--setting", "iso", "--thetas", "0.1"},
        };
        for (String[] c : cases) {
            CliHarness.Run r = CliHarness.run(c);
            assertEquals(2, r.code(), String.join(" ", c) + " " + r.err());
        }
    }
}
