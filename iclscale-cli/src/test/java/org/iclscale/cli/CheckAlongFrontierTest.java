package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.iclscale.cli.CliHarness.Run;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, "claims in two variables along a path (compute-optimal frontier)": {@code check --scaling CLAIM --as C
 * --along frontier} fits the local slope of the frontier's optimal loss and allocations in the budget C. The claims
 * are the Lagrange exponents of notes §5.3 typed in here as the theorist would (e = 1/Σ b_x/a_x with the corrected
 * term exponents), so the test checks the tool's minimisation against a hand derivation: at β = 1.2 ≥ 1 the width
 * exponent is ν, not the paper's νβ, which turns notes §5.3 (b)'s νβ/((3+β)ν+4) into νβ/(2+2β+3ν+βν); the paper's
 * allocation (from its width exponent) is rejected. {@code --along VAR=EXPR,...} ties model variables to X: along
 * L = C^{1/(3+β)}, t = C^{(2+β)/(3+β)} (the L·t allocation, notes §5.3 (d)) the exact gradient-flow loss at depth
 * L falls as C^{−β/(3+β)}. The exact frontier (integer optimum of the exact joint loss) is tested in core
 * (FrontierProbeTest: one model sequence, two claims, ~8 s).
 */
class CheckAlongFrontierTest {

    private static final String[] FRONTIER = {"--along", "frontier", "--against-model", "--setting", "rrs", "--nu",
        "1.5", "--beta", "1.2", "--vary", "C=1e8:1e14", "--points", "5"};

    private static JsonNode check(String claim, String quantity, String... extra) {
        List<String> a = new ArrayList<>(List.of("check", "--scaling", claim, "--as", "C", "--quantity", quantity));
        a.addAll(List.of(extra.length == 0 ? FRONTIER : extra));
        a.addAll(List.of("--format", "json"));
        Run r = CliHarness.run(a.toArray(String[]::new));
        assertEquals(0, r.code(), () -> String.join(" ", a) + " -> " + r.err());
        return r.json();
    }

    private static void agrees(JsonNode j) {
        assertEquals("agrees", j.get("verdict").asText(), j::toString);
        assertTrue(Math.abs(j.get("difference").asDouble()) <= j.get("allowance").asDouble(), j::toString);
    }

    private static void differs(JsonNode j) {
        assertEquals("differs", j.get("verdict").asText(), j::toString);
        assertTrue(Math.abs(j.get("difference").asDouble()) > j.get("allowance").asDouble(), j::toString);
    }

    /** Σ b/a for C = t P² N² L at β in [1, 2): (2+β)/β + 2/ν + 1/β + 2/(νβ), over νβ. */
    private static final String CORRECTED = "(2 + 2*beta + 3*nu + nu*beta)";
    /** The same with the paper's width exponent νβ: (3+β)ν + 4. */
    private static final String PAPER = "((3 + beta)*nu + 4)";

    @Test
    void optimalLossAcceptsTheCorrectedExponentAndRejectsThePapers() {
        JsonNode j = check("c*C^(-nu*beta/" + CORRECTED + ")", "loss");
        agrees(j);
        assertEquals("frontier", j.get("along").asText());
        assertEquals("t*P^2*N^2*L", j.get("computeFormula").asText());
        assertTrue(j.get("prefactor").asDouble() > 0, j::toString);
        assertEquals(3, j.get("windows").size(), j::toString);
        differs(check("c*C^(-nu*beta/" + PAPER + ")", "loss"));
        // a realistic slip: the time term's exponent beta/(1+beta) in the Lagrange sum
        differs(check("c*C^(-1/((1 + beta)/beta + 2/nu + 1/beta + 2/(nu*beta)))", "loss"));
    }

    @Test
    void allocationsAcceptTheCorrectedExponentsAndRejectThePapers() {
        // x* ~ C^(e/a_x): an allocation grows, so the claim's exponent is positive
        agrees(check("c*C^((2 + beta)*nu/" + CORRECTED + ")", "time"));
        agrees(check("c*C^(beta/" + CORRECTED + ")", "width"));
        differs(check("c*C^(1/" + PAPER + ")", "width"));
        agrees(check("c*C^(nu/" + CORRECTED + ")", "depth"));
        differs(check("c*C^(nu/" + PAPER + ")", "depth"));
        agrees(check("c*C^(1/" + CORRECTED + ")", "context"));
        // the sign slip: an allocation claimed to fall with C
        differs(check("c*C^(-1/" + CORRECTED + ")", "context"));
    }

    @Test
    void figureFiveCFormulaBelowBetaOneWhereThePaperIsRight() {
        // C = t N^2 L at (1.25, 0.75): notes 5.3 (a), 0.1402 = Fig. 5c's guide; L* ~ C^(nu/((3+beta)nu+2))
        String[] fig5c = {"--along", "frontier", "--against-model", "--nu", "1.25", "--beta", "0.75",
            "--compute-formula", "t*N^2*L", "--vary", "C=1e6:1e12", "--points", "4"};
        agrees(check("c*C^(-nu*beta/((3 + beta)*nu + 2))", "loss", fig5c));
        agrees(check("c*C^(nu/((3 + beta)*nu + 2))", "depth", fig5c));
        differs(check("c*C^(-nu*beta/((3 + beta)*nu + 4))", "loss", fig5c)); // (b)'s exponent: P is not in C here
    }

    @Test
    void explicitPathTiesDepthAndTimeToTheBudget() {
        String[] path = {"--along", "L=C^(1/(3+beta)),t=C^((2+beta)/(3+beta))", "--against-model", "--setting", "rrs",
            "--continuum", "--nu", "1.5", "--beta", "0.8", "--vary", "C=1e4:1e6", "--points", "5"};
        JsonNode j = check("c*C^(-beta/(3 + beta))", "lossAfter", path);
        agrees(j);
        assertTrue(j.get("along").asText().contains("L rounded"), j::toString);
        assertTrue(!j.has("depth"), j::toString); // the path sets L: the --depth default is not echoed
        differs(check("c*C^(-beta/(2 + beta))", "lossAfter", path)); // the time exponent alone: depth costs compute
    }

    // --- bad input -------------------------------------------------------------------------------------------------

    private static void refused(String option, String... args) {
        List<String> a = new ArrayList<>(List.of("check"));
        a.addAll(List.of(args));
        Run r = CliHarness.run(a.toArray(String[]::new));
        assertEquals(2, r.code(), () -> String.join(" ", a) + " -> " + r.out() + r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains(option), () -> option + ": " + r.err());
    }

    private static String[] frontier(String... changes) {
        List<String> a = new ArrayList<>(List.of("--scaling", "c*C^(-0.1)", "--against-model", "--nu", "1.5", "--beta",
            "1.2", "--points", "4", "--along", "frontier"));
        List<String> c = List.of(changes);
        a.addAll(c);
        if (!c.contains("--vary")) {
            a.addAll(List.of("--vary", "C=1e8:1e12"));
        }
        if (!c.contains("--as")) {
            a.addAll(List.of("--as", "C"));
        }
        return a.toArray(String[]::new);
    }

    @Test
    void badFrontierInputNamesTheOption() {
        refused("--setting", frontier("--setting", "iso"));
        refused("--alpha", frontier("--alpha", "2"));
        refused("--depth", frontier("--depth", "4"));
        refused("--dim", frontier("--dim", "64")); // four-term law: D = inf
        refused("--quantity", frontier("--quantity", "gamma"));
        refused("--quantity", frontier("--quantity", "context", "--compute-formula", "t*N^2*L")); // P not allocated
        refused("--compute-formula", frontier("--compute-formula", "t*Q"));
        refused("--vary", frontier("--vary", "C=0.5:10"));
        refused("--vary", frontier("--vary", "C=1e8:1e12,nu=2"));
        refused("--as", frontier("--as", "N", "--vary", "N=1e8:1e12"));
        refused("--nu", "--scaling", "c*C^(-0.1)", "--as", "C", "--against-model", "--beta", "1.2", "--vary",
                "C=1e8:1e12", "--along", "frontier");
    }

    @Test
    void badPathNamesAlong() {
        String[] base = {"--scaling", "c*C^(-0.2)", "--as", "C", "--against-model", "--quantity", "lossAfter",
            "--setting", "rrs", "--continuum", "--nu", "1.5", "--beta", "0.8", "--vary", "C=1e4:1e6", "--points", "4",
            "--along"};
        for (String bad : List.of("frontiers", "L", "L=C,L=C^2", "C=L", "L=4", "gamma=C", "L=C^-2,t=C",
                "L=Run[\"touch x\"],t=C", "L=C,t=C,alpha=C,Q=C")) {
            String[] a = java.util.Arrays.copyOf(base, base.length + 1);
            a[base.length] = bad;
            refused("--along", a);
        }
        refused("--along", "--scaling", "c*C^(-0.2)", "--as", "C", "--against-model", "--quantity", "lossAfter",
                "--setting", "rrs", "--continuum", "--nu", "1.5", "--beta", "0.8", "--vary", "C=1e4:1e6,L=4",
                "--along", "L=C,t=C"); // L both fixed and on the path
        refused("--along", "1/(1+alpha)", "--against-model", "--vary", "alpha=1:2,gamma=0:1", "--along", "frontier");
        refused("--compute-formula", "--scaling", "c*L^(-beta)", "--as", "L", "--against-model", "--quantity",
                "optimalLoss", "--setting", "rrs", "--continuum", "--nu", "1.5", "--beta", "0.8", "--vary", "L=8..64",
                "--compute-formula", "L*t");
        refused("--along", "1/(1+alpha)", "--against", "isoOptimalLoss", "--along", "frontier");
    }
}
