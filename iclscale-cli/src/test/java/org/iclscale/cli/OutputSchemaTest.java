package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.iclscale.cli.CliHarness.Run;
import org.junit.jupiter.api.Test;

/**
 * One name per quantity across verbs (issue 16, item 9; README "One name per quantity"): the SGD step index is the
 * column {@code step} in every verb that reports a training curve, the echoed {@code --steps} is the number
 * {@code steps}, and no verb spells either differently.
 */
class OutputSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String... args) throws Exception {
        Run r = CliHarness.run(args);
        assertEquals(0, r.code(), r.err());
        return JSON.readTree(r.out());
    }

    @Test
    void trainingVerbsNameTheStepColumnAndTheStepCountAlike() throws Exception {
        List<JsonNode> outputs = List.of(
                json("sgd", "--alpha", "1", "--eta", "0.02", "--steps", "6", "--every", "3", "--format", "json"),
                json("train", "--dim", "8", "--alpha", "1", "--eta", "0.05", "--steps", "6", "--every", "3",
                        "--format", "json"));
        for (JsonNode j : outputs) {
            assertTrue(j.get("step").isArray(), "step column in " + j);
            assertEquals(List.of(0, 3, 6), List.of(j.get("step").get(0).asInt(), j.get("step").get(1).asInt(),
                    j.get("step").get(2).asInt()), j.toString());
            assertTrue(j.get("steps").isIntegralNumber(), "steps is the echoed --steps: " + j);
            assertEquals(6, j.get("steps").asInt());
            assertFalse(j.has("totalSteps"), j.toString());
        }
    }

    @Test
    void gradientFlowTimeIsTheColumnTime() throws Exception {
        JsonNode j = json("dynamics", "--alpha", "1", "--depth", "2", "--times", "0,1,10", "--format", "json");
        assertTrue(j.get("time").isArray(), j.toString());
        assertFalse(j.has("step") || j.has("steps"), j.toString());
    }
}
