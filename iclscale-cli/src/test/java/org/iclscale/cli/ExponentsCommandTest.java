package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

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
}
