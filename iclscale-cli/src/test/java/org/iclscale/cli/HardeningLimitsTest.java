package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Named regressions of issue 18 on the harden branch (each failed before): far training times answered in
 * seconds (and equal to the optimum they converge to), flows that cannot end soon refused with their limit,
 * options that do not apply refused instead of ignored, plot outputs that cannot name files refused, exact
 * answers where round-off printed a residue.
 */
class HardeningLimitsTest {

    private static void badInput(CliHarness.Run r, String option) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains(option + ":"), r.err());
        assertTrue(!r.err().contains("internal error") && !r.err().contains("Exception"), r.err());
    }

    private static JsonNode ok(String... args) {
        CliHarness.Run r = CliHarness.run(args);
        assertEquals(0, r.code(), r.err());
        return r.json();
    }

    /**
     * risk --time 2147483648 ran for hours (stability-limited steps on the plateau). The flow is monotone and converges
     * to the minimiser: gamma(T) must equal the optimum's gamma (ISO closed form, Theory.optimum) and the loss its
     * minimum — two independent computations.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "4"})
    void farTrainingTimeEndsAtTheOptimum(String depth) {
        JsonNode far = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> ok("risk", "--alpha", "1", "--depth",
                depth, "--sigma", "0.3", "--time", "2147483648", "--format", "json"));
        JsonNode opt = ok("risk", "--alpha", "1", "--depth", depth, "--sigma", "0.3", "--gamma", "opt", "--format",
                "json");
        double gStar = opt.get("gamma").asDouble();
        assertEquals(gStar, far.get("gamma").asDouble(), 1e-8 * gStar, far.toString());
        assertEquals(opt.get("loss").asDouble(), far.get("loss").asDouble(), 1e-12, far.toString());
    }

    /** dynamics --times 2147483648: the same, with earlier times still integrated (not held from the start). */
    @Test
    void farDynamicsTimesEndInSeconds() {
        JsonNode d = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> ok("dynamics", "--alpha", "2", "--depth",
                "2", "--times", "1,10,2147483648", "--format", "json"));
        JsonNode opt = ok("risk", "--alpha", "2", "--depth", "2", "--gamma", "opt", "--format", "json");
        double gStar = opt.get("gamma").asDouble();
        JsonNode g = d.get("gamma");
        assertTrue(g.get(0).asDouble() < g.get(1).asDouble() && g.get(1).asDouble() < gStar, d.toString());
        assertEquals(gStar, g.get(2).asDouble(), 1e-8 * gStar, d.toString());
    }

    /** The untied flow has no fixed point to stop at: beyond its work bound it is refused at once, naming it. */
    @Test
    void untiedFlowBeyondItsWorkBoundIsRefused() {
        String[] rrs = {"--setting", "rrs", "--nu", "1.5", "--beta", "0.8", "--dim", "16", "--rule", "untied"};
        CliHarness.Run far = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CliHarness.run(concat(
                new String[] {"dynamics", "--depth", "2", "--times", "2147483648"}, rrs)));
        badInput(far, "--times");
        assertTrue(far.err().contains("untied"), far.err());
        CliHarness.Run deep = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CliHarness.run(concat(
                new String[] {"dynamics", "--depth", "1000000", "--times", "1,10"}, rrs)));
        badInput(deep, "--times");
        // inside the bound it runs, and from equal init the layers stay balanced (the tied flow, App. G.1)
        JsonNode in = ok(concat(new String[] {"dynamics", "--depth", "2", "--times", "1,100", "--format", "json"}, rrs));
        JsonNode tied = ok("dynamics", "--setting", "rrs", "--nu", "1.5", "--beta", "0.8", "--dim", "16", "--depth", "2",
                "--times", "1,100", "--format", "json");
        assertEquals(tied.get("loss").get(1).asDouble(), in.get("loss").get(1).asDouble(), 1e-9);
    }

    /** dynamics --setting rrs --dim 1e7 ran for minutes: flows over more than 1e6 explicit modes are refused. */
    @Test
    void flowsOverHugeModeSumsAreRefused() {
        CliHarness.Run r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CliHarness.run("dynamics", "--setting",
                "rrs", "--nu", "1.5", "--beta", "0.8", "--dim", "1e7", "--times", "1,10"));
        badInput(r, "--dim");
        CliHarness.Run t = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CliHarness.run("risk", "--setting",
                "rrs", "--nu", "1.5", "--beta", "0.8", "--dim", "2e6", "--time", "10"));
        badInput(t, "--dim");
    }

    /** risk --setting fs --width-ratio 0.5 blamed --width, an option the user never gave. */
    @Test
    void widthRatioOutsideRrsNamesItself() {
        badInput(CliHarness.run("risk", "--setting", "fs", "--nu", "1.5", "--beta", "0.8", "--dim", "16", "--width-ratio",
                "0.5", "--gamma", "1"), "--width-ratio");
        badInput(CliHarness.run("risk", "--alpha", "1", "--width-ratio", "0.5", "--gamma", "1"), "--width-ratio");
        JsonNode rrs = ok("risk", "--setting", "rrs", "--nu", "1.5", "--beta", "0.8", "--dim", "16", "--width-ratio", "0.5",
                "--gamma", "1", "--format", "json");
        assertEquals(8, rrs.get("width").asInt(), rrs.toString());
    }

    /** Options that do not apply were silently ignored: dynamics iso --init 0.3, risk iso --convention appendix-d. */
    @Test
    void optionsThatDoNotApplyAreRefused() {
        badInput(CliHarness.run("dynamics", "--alpha", "1", "--init", "0.3", "--times", "1"), "--init");
        badInput(CliHarness.run("dynamics", "--alpha", "1", "--solver", "ode", "--times", "1"), "--solver");
        badInput(CliHarness.run("risk", "--alpha", "1", "--gamma", "1", "--convention", "appendix-d"), "--convention");
        // where they apply they change the answer
        JsonNode w1 = ok("dynamics", "--alpha", "1", "--rule", "full-attention", "--init", "0.3", "--times", "1",
                "--format", "json");
        JsonNode w0 = ok("dynamics", "--alpha", "1", "--rule", "full-attention", "--times", "1", "--format", "json");
        assertTrue(w1.get("gamma").get(0).asDouble() > w0.get("gamma").get(0).asDouble(), w1 + " / " + w0);
        JsonNode half = ok("risk", "--alpha", "1", "--time", "3", "--format", "json");
        JsonNode d = ok("risk", "--alpha", "1", "--time", "1.5", "--convention", "appendix-d", "--format", "json");
        assertEquals(half.get("loss").asDouble(), d.get("loss").asDouble(), 1e-10); // appendix-d time t = half time 2t
    }

    /** plot --out '' wrote .png into the parent directory and .py two levels up; /dev/null gave /dev/null.png. */
    @Test
    void plotOutputsThatCannotNameFilesAreRefused(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "x,y\n1,2\n2,3\n");
        File cwd = new File(".").getAbsoluteFile();
        Set<String> before = Set.of(cwd.list());
        Set<String> parentBefore = Set.of(cwd.getParentFile().list());
        for (String out : new String[] {"", ".", "..", dir.toString(), "/dev/null", dir.resolve("no/such/dir/p").toString(),
            dir.resolve(".svg").toString()}) {
            badInput(CliHarness.run("plot", "--in", csv.toString(), "--x", "x", "--y", "y", "--out", out), "--out");
        }
        assertEquals(before, Set.of(cwd.list()));
        assertEquals(parentBefore, Set.of(cwd.getParentFile().list()));
        CliHarness.Run ok = CliHarness.run("plot", "--in", csv.toString(), "--x", "x", "--y", "y", "--out",
                dir.resolve("p.svg").toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(Files.readString(dir.resolve("p.svg")).contains("<svg"));
    }

    /** ood at theta = 0 printed 1.16e-33 where Sigma' = Sigma and the loss is exactly sigma^2. */
    @Test
    void oodAtThetaZeroIsExact() {
        for (String sigma : new String[] {"0", "0.5"}) {
            JsonNode r = ok("ood", "--setting", "fs", "--nu", "1.5", "--beta", "0.8", "--dim", "16", "--sigma", sigma,
                    "--thetas", "0", "--format", "json");
            double s = Double.parseDouble(sigma);
            assertEquals(s * s, r.get("loss").get(0).asDouble(), 0.0, r.toString());
            assertEquals(0.0, r.get("spectralRadius").get(0).asDouble(), 0.0, r.toString());
        }
        // small angles are not a round-off floor: at L = 1 the loss grows as theta^2 (the first-order rotation)
        JsonNode r = ok("ood", "--setting", "fs", "--nu", "1.5", "--beta", "0.8", "--dim", "16", "--thetas",
                "1e-7,2e-7", "--format", "json");
        double ratio = r.get("loss").get(1).asDouble() / r.get("loss").get(0).asDouble();
        assertEquals(4.0, ratio, 1e-4, r.toString());
    }

    /** risk --alpha 2 --depth 2147483646 --gamma 5e5 printed loss -3.774758284e-15. */
    @Test
    void roundOffBelowTheNoiseFloorIsNotPrinted() {
        JsonNode r = ok("risk", "--alpha", "2", "--depth", "2147483646", "--gamma", "5e5", "--format", "json");
        assertTrue(r.get("loss").asDouble() >= 0 && r.get("excessLoss").asDouble() >= 0, r.toString());
        assertTrue(r.get("loss").asDouble() < 1e-12, r.toString());
    }

    /** --help together with other options, valid or not: picocli's convention, help on stdout and exit 0 (README). */
    @Test
    void helpWinsOverOtherOptions() {
        for (String[] args : new String[][] {{"risk", "--alpha", "1", "--gamma", "1", "--help"},
            {"risk", "--help", "--alpha", "-1"}, {"dynamics", "--times", ",", "--help"}}) {
            CliHarness.Run r = CliHarness.run(args);
            assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: iclscale " + args[0]), r.out());
            assertEquals("", r.err());
        }
    }

    /** Fuzz findings: sgd --steps 1e8 ran out of heap; --modes with --continuum and sigma = 1e308 were internal errors. */
    @Test
    void fuzzFindingsAreRefused() {
        CliHarness.Run sgd = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CliHarness.run("sgd", "--alpha", "1",
                "--eta", "0.1", "--steps", "1e8"));
        badInput(sgd, "--every");
        assertTrue(sgd.err().contains(">= 101"), sgd.err());
        badInput(CliHarness.run("dynamics", "--setting", "fs", "--nu", "1.5", "--beta", "0.8", "--times", "1,10",
                "--modes", "1,2", "--continuum"), "--continuum");
        badInput(CliHarness.run("risk", "--alpha", "1", "--gamma", "1", "--sigma", "1e308"), "--sigma");
        JsonNode ood = ok("ood", "--setting", "fs", "--nu", "1.5", "--beta", "0.8", "--dim", "16", "--depth", "2",
                "--thetas", "0,1e-300", "--format", "json");
        assertEquals(0.0, ood.get("loss").get(1).asDouble(), 1e-300, ood.toString());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
