package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iclscale.cli.CliHarness.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, "check against the numeric engine": hand derivations that are right are {@code equal}, realistic wrong
 * ones (a factor 2, a wrong power, a dropped noise term, the paper's own errata) are {@code different} with a
 * counterexample, against ISO (exact quadrature), RRS at finite width (one-point density), RRS at finite context
 * (structured-Wishart equivalent and the context floor) and the SGD curve (Result 10). And "check an asymptotic
 * claim": the true exponents β/(2+β), β, ν·min(β,1), ν·min(β,2), νβ/(νβ+2ν+1) are accepted on the exact losses and
 * the paper's wrong ones rejected.
 *
 * <p>The RRS cases use a flat spectrum of D = 64 modes (λ = 1, p = 1/64), where the hand derivations close: the
 * width floor is 1 − N/D (z = D/N − 1 in Σλ/(λ+z) = N), the context floor (1 − α)² + σ²α over 1 − α plus σ²
 * (r = D/P − 1, df₂/P = α), and at finite α every RRS landscape is the ISO one.
 */
class CheckAgainstModelTest {

    @TempDir
    static Path dir;

    static String flat;

    @BeforeAll
    static void flatSpectrum() throws IOException {
        StringBuilder s = new StringBuilder("lambda,omega\n");
        for (int i = 0; i < 64; i++) {
            s.append("1,0.015625\n");
        }
        Path f = dir.resolve("flat64.csv");
        Files.writeString(f, s.toString(), StandardCharsets.UTF_8);
        flat = f.toString();
    }

    private static JsonNode check(String... args) {
        List<String> a = new ArrayList<>(List.of("check"));
        a.addAll(List.of(args));
        a.addAll(List.of("--format", "json"));
        Run r = CliHarness.run(a.toArray(String[]::new));
        assertEquals(0, r.code(), () -> String.join(" ", a) + " -> " + r.err());
        return r.json();
    }

    private static void equal(String... args) {
        JsonNode j = check(args);
        assertEquals("equal", j.get("verdict").asText(), j::toString);
        assertTrue(j.get("pointsChecked").asInt() >= 20, j::toString);
    }

    private static void different(String... args) {
        JsonNode j = check(args);
        assertEquals("different", j.get("verdict").asText(), j::toString);
        JsonNode w = j.get("counterexample");
        assertTrue(w.get("relativeDifference").asDouble() > 10 * j.get("tolerance").asDouble(), j::toString);
        assertTrue(w.get("point").size() >= 1, j::toString);
    }

    // --- ISO: exact Marchenko-Pastur quadrature, tolerance 1e-9 --------------------------------------------------

    private static final String ISO_L1 = "sigma^2 + 1 - 2*gamma + gamma^2*(1 + (1 + sigma^2)/alpha)";

    @Test
    void isoDepthOneLandscape() {
        equal(ISO_L1, "--against-model", "--quantity", "loss", "--vary", "alpha=0.1:4,gamma=0:2,sigma=0:1");
        JsonNode j = check(ISO_L1, "--against-model", "--vary", "alpha=0.1:4,gamma=0:2,sigma=0:1");
        assertEquals(1e-9, j.get("tolerance").asDouble(), 0);
        assertTrue(j.get("toleranceFrom").asText().contains("Marchenko-Pastur"), j::toString);
        // a factor 2 in the atom-free second moment, and the noise left out of g
        different("sigma^2 + 1 - 2*gamma + gamma^2*(1 + 2*(1 + sigma^2)/alpha)", "--against-model", "--vary",
                "alpha=0.1:4,gamma=0:2,sigma=0:1");
        different("sigma^2 + 1 - 2*gamma + gamma^2*(1 + 1/alpha)", "--against-model", "--vary",
                "alpha=0.1:4,gamma=0:2,sigma=0.2:1");
        // the excess loss drops sigma^2
        equal("1 - 2*gamma + gamma^2*(1 + (1 + sigma^2)/alpha)", "--against-model", "--quantity", "excessLoss",
                "--vary", "alpha=0.1:4,gamma=0:2,sigma=0:1");
    }

    @Test
    void isoOptimumAndThePapersDepthOneTypo() {
        equal("alpha/(alpha + 1 + sigma^2)", "--against-model", "--quantity", "gamma", "--vary", "alpha=0.1:8,sigma=0:1");
        different("alpha/(alpha + 1)", "--against-model", "--quantity", "gamma", "--vary", "alpha=0.1:8,sigma=0.3:1");
        equal("1/(1 + alpha)", "--against-model", "--quantity", "optimalLoss", "--vary", "alpha=0.1:8");
        // paper-notes §3.1: the paper prints L_* = (1 + alpha)^-2 at L = 1
        different("(1 + alpha)^(-2)", "--against-model", "--quantity", "optimalLoss", "--vary", "alpha=0.1:8");
    }

    @Test
    void isoGammaRelativeToTheOptimum() {
        JsonNode j = check(ISO_L1, "--against-model", "--vary", "alpha=0.2:4,gamma=0:2opt,sigma=0:1", "--points", "12");
        assertEquals("equal", j.get("verdict").asText(), j::toString);
        assertTrue(j.get("vary").asText().contains("optimal gamma"), j::toString);
    }

    // --- RRS at finite width: one-point density / width floor ---------------------------------------------------

    @Test
    void rrsFiniteWidthFloor() {
        equal("1 - N/D", "--against-model", "--quantity", "floor", "--setting", "rrs", "--spectrum", flat, "--vary",
                "N=1..63");
        // the squared projection error: a wrong power
        different("(1 - N/D)^2", "--against-model", "--quantity", "floor", "--setting", "rrs", "--spectrum", flat,
                "--vary", "N=1..63");
    }

    // --- RRS at finite context: structured-Wishart equivalent and the context floor -------------------------------

    @Test
    void rrsFiniteContext() {
        JsonNode j = check("1 - 2*gamma + gamma^2*(1 + 1/alpha)", "--against-model", "--setting", "rrs", "--spectrum",
                flat, "--vary", "alpha=0.2:4,gamma=0:1.5");
        assertEquals("equal", j.get("verdict").asText(), j::toString);
        assertEquals(1e-6, j.get("tolerance").asDouble(), 0, "a deterministic equivalent: its own accuracy");
        equal("sigma^2 + ((1 - alpha)^2 + sigma^2*alpha)/(1 - alpha)", "--against-model", "--quantity", "floor",
                "--setting", "rrs", "--spectrum", flat, "--depth", "inf", "--vary", "alpha=0.05:0.95,sigma=0:1");
        // the noise term of min-norm interpolation dropped
        different("sigma^2 + 1 - alpha", "--against-model", "--quantity", "floor", "--setting", "rrs", "--spectrum",
                flat, "--depth", "inf", "--vary", "alpha=0.05:0.95,sigma=0.2:1");
    }

    // --- the SGD curve (Result 10) -------------------------------------------------------------------------------

    private static String sgd(String c0) {
        String g = "(1 + (1 + sigma^2)/alpha)";
        String a = "((1 - eta*" + g + ")^2 + eta^2/tau*(1 + 1/kappa)*" + g + "^2)";
        String b = "(eta^2/tau*(1 + 1/kappa)*(1 + sigma^2)/alpha)";
        String fixed = "(" + b + "/(1 - " + a + "))";
        return "sigma^2 + 1 - 1/" + g + " + " + g + "*(" + a + "^t*(" + c0 + " - " + fixed + ") + " + fixed + ")";
    }

    @Test
    void sgdCurve() {
        String[] model = {"--against-model", "--quantity", "sgdLoss", "--alpha", "2", "--eta", "0.1", "--vary",
            "t=0..400,sigma=0:0.5,kappa=0.5:4"};
        String[] right = new String[model.length + 1];
        right[0] = sgd("(1 + (1 + sigma^2)/alpha)^(-2)");
        System.arraycopy(model, 0, right, 1, model.length);
        equal(right);
        // the paper's C(0) = 1 (an erratum, paper-notes §8)
        right[0] = sgd("1");
        different(right);
    }

    // --- asymptotic claims on the exact losses -------------------------------------------------------------------

    private static JsonNode scaling(String claim, String as, String... model) {
        List<String> a = new ArrayList<>(List.of("--scaling", claim, "--as", as, "--against-model"));
        a.addAll(List.of(model));
        return check(a.toArray(String[]::new));
    }

    private static void agrees(JsonNode j) {
        assertEquals("agrees", j.get("verdict").asText(), j::toString);
    }

    private static void differs(JsonNode j) {
        assertEquals("differs", j.get("verdict").asText(), j::toString);
        assertTrue(Math.abs(j.get("difference").asDouble()) > j.get("allowance").asDouble(), j::toString);
    }

    @Test
    void timeAndDepthExponents() {
        String[] time = {"--quantity", "lossAfter", "--setting", "rrs", "--continuum", "--nu", "1.5", "--beta", "0.8",
            "--depth", "inf", "--vary", "t=1e4:1e6", "--points", "5"};
        agrees(scaling("c*t^(-beta/(2 + beta))", "t", time));
        differs(scaling("c*t^(-beta/(1 + beta))", "t", time));
        String[] depth = {"--quantity", "optimalLoss", "--setting", "rrs", "--continuum", "--nu", "1.5", "--beta",
            "0.8", "--vary", "L=64..512", "--points", "5"};
        JsonNode j = scaling("c*L^(-beta)", "L", depth);
        agrees(j);
        assertTrue(j.get("prefactor").asDouble() > 0, j::toString);
        differs(scaling("c*L^(-nu*beta)", "L", depth));
    }

    @Test
    void widthAndContextExponentsRejectThePapers() {
        // beta = 1.5: the width floor saturates at nu*min(beta, 1) = 1.5; the paper prints nu*beta = 2.25
        String[] width = {"--quantity", "floor", "--setting", "rrs", "--nu", "1.5", "--beta", "1.5", "--dim", "100000",
            "--depth", "inf", "--vary", "N=125..1000", "--points", "4"};
        agrees(scaling("c*N^(-nu*Min[beta, 1])", "N", width));
        differs(scaling("c*N^(-nu*beta)", "N", width));
        // beta = 2.5: the context floor saturates at nu*min(beta, 2) = 3; the paper prints 3.75
        String[] context = {"--quantity", "floor", "--setting", "rrs", "--nu", "1.5", "--beta", "2.5", "--dim",
            "100000", "--depth", "inf", "--vary", "P=125..1000", "--points", "4"};
        agrees(scaling("c*P^(-nu*Min[beta, 2])", "P", context));
        differs(scaling("c*P^(-nu*beta)", "P", context));
    }

    @Test
    void fsTimeExponentRejectsThePapers() {
        String[] fs = {"--quantity", "lossAfter", "--setting", "fs", "--nu", "1.5", "--beta", "0.8", "--dim", "100000",
            "--depth", "inf", "--vary", "t=1e7:1e9", "--points", "5"};
        agrees(scaling("c*t^(-nu*beta/(nu*beta + 2*nu + 1))", "t", fs));
        differs(scaling("c*t^(-beta/(nu + nu*beta + 1))", "t", fs)); // formulas/scaling-exponents.m: the paper's
    }

    // --- bad input -------------------------------------------------------------------------------------------------

    @Test
    void badInputNamesTheOption() {
        Run r = CliHarness.run("check", "1/(1+alpha)", "--against-model", "--quantity", "los", "--vary", "alpha=1:2");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--quantity") && r.err().contains("excessLoss"), r.err());
        r = CliHarness.run("check", "1/(1+alpha)", "--against-model", "--quantity", "gamma", "--vary", "kappa=1:2");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--vary") && r.err().contains("kappa"), r.err());
        r = CliHarness.run("check", "1 - 2*gamma", "--against-model", "--vary", "alpha=1:2");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("gamma"), r.err());
        r = CliHarness.run("check", "1/(1+alpha)", "--against", "iso.optimalLoss", "--vary", "alpha=1:2");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--vary") && r.err().contains("--against-model"), r.err());
        r = CliHarness.run("check", "Run[\"touch /tmp/x\"]", "--against-model", "--vary", "alpha=1:2,gamma=0:1");
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        r = CliHarness.run("check", "--scaling", "c*L^(-beta)", "--as", "L", "--against-model", "--quantity",
                "optimalLoss", "--vary", "L=4..5");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("at least 4"), r.err());
    }
}
