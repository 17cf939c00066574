package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iclscale.cli.CliHarness.Run;
import org.junit.jupiter.api.Test;

/** CLI contract of the symbolic verbs (derive, check, optimum --format tex): exit codes, JSON keys, verdicts. */
class SymbolicVerbsTest {

    private static Run run(String... args) {
        return CliHarness.run(args);
    }

    private static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }

    @Test
    void deriveListsEveryFileWithItsHeader() {
        Run r = run("derive", "--list");
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("iso-landscape", "iso-optimum", "iso-depth-one", "iso-infinite-depth", "sgd-depth-one",
                "fs-infinite-depth", "rrs-loss", "floors", "errata")) {
            assertTrue(r.out().contains(f + ": "), f);
        }
        assertTrue(r.out().contains("domain: alpha (0, 8]; L integer [1, 12]"));
    }

    @Test
    void deriveGivesTheExactDepthTwoOptimum() throws Exception {
        Run r = run("derive", "isoOptimalLoss", "--set", "L=2", "--format", "mathematica");
        assertEquals(0, r.code(), r.err());
        assertEquals("(1+2*alpha)/(1+alpha)^3", r.out().trim().replace(" ", ""));
        Run tex = run("derive", "isoOptimalLoss", "--set", "L=2", "--format", "tex");
        assertEquals(0, tex.code(), tex.err());
        assertTrue(tex.out().contains("\\frac{1+2 \\cdot \\alpha}"), tex.out());
        JsonNode j = json(run("derive", "isoDepthOneGamma", "--format", "json").out());
        assertEquals("alpha/(1 + alpha + sigma^2)", j.get("isoDepthOneGamma").get("simplified").asText());
        assertEquals("iso-depth-one", j.get("file").asText());
        assertTrue(j.has("method"));
    }

    @Test
    void deriveSeriesExpandsTheOptimalLossInOneOverL() throws Exception {
        Run r = run("derive", "isoOptimalLoss", "--set", "alpha=1", "--series", "L", "--order", "3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("(1/Sqrt[Pi])*L^(-1/2)*(1 - 1/(8*L) + 1/(128*L^2) + 5/(1024*L^3) + O(L^-4))"), r.out());
        assertTrue(r.out().contains("expanded: isoOptimalLossClosed"), r.out());
        JsonNode j = json(run("derive", "isoOptimalLoss", "--set", "alpha=1/2", "--series", "L", "--order", "1",
                "--format", "json").out()).get("isoOptimalLoss");
        assertEquals("1/2", j.get("constant").asText());
        assertEquals("8/9", j.get("terms").get(0).get("base").asText());
        assertEquals("-105/8", j.get("terms").get(0).get("coefficients").get(0).asText());
        // bad input: one line, exit 2, before Symja where possible
        for (String[] bad : List.of(new String[] {"--series", "L"}, new String[] {"--set", "alpha=1", "--order", "3"},
                new String[] {"--set", "alpha=1", "--series", "L", "--order", "9"},
                new String[] {"--set", "alpha=1", "--series", "q"},
                new String[] {"--set", "alpha=1", "--set", "L=2", "--series", "L"})) {
            String[] args = new String[bad.length + 2];
            args[0] = "derive";
            args[1] = "isoOptimalLoss";
            System.arraycopy(bad, 0, args, 2, bad.length);
            Run b = run(args);
            assertEquals(2, b.code(), String.join(" ", bad) + ": " + b.err());
            assertEquals(1, b.err().strip().lines().count(), b.err());
        }
        // a rational function: 1/(1 + alpha) = alpha^-1 (1 - 1/alpha + 1/alpha^2 - ...), the geometric series
        Run rational = run("derive", "isoDepthOneLoss", "--set", "sigma=0", "--set", "gamma=1/2", "--series", "alpha",
                "--format", "mathematica");
        assertEquals(0, rational.code(), rational.err());
        assertEquals("alpha^(-1)*(1 - 1/alpha + 1/alpha^2 - 1/alpha^3)", rational.out().trim());
        Run noClosedForm = run("derive", "isoInfiniteDepthLoss", "--series", "alpha");
        assertEquals(2, noClosedForm.code(), noClosedForm.err());
        assertTrue(noClosedForm.err().contains("cannot expand"), noClosedForm.err());
    }

    @Test
    void deriveRejectsUnknownNamesFormatsAndVariables() {
        Run r = run("derive", "isoOptimalLos");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("isoOptimalLoss") && r.err().contains("iso-optimum"), r.err());
        assertEquals(1, r.err().strip().lines().count());
        assertEquals(2, run("derive", "isoOptimalLoss", "--format", "pdf").code());
        assertEquals(2, run("derive", "isoOptimalLoss", "--set", "q=1").code());
        assertEquals(2, run("derive").code());
    }

    @Test
    void checkRejectsBadSettings() {
        for (String bad : new String[] {"q=1", "L", "L=two", "L=inf"}) {
            Run r = run("check", "(1+alpha)^(-2)", "--against", "isoOptimalLoss", "--set", bad);
            assertEquals(2, r.code(), bad + ": " + r.err());
            assertTrue(r.err().startsWith("iclscale check: --set: " + bad.replace(" ", "")), r.err());
        }
    }

    @Test
    void checkConfirmsAnEqualExpression() throws Exception {
        Run r = run("check", "sigma^2 + 1 - alpha/(alpha + 1 + sigma^2)", "--against", "isoDepthOneLoss", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = json(r.out());
        assertEquals("equal", j.get("verdict").asText());
        assertTrue(j.get("symbolicallyEqual").asBoolean());
        assertEquals(24, j.get("pointsChecked").asInt());
        assertFalse(j.has("counterexample"));
        for (String key : List.of("expression", "against", "domain", "seed", "tolerance", "method", "maxRelativeDifference")) {
            assertTrue(j.has(key), key);
        }
        // a sum with symbolic bound: equal numerically without a symbolic proof
        Run sum = run("check", "1 - (alpha/(1+alpha))*Sum[Binomial[2*n, n]/(n + 1)*(alpha/(1+alpha)^2)^n, {n, 0, L - 1}]",
                "--against", "isoOptimalLoss", "--points", "8", "--format", "json");
        assertEquals(0, sum.code(), sum.err());
        assertEquals("equal", json(sum.out()).get("verdict").asText());
    }

    @Test
    void checkFindsACounterexampleToThePapersDepthOneLoss() throws Exception {
        Run r = run("check", "(1+alpha)^(-2)", "--against", "isoOptimalLoss", "--set", "L=1", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = json(r.out());
        assertEquals("different", j.get("verdict").asText());
        JsonNode c = j.get("counterexample");
        double alpha = c.get("point").get("alpha").asDouble();
        assertEquals(1 / ((1 + alpha) * (1 + alpha)), c.get("expressionValue").asDouble(), 1e-12);
        assertEquals(1 / (1 + alpha), c.get("builtinValue").asDouble(), 1e-12);
        assertFalse(c.get("point").has("L"), "fixed variables are not part of the counterexample");
    }

    @Test
    void checkRejectsMalformedExpressionsOnOneLine() {
        Run r = run("check", "1/(1+alpha", "--against", "isoOptimalLoss");
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("does not parse") && r.err().contains("expected"), r.err());
        assertEquals(2, run("check", "alpha", "--against", "nope").code());
        assertEquals(2, run("check", "q*alpha", "--against", "isoOptimalLoss").code());
        assertEquals(2, run("check", "alpha").code());
        assertEquals(2, run("check", "alpha", "--against", "isoOptimalLoss", "--points", "0").code());
    }

    @Test
    void errataWalkConfirmsEveryCorrection() throws Exception {
        Run r = run("check", "--errata", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = json(r.out());
        assertEquals(9, j.get("errataChecked").asInt());
        assertEquals(9, j.get("correctionsConfirmed").asInt(), r.out());
        JsonNode l1 = j.get("isoDepthOneOptimum");
        assertEquals(0.25, l1.get("paperValue").asDouble(), 1e-15);
        assertEquals(0.5, l1.get("witnessValue").asDouble(), 1e-12);
        assertTrue(l1.get("symbolicallyDifferent").asBoolean());
        assertEquals(1.75, j.get("sgdInitialCondition").get("paperValue").asDouble(), 1e-14);
        // paper-notes §3.3: direct sums give 0.3086 for nu = beta = 1.25, not the paper's 0.3279
        assertEquals(0.3086, j.get("fsTimeExponent").get("witnessValue").asDouble(), 5e-4);
        assertEquals(2, run("check", "--errata", "alpha").code());
    }

    @Test
    void optimumPrintsTheDerivedClosedFormInTex() {
        Run r = run("optimum", "--alpha", "0.5", "--depth", "2", "--format", "tex");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\\frac{2 \\cdot \\alpha}{1 + \\alpha}"), r.out());
        assertTrue(r.out().contains("\\frac{1+2 \\cdot \\alpha}{{\\left( 1 + \\alpha\\right) }^{3}}"), r.out());
        assertTrue(r.out().contains("0.592592592593"), r.out());
        Run noisy = run("optimum", "--alpha", "1", "--depth", "1", "--sigma", "0.5", "--format", "tex");
        assertEquals(0, noisy.code(), noisy.err());
        assertTrue(noisy.out().contains("\\sigma^2 + \\frac{1 + {\\sigma}^{2}}{1 + \\alpha + {\\sigma}^{2}}"), noisy.out());
        Run inf = run("optimum", "--alpha", "0.25", "--depth", "inf", "--format", "tex");
        assertEquals(0, inf.code(), inf.err());
        assertTrue(inf.out().contains("[1-\\alpha]_+") && inf.out().contains("0.75"), inf.out());
        // beyond the expanded range the Catalan-sum form is printed, with the value of the file's formula
        Run deep = run("optimum", "--alpha", "2", "--depth", "20", "--format", "tex");
        assertEquals(0, deep.code(), deep.err());
        assertTrue(deep.out().contains("\\sum_{n=0}^{19} C_n x^n"), deep.out());
        assertTrue(deep.out().contains("\\frac{20 \\cdot \\alpha}{1 + \\alpha}"), deep.out());
        // no closed form for L > 1 with noise: the request cannot be answered from its input, exit 2 saying so
        // (issue 16.5; it was exit 1, and at alpha = inf an internal error)
        for (String[] args : new String[][] {{"--alpha", "1", "--depth", "3", "--sigma", "0.5"}, {"--sigma", "0.2"}}) {
            List<String> all = new java.util.ArrayList<>(List.of("optimum", "--format", "tex"));
            all.addAll(List.of(args));
            Run none = run(all.toArray(String[]::new));
            assertEquals(2, none.code(), none.err());
            assertEquals(1, none.errLines().size(), none.err());
            assertTrue(none.err().contains("--format: tex") && none.err().contains("closed form"), none.err());
        }
    }

    @Test
    void checkIsRelativeWithAPrintedAbsoluteFloor() throws Exception {
        // issue 16.4: max(1, |value|) in the denominator called a factor-2 error at lambda = 1e-10 equal
        Run r = run("check", "2*lambda*omega/(1+4*lambda^3*omega*t)", "--against", "fsModeLoss", "--set", "lambda=1e-10",
                "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = json(r.out());
        assertEquals("different", j.get("verdict").asText());
        assertEquals(0.5, j.get("maxRelativeDifference").asDouble(), 1e-12);
        assertEquals(1e-14, j.get("absoluteFloor").asDouble());
        assertEquals(0.5, j.get("counterexample").get("relativeDifference").asDouble(), 1e-12);
        // the right expression at the same scale is equal
        Run right = run("check", "omega*lambda/(1+4*lambda^3*omega*t)", "--against", "fsModeLoss", "--set", "lambda=1e-10",
                "--format", "json");
        assertEquals("equal", json(right.out()).get("verdict").asText(), right.out());
        // maxRelativeDifference is relative for values below 1: 1.5 x the L = 2 optimum differs by 1/3 everywhere
        Run scaled = run("check", "1.5*(1+2*alpha)/(1+alpha)^3", "--against", "isoOptimalLoss", "--set", "L=2",
                "--format", "json");
        assertEquals(1.0 / 3, json(scaled.out()).get("maxRelativeDifference").asDouble(), 1e-12);
        // a relative error below the floor's reach passes by the floor only, and the report says so
        Run floor = run("check", "0", "--against", "fsModeLoss", "--set", "lambda=1e-20", "--format", "json");
        JsonNode f = json(floor.out());
        assertEquals("equal", f.get("verdict").asText(), floor.out());
        assertEquals(f.get("pointsChecked").asInt(), f.get("pointsWithinFloor").asInt());
        Run strict = run("check", "0", "--against", "fsModeLoss", "--set", "lambda=1e-20", "--floor", "0", "--format", "json");
        assertEquals("different", json(strict.out()).get("verdict").asText());
    }

    @Test
    void checkRefusesDoubleStarAndNeverJudgesOnZeroPoints() {
        // issue 16.5: '(1+alpha)**-1' printed "different" after checking 0 points, exit 0
        Run star = run("check", "(1+alpha)**-1", "--against", "isoOptimalLoss");
        assertEquals(2, star.code(), star.out());
        assertTrue(star.err().contains("use ^"), star.err());
        Run complex = run("check", "Sqrt[-1 - alpha]", "--against", "isoOptimalLoss");
        assertEquals(2, complex.code(), complex.out());
        assertTrue(complex.err().contains("not a real number at any"), complex.err());
        assertEquals(1, complex.errLines().size());
    }

    @Test
    void misspeltFormulaNamesSuggestTheNearest() {
        // issue 16.10
        Run derive = run("derive", "isoOptimalLos");
        assertTrue(derive.err().contains("did you mean isoOptimalLoss?"), derive.err());
        Run check = run("check", "alpha", "--against", "isoOptimalGama");
        assertEquals(2, check.code());
        assertTrue(check.err().contains("did you mean isoOptimalGamma?"), check.err());
        assertEquals(1, check.errLines().size());
    }

    /** Numeric verbs must never start Symja: run them in a fresh JVM and ask. */
    @Test
    void numericVerbsNeverStartTheSymbolicEngine() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.iclscale.cli.NumericVerbsProbe").redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("symbolicEngineStarted=false"), out);
        assertTrue(out.contains("formulaLibraryIsPlainJava=true"), out);
    }
}
