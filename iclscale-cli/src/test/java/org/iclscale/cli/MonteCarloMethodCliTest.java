package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 13 and 14 at the command line: {@code --method monte-carlo} (standard error, the equivalent's
 * width-aware edge, the warning only beyond it, the very computation {@code simulate} does), {@code --gamma-max} on
 * optimum and landscape, {@code --mc-check} / {@code --mc-optimum}, the finite-size notes, and one-line exit-2 errors
 * naming the option.
 */
class MonteCarloMethodCliTest {

    private static final String[] DEFECT2 = {"--setting", "rrs", "--nu", "1.25", "--beta", "0.75", "--dim", "100",
        "--width-ratio", "0.25", "--alpha", "1", "--depth", "2", "--sigma", "0.3"};

    private static String[] with(String verb, String[] model, String... rest) {
        String[] a = new String[1 + model.length + rest.length];
        a[0] = verb;
        System.arraycopy(model, 0, a, 1, model.length);
        System.arraycopy(rest, 0, a, 1 + model.length, rest.length);
        return a;
    }

    private static JsonNode ok(String... a) {
        CliHarness.Run r = CliHarness.run(a);
        assertEquals(0, r.code(), r.err());
        return r.json();
    }

    private static void bad(String option, String... a) {
        CliHarness.Run r = CliHarness.run(a);
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(option), r.err());
        assertEquals(1, r.err().strip().split("\\R").length, "one line: " + r.err());
    }

    private static String notes(JsonNode j) {
        return j.has("notes") ? j.get("notes").toString() : "";
    }

    /**
     * Defect 13: the Monte Carlo route prints its standard error, uses the width-aware edge 2L/s₊ = 10.33 (it was
     * 2L/(λ_max(1 + √q)²) = 1.0 and warned "diverges" on every call), warns only beyond it, and is the same
     * computation as {@code simulate --trials 400 --seed 1} (equal loss and standard error, so no slower).
     */
    @Test
    void monteCarloMethodHasStandardErrorAndTheEquivalentsEdge() {
        JsonNode mc = ok(with("risk", DEFECT2, "--gamma", "3", "--method", "monte-carlo", "--format", "json"));
        assertTrue(mc.get("standardError").asDouble() > 0, mc.toString());
        assertTrue(mc.get("method").asText().startsWith("Monte Carlo"), mc.get("method").asText());
        assertEquals(10.331, mc.get("stabilityEdge").asDouble(), 1e-3);
        assertFalse(notes(mc).contains("beyond"), notes(mc));
        JsonNode sim = ok(with("simulate", DEFECT2, "--gamma", "3", "--trials", "400", "--seed", "1", "--format", "json"));
        assertEquals(sim.get("loss").asDouble(), mc.get("loss").asDouble(), 0);
        assertEquals(sim.get("standardError").asDouble(), mc.get("standardError").asDouble(), 0);
        JsonNode de = ok(with("risk", DEFECT2, "--gamma", "3", "--format", "json"));
        assertFalse(de.has("standardError"));
        assertEquals(mc.get("loss").asDouble(), de.get("loss").asDouble(), 4 * mc.get("standardError").asDouble()
                + 0.04 * de.get("excessLoss").asDouble(), "equivalent vs its Monte Carlo at D = 100");
        JsonNode beyond = ok(with("risk", DEFECT2, "--gamma", "12", "--method", "monte-carlo", "--format", "json"));
        assertTrue(notes(beyond).contains("beyond the equivalent's stability edge") && notes(beyond).contains("heavy-tailed"),
                notes(beyond));
    }

    @Test
    void methodErrorsNameTheOption() {
        bad("--method", with("risk", DEFECT2, "--gamma", "3", "--method", "mc"));
        bad("--method", "risk", "--alpha", "1", "--depth", "2", "--gamma", "1", "--method", "monte-carlo");
        bad("--depth", with("risk", new String[] {"--setting", "rrs", "--nu", "1.25", "--beta", "0.75", "--dim", "64",
            "--width", "8", "--alpha", "1", "--sigma", "0.3", "--depth", "inf"}, "--gamma", "1", "--method", "monte-carlo"));
        bad("--method", "risk", "--setting", "rrs", "--nu", "1.25", "--beta", "0.75", "--dim", "64", "--alpha", "1",
                "--depth", "inf", "--gamma", "inf", "--method", "monte-carlo");
        bad("--mc-check", with("risk", DEFECT2, "--gamma", "3", "--mc-check", "1"));
        bad("--mc-check", "risk", "--alpha", "1", "--depth", "2", "--gamma", "1", "--mc-check", "100");
        bad("--mc-check", with("risk", DEFECT2, "--gamma", "3", "--method", "monte-carlo", "--mc-check", "100"));
        bad("--mc-optimum", with("optimum", DEFECT2, "--mc-optimum"));
        bad("--gamma-max", with("optimum", DEFECT2, "--gamma-max", "-1"));
        bad("--gamma-max", with("landscape", DEFECT2, "--gamma-max", "5", "--max", "2"));
    }

    /**
     * Defect 1: {@code --gamma-max} bounds the search; below the minimiser γ* = 41.32 the optimum is the bound, with
     * the loss still falling there, and the output says so (searchBound, note); landscape up to a γ says the same.
     */
    @Test
    void gammaMaxBoundsTheSearchAndSaysWhenTheLossStillFalls() {
        String[] w = {"--setting", "rrs", "--nu", "1.25", "--beta", "0.75", "--dim", "400", "--width", "50", "--depth", "4"};
        JsonNode o = ok(with("optimum", w, "--gamma-max", "20", "--format", "json"));
        assertEquals(20, o.get("gamma").asDouble(), 1e-9);
        assertEquals(20, o.get("searchBound").asDouble(), 0);
        assertTrue(notes(o).contains("still decreases beyond gamma = 20 (gammaMax)"), notes(o));
        JsonNode r = ok(with("risk", w, "--gamma", "20", "--format", "json"));
        assertEquals(r.get("loss").asDouble(), o.get("loss").asDouble(), 1e-15);
        JsonNode wide = ok(with("optimum", w, "--gamma-max", "100", "--format", "json"));
        assertEquals(41.32, wide.get("gamma").asDouble(), 0.01);
        assertFalse(wide.has("searchBound"));
        JsonNode l = ok(with("landscape", w, "--gamma-max", "20", "--points", "4", "--format", "json"));
        assertEquals(20, l.get("gamma").get(3).asDouble(), 1e-12);
        assertTrue(notes(l).contains("still decreases at the end of the range"), notes(l));
        JsonNode full = ok(with("landscape", w, "--gamma-max", "60", "--points", "6", "--format", "json"));
        assertFalse(notes(full).contains("still decreases"), notes(full));
    }

    /**
     * Item 14: {@code --mc-check TRIALS} puts the Monte Carlo estimate at the user's D beside the equivalent (the
     * same numbers as {@code simulate}); {@code --mc-optimum} adds the finite-D optimum, which is no worse than the
     * Monte Carlo at γ* (common random numbers). Small sizes (D = 64): the point is the wiring.
     */
    @Test
    void mcCheckPutsMonteCarloBesideTheEquivalent() {
        String[] w = {"--setting", "rrs", "--nu", "1.25", "--beta", "0.75", "--dim", "64", "--width", "16", "--depth", "2"};
        JsonNode r = ok(with("risk", w, "--gamma", "2", "--mc-check", "200", "--mc-seed", "5", "--format", "json"));
        JsonNode c = r.get("mcCheck");
        JsonNode sim = ok(with("simulate", w, "--gamma", "2", "--trials", "200", "--seed", "5", "--format", "json"));
        assertEquals(sim.get("loss").asDouble(), c.get("loss").asDouble(), 0);
        assertEquals(sim.get("standardError").asDouble(), c.get("standardError").asDouble(), 0);
        assertEquals(64, c.get("dim").asInt());
        assertEquals(r.get("loss").asDouble(), c.get("theoryLoss").asDouble(), 0);
        assertEquals((c.get("theoryLoss").asDouble() - c.get("loss").asDouble()) / c.get("standardError").asDouble(),
                c.get("deviationInStandardErrors").asDouble(), 1e-12);
        assertEquals((c.get("theoryLoss").asDouble() - c.get("loss").asDouble()) / c.get("loss").asDouble(),
                c.get("relativeOffset").asDouble(), 1e-12);
        assertTrue(notes(r).contains("finite size: at D = 64, N = 16"), notes(r));
        JsonNode o = ok(with("optimum", w, "--mc-check", "400", "--mc-optimum", "--format", "json"));
        JsonNode f = o.get("mcCheck").get("finiteDimensionOptimum");
        // P = inf, N < D: the finite-D optimum minimises the projection average (method monte-carlo's landscape
        // here), so it is no worse than that landscape at the equivalent's gamma*
        assertTrue(f.get("search").asText().startsWith("finite-D projection average"), f.toString());
        JsonNode atTheoryOptimum = ok(with("risk", w, "--gamma", o.get("gamma").asText(), "--method", "monte-carlo",
                "--format", "json"));
        assertTrue(f.get("loss").asDouble() <= atTheoryOptimum.get("loss").asDouble(), f + " vs " + atTheoryOptimum);
        assertTrue(f.get("standardError").asDouble() > 0, f.toString());
        // at finite alpha it is the direct simulation's sampled search (~30 runs of 400 contexts)
        JsonNode c2 = ok(with("optimum", new String[] {"--setting", "rrs", "--nu", "1.25", "--beta", "0.75", "--dim", "64",
            "--width", "16", "--alpha", "2", "--depth", "2"}, "--mc-check", "200", "--mc-optimum", "--format", "json"))
                .get("mcCheck").get("finiteDimensionOptimum");
        assertTrue(c2.get("evaluations").asInt() < 60 && c2.get("standardError").asDouble() > 0, c2.toString());
        JsonNode m = ok(with("optimum", w, "--method", "monte-carlo", "--format", "json"));
        assertEquals(f.get("gamma").asDouble(), m.get("gamma").asDouble(), 1e-6 * m.get("gamma").asDouble(),
                "400 contexts, seed 1 both: --method monte-carlo's optimum is --mc-optimum's finite-D optimum");
        assertTrue(m.get("standardError").asDouble() > 0);
        JsonNode lm = ok(with("landscape", w, "--method", "monte-carlo", "--points", "3", "--format", "json"));
        assertEquals(3, lm.get("standardError").size());
    }

    /** The finite-size note appears where D/N are small, not where the equivalent is close to the limit. */
    @Test
    void finiteSizeNotesOnlyWhereAppropriate() {
        JsonNode small = ok("risk", "--setting", "rrs", "--nu", "1.25", "--beta", "0.75", "--dim", "64", "--width", "8",
                "--depth", "2", "--gamma", "3", "--format", "json");
        assertTrue(notes(small).contains("finite size"), notes(small));
        JsonNode large = ok("risk", "--setting", "rrs", "--nu", "1.25", "--beta", "0.75", "--dim", "400", "--width",
                "100", "--depth", "2", "--gamma", "3", "--format", "json");
        assertEquals("", notes(large));
        JsonNode exact = ok("risk", "--setting", "rrs", "--nu", "1.25", "--beta", "0.75", "--dim", "64", "--depth", "2",
                "--gamma", "3", "--format", "json");
        assertEquals("", notes(exact));
    }
}
