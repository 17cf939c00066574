package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.iclscale.cli.CliHarness.Run;
import org.iclscale.core.Depth;
import org.iclscale.theory.IsoModel;
import org.iclscale.theory.ShallowSgd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The command-line contract of design.md, through {@link Main#execute}: help, version, JSON keys, exit codes. */
class CliTest {

    static final List<String> VERBS = List.of("risk", "optimum", "landscape", "dynamics", "sgd", "simulate", "tour");

    static Run run(String... args) {
        return CliHarness.run(args);
    }

    static Run ok(String... args) {
        Run r = run(args);
        assertEquals(0, r.code(), String.join(" ", args) + " failed: " + r.err());
        assertEquals("", r.err(), "nothing on stderr");
        return r;
    }

    // ---------------- help and version ----------------

    @ParameterizedTest
    @ValueSource(strings = {"risk", "optimum", "landscape", "dynamics", "sgd", "simulate", "tour"})
    void everyVerbHasHelp(String verb) {
        Run r = ok(verb, "--help");
        assertTrue(r.out().startsWith("Usage: iclscale " + verb), r.out());
        assertTrue(r.out().contains("--format") && r.out().contains("--help"), r.out());
        assertEquals(r.out(), ok("help", verb).out(), "'help verb' = 'verb --help'");
    }

    @Test
    void topLevelHelpListsEveryVerbAndTheConventions() {
        Run r = ok("--help");
        for (String verb : VERBS) {
            assertTrue(r.out().contains(verb), verb);
        }
        String text = r.out().replaceAll("\\s+", " ");
        assertTrue(text.contains("alpha = P/D") && text.contains("loss includes sigma^2")
                && text.contains("dGamma/dt = -1/2 dLoss/dGamma"), r.out());
    }

    @Test
    void version() {
        Run r = ok("--version");
        assertTrue(r.out().matches("(?s)iclscale \\d+\\.\\d+\\.\\d+.*2510\\.01098.*"), r.out());
        for (String verb : VERBS) {
            assertEquals(r.out(), ok(verb, "--version").out(), verb + " --version");
        }
    }

    // ---------------- JSON keys and values ----------------

    private static void assertKeys(JsonNode node, String... keys) {
        for (String k : keys) {
            assertTrue(node.has(k), "missing key " + k + " in " + node);
        }
    }

    @Test
    void riskJson() {
        JsonNode j = ok("risk", "--alpha", "2", "--depth", "4", "--gamma", "2.5", "--sigma", "0.3", "--format", "json").json();
        assertKeys(j, "setting", "alpha", "depth", "sigma", "gamma", "loss", "excessLoss", "method", "stabilityEdge");
        assertEquals("iso", j.get("setting").asText());
        assertEquals(2.0, j.get("alpha").asDouble());
        assertEquals(4, j.get("depth").asInt());
        assertEquals(0.3, j.get("sigma").asDouble());
        assertEquals(2.5, j.get("gamma").asDouble());
        double expected = new IsoModel(2, Depth.of(4), 0.3).loss(2.5);
        assertEquals(expected, j.get("loss").asDouble(), 0);
        assertEquals(expected - 0.09, j.get("excessLoss").asDouble(), 1e-15);
        // inf is echoed as the string "inf"
        JsonNode inf = ok("risk", "--alpha", "inf", "--depth", "inf", "--gamma", "1", "--format", "json").json();
        assertEquals("inf", inf.get("alpha").asText());
        assertEquals("inf", inf.get("depth").asText());
        assertEquals(Math.exp(-2), inf.get("loss").asDouble(), 1e-15);
        // --gamma opt
        JsonNode opt = ok("risk", "--alpha", "1", "--depth", "8", "--gamma", "opt", "--format", "json").json();
        assertEquals(4.0, opt.get("gamma").asDouble(), 1e-9);
        assertEquals(IsoModel.optimalNoiselessLoss(1, Depth.of(8)), opt.get("loss").asDouble(), 1e-13);
    }

    /** `optimum` reproduces the paper-notes §3.1 σ = 0 table and the closed forms it reports. */
    @ParameterizedTest
    @ValueSource(doubles = {0.25, 0.5, 1, 2, 4, 8})
    void optimumVerbReproducesNoiselessTable(double alpha) {
        for (int l : new int[] {1, 2, 4, 8, 16, 32}) {
            JsonNode j = ok("optimum", "--alpha", Double.toString(alpha), "--depth", Integer.toString(l), "--format", "json").json();
            assertKeys(j, "setting", "alpha", "depth", "sigma", "gamma", "gammaPerLayer", "loss", "excessLoss", "method",
                    "closedFormGamma", "closedFormLoss", "stabilityEdge", "evaluations");
            double closed = IsoModel.optimalNoiselessLoss(alpha, Depth.of(l));
            assertEquals(closed, j.get("closedFormLoss").asDouble(), 0);
            assertEquals(closed, j.get("loss").asDouble(), Math.max(1e-12, 1e-9 * closed));
            if (closed > 1e-6) {
                assertEquals(alpha / (1 + alpha), j.get("gammaPerLayer").asDouble(), 1e-9);
            }
        }
    }

    /** `optimum` with noise: the §3.1 noisy table (4 decimals), and the L = 1 closed form. */
    @Test
    void optimumVerbNoisy() {
        JsonNode j = ok("optimum", "--alpha", "1", "--depth", "4", "--sigma", "0.5", "--format", "json").json();
        assertEquals(0.4609, j.get("gammaPerLayer").asDouble(), 5e-5);
        assertEquals(0.4078, j.get("excessLoss").asDouble(), 5e-5);
        assertEquals(0.25 + 0.4078, j.get("loss").asDouble(), 5e-5);
        JsonNode one = ok("optimum", "--alpha", "2", "--depth", "1", "--sigma", "1", "--format", "json").json();
        assertEquals(0.5, one.get("closedFormGamma").asDouble(), 1e-15);
        assertEquals(1.5, one.get("closedFormLoss").asDouble(), 1e-15);
        assertEquals(0.5, one.get("gamma").asDouble(), 1e-9);
        assertEquals(1.5, one.get("loss").asDouble(), 1e-12);
    }

    /** Depth inf: σ = 0 reports the infimum [1 − α]₊; σ > 0 a stationary point of the L = ∞ landscape. */
    @Test
    void optimumAtInfiniteDepth() {
        JsonNode zero = ok("optimum", "--alpha", "0.4", "--depth", "inf", "--format", "json").json();
        assertEquals("inf", zero.get("gamma").asText());
        assertEquals(0.6, zero.get("loss").asDouble(), 1e-15);
        for (String alpha : new String[] {"0.5", "0.9", "1", "2"}) {
            JsonNode j = ok("optimum", "--alpha", alpha, "--depth", "inf", "--sigma", "0.5", "--format", "json").json();
            double gamma = j.get("gamma").asDouble();
            IsoModel model = new IsoModel(Double.parseDouble(alpha), Depth.INFINITE, 0.5);
            assertEquals(model.loss(gamma), j.get("loss").asDouble(), 0);
            assertEquals(0.0, model.lossDerivative(gamma), 1e-10, "stationary at alpha " + alpha);
            for (double f : new double[] {0.5, 0.9, 1.1, 2, 10}) {
                assertTrue(model.loss(f * gamma) > j.get("loss").asDouble(), "minimum at alpha " + alpha);
            }
        }
    }

    @Test
    void landscapeJson() {
        JsonNode j = ok("landscape", "--alpha", "1", "--depth", "4", "--sigma", "0.5", "--points", "50", "--format", "json").json();
        assertKeys(j, "setting", "alpha", "depth", "sigma", "points", "stabilityEdgePerLayer", "method", "gammaPerLayer",
                "loss", "excessLoss", "gamma");
        assertEquals(50, j.get("loss").size());
        assertEquals(0.5, j.get("stabilityEdgePerLayer").asDouble(), 1e-15); // 2/λ₊ = 2/4
        assertEquals(0.5, j.get("gammaPerLayer").get(49).asDouble(), 1e-15);
        IsoModel model = new IsoModel(1, Depth.of(4), 0.5);
        for (int i = 0; i < 50; i++) {
            assertEquals(model.loss(j.get("gamma").get(i).asDouble()), j.get("loss").get(i).asDouble(), 0);
            assertEquals(j.get("loss").get(i).asDouble() - 0.25, j.get("excessLoss").get(i).asDouble(), 1e-15);
        }
    }

    @Test
    void dynamicsJson() {
        JsonNode j = ok("dynamics", "--alpha", "2", "--depth", "1", "--times", "0,0.5,3", "--format", "json").json();
        assertKeys(j, "setting", "alpha", "depth", "sigma", "convention", "method", "time", "gamma", "loss", "excessLoss");
        double g = 1.5; // L = 1: γ(t) = (1 − e^{−gt})/g, g = 1 + 1/α
        for (int i = 0; i < 3; i++) {
            double t = j.get("time").get(i).asDouble();
            assertEquals((1 - Math.exp(-g * t)) / g, j.get("gamma").get(i).asDouble(), 1e-11);
        }
        assertEquals(1.0, j.get("loss").get(0).asDouble(), 1e-15);
    }

    /** sgd: keys, the Result 10 table value, loss(0) = 1 + σ², and the asymptotes. */
    @Test
    void sgdJson() {
        JsonNode j = ok("sgd", "--alpha", "1", "--kappa", "1", "--tau", "0.1", "--eta", "0.02", "--steps", "100",
                "--format", "json").json();
        assertKeys(j, "setting", "depth", "alpha", "kappa", "tau", "eta", "sigma", "steps", "every", "a", "b",
                "largestStableEta", "asymptoticLoss", "asymptoticGammaDistance", "method", "step", "gammaDistance",
                "loss", "excessLoss");
        assertEquals(101, j.get("step").size());
        assertEquals(0.6734, j.get("gammaDistance").get(20).asDouble(), 5e-5);
        assertEquals(0.4946, j.get("gammaDistance").get(50).asDouble(), 5e-5);
        assertEquals(0.4315, j.get("gammaDistance").get(100).asDouble(), 5e-5);
        assertEquals(0.4224, j.get("asymptoticGammaDistance").asDouble(), 5e-5);
        assertEquals(1.0, j.get("loss").get(0).asDouble(), 1e-15);
        JsonNode noisy = ok("sgd", "--alpha", "2", "--eta", "0.01", "--sigma", "0.5", "--steps", "10", "--format", "json").json();
        assertEquals(1.25, noisy.get("loss").get(0).asDouble(), 1e-14);
        ShallowSgd sgd = new ShallowSgd(2, 1, 1, 0.01, 0.5);
        assertEquals(sgd.asymptoticLoss(), noisy.get("asymptoticLoss").asDouble(), 0);
        assertEquals(0.25 + 1.25 / 3.25 + sgd.g() * sgd.b() / (1 - sgd.a()), noisy.get("asymptoticLoss").asDouble(), 1e-14);
    }

    @Test
    void simulateJson() {
        JsonNode j = ok("simulate", "--dim", "200", "--alpha", "1", "--depth", "2", "--gamma", "1", "--trials", "200",
                "--seed", "5", "--format", "json").json();
        assertKeys(j, "setting", "alpha", "depth", "sigma", "dim", "contextLength", "gamma", "trials", "seed", "loss",
                "excessLoss", "standardError", "theoryLoss", "deviationInStandardErrors", "method");
        assertEquals(0.375, j.get("theoryLoss").asDouble(), 1e-15);
        assertTrue(Math.abs(j.get("deviationInStandardErrors").asDouble()) < 4, j.toString());
        assertEquals(j.toString(), ok("simulate", "--dim", "200", "--alpha", "1", "--depth", "2", "--gamma", "1",
                "--trials", "200", "--seed", "5", "--format", "json").json().toString(), "reproducible");
    }

    /** tour: writes its CSV files, every table finite; the σ = 0 table agrees with the Catalan closed form. */
    @Test
    void tourWritesItsTables(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Run r = ok("tour", "--out", dir.toString(), "--format", "json");
        assertFalse(r.out().contains("NaN") || r.out().contains("Infinity"));
        List<String> files = new java.util.ArrayList<>();
        try (var s = java.nio.file.Files.list(dir)) {
            s.forEach(f -> files.add(f.getFileName().toString()));
        }
        assertTrue(files.contains("iso-optimal-loss.csv") && files.size() >= 4, files.toString());
        List<String> table = java.nio.file.Files.readAllLines(dir.resolve("iso-optimal-loss.csv"));
        String[] header = table.get(0).split(",");
        int l4 = List.of(header).indexOf("L4");
        for (String line : table.subList(1, 7)) {
            String[] cells = line.split(",");
            double alpha = Double.parseDouble(cells[0]);
            assertEquals(IsoModel.optimalNoiselessLoss(alpha, Depth.of(4)), Double.parseDouble(cells[l4]), 1e-12, line);
        }
    }

    // ---------------- bad input: exit 2, one line naming option, value, valid range ----------------

    static Stream<Arguments> invalid() {
        return Stream.of(
                // option, value, arguments
                Arguments.of("--alpha", "-1", new String[] {"risk", "--alpha", "-1", "--gamma", "1"}),
                Arguments.of("--alpha", "0", new String[] {"risk", "--alpha", "0", "--gamma", "1"}),
                Arguments.of("--alpha", "nan", new String[] {"risk", "--alpha", "nan", "--gamma", "1"}),
                Arguments.of("--alpha", "abc", new String[] {"optimum", "--alpha", "abc"}),
                Arguments.of("--depth", "0", new String[] {"risk", "--depth", "0", "--gamma", "1"}),
                Arguments.of("--depth", "-3", new String[] {"optimum", "--depth", "-3"}),
                Arguments.of("--depth", "1.5", new String[] {"risk", "--depth", "1.5", "--gamma", "1"}),
                Arguments.of("--depth", "nan", new String[] {"landscape", "--depth", "nan"}),
                Arguments.of("--depth", "99999999999", new String[] {"risk", "--depth", "99999999999", "--gamma", "1"}),
                Arguments.of("--depth", "inf", new String[] {"risk", "--depth", "inf", "--gamma", "opt"}),
                Arguments.of("--depth", "inf", new String[] {"landscape", "--depth", "inf"}),
                Arguments.of("--depth", "inf", new String[] {"simulate", "--depth", "inf", "--dim", "10", "--gamma", "1"}),
                Arguments.of("--sigma", "-0.5", new String[] {"risk", "--sigma", "-0.5", "--gamma", "1"}),
                Arguments.of("--sigma", "inf", new String[] {"optimum", "--sigma", "inf"}),
                Arguments.of("--sigma", "NaN", new String[] {"dynamics", "--sigma", "NaN", "--times", "1"}),
                Arguments.of("--gamma", "-1", new String[] {"risk", "--gamma", "-1"}),
                Arguments.of("--gamma", "inf", new String[] {"risk", "--gamma", "inf"}),
                Arguments.of("--gamma", "nan", new String[] {"risk", "--gamma", "nan"}),
                Arguments.of("--gamma", "opt", new String[] {"simulate", "--dim", "10", "--gamma", "opt"}),
                Arguments.of("--setting", "foo", new String[] {"risk", "--setting", "foo", "--gamma", "1"}),
                Arguments.of("--setting", "fs", new String[] {"risk", "--setting", "fs", "--gamma", "1"}),
                Arguments.of("--format", "xml", new String[] {"risk", "--format", "xml", "--gamma", "1"}),
                Arguments.of("--points", "1", new String[] {"landscape", "--points", "1"}),
                Arguments.of("--points", "2.5", new String[] {"landscape", "--points", "2.5"}),
                Arguments.of("--max", "-1", new String[] {"landscape", "--max", "-1"}),
                Arguments.of("--times", "-1", new String[] {"dynamics", "--times", "-1"}),
                Arguments.of("--times", "inf", new String[] {"dynamics", "--times", "inf"}),
                Arguments.of("--times", "3,1", new String[] {"dynamics", "--times", "3,1"}),
                Arguments.of("--eta", "0", new String[] {"sgd", "--alpha", "1", "--eta", "0", "--steps", "3"}),
                Arguments.of("--eta", "-0.1", new String[] {"sgd", "--alpha", "1", "--eta", "-0.1", "--steps", "3"}),
                Arguments.of("--kappa", "0", new String[] {"sgd", "--alpha", "1", "--kappa", "0", "--eta", "0.1", "--steps", "3"}),
                Arguments.of("--tau", "-2", new String[] {"sgd", "--alpha", "1", "--tau", "-2", "--eta", "0.1", "--steps", "3"}),
                Arguments.of("--alpha", "inf", new String[] {"sgd", "--alpha", "inf", "--eta", "0.1", "--steps", "3"}),
                Arguments.of("--sigma", "-1", new String[] {"sgd", "--alpha", "1", "--sigma", "-1", "--eta", "0.1", "--steps", "3"}),
                Arguments.of("--steps", "-1", new String[] {"sgd", "--alpha", "1", "--eta", "0.1", "--steps", "-1"}),
                Arguments.of("--steps", "2.5", new String[] {"sgd", "--alpha", "1", "--eta", "0.1", "--steps", "2.5"}),
                Arguments.of("--every", "0", new String[] {"sgd", "--alpha", "1", "--eta", "0.1", "--steps", "3", "--every", "0"}),
                Arguments.of("--dim", "0", new String[] {"simulate", "--dim", "0", "--gamma", "1"}),
                Arguments.of("--trials", "1", new String[] {"simulate", "--dim", "10", "--gamma", "1", "--trials", "1"}),
                Arguments.of("--seed", "x", new String[] {"simulate", "--dim", "10", "--gamma", "1", "--seed", "x"}),
                Arguments.of("--alpha", "inf", new String[] {"simulate", "--dim", "10", "--gamma", "1", "--alpha", "inf"}),
                Arguments.of("--foo", "--foo", new String[] {"risk", "--foo", "1", "--gamma", "1"}),
                Arguments.of("frobnicate", "frobnicate", new String[] {"frobnicate"}));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void invalidInputExitsTwoWithOneLine(String option, String value, String[] args) {
        Run r = run(args);
        String what = String.join(" ", args) + " -> " + r.err();
        assertEquals(2, r.code(), what);
        assertEquals("", r.out(), what);
        assertEquals(1, r.errLines().size(), "exactly one line: " + what);
        String line = r.errLines().get(0);
        assertTrue(line.contains(option), "names the option: " + what);
        assertTrue(line.contains(value), "names the value: " + what);
        assertTrue(line.contains("expected"), "states the valid range: " + what);
        assertFalse(line.contains("Exception") || line.contains("\tat "), "no stack trace: " + what);
    }

    /** An unstable SGD step: exit 2, and the message gives the largest stable η. */
    @Test
    void unstableSgdStep() {
        double max = ShallowSgd.largestStableEta(1, 1, 0.1, 0);
        Run r = run("sgd", "--alpha", "1", "--tau", "0.1", "--eta", "0.5", "--steps", "3");
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("--eta") && r.err().contains("0.5") && r.err().contains(Double.toString(max)), r.err());
    }

    @Test
    void missingVerbOrValue() {
        for (String[] args : new String[][] {{}, {"risk"}, {"risk", "--alpha"}, {"sgd", "--alpha", "1"}}) {
            Run r = run(args);
            assertEquals(2, r.code(), String.join(" ", args));
            assertEquals(1, r.errLines().size(), r.err());
            assertEquals("", r.out());
        }
    }

    /** A computation that cannot be completed: exit 1, one line saying what failed, no NaN/Infinity printed. */
    @Test
    void failingComputationExitsOne() {
        for (String[] args : new String[][] {
            {"risk", "--alpha", "1", "--depth", "1", "--gamma", "1e200"},
            {"risk", "--alpha", "1", "--depth", "1000", "--gamma", "1e300", "--format", "json"}}) {
            Run r = run(args);
            assertEquals(1, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals("", r.out());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().contains("computation failed") && r.err().contains("loss"), r.err());
            assertTrue(r.err().contains("overflows double precision") && r.err().contains("stability edge"), r.err());
            assertFalse(r.err().contains("NaN") || r.err().contains("Infinity"), r.err());
        }
    }

    /** No NaN or Infinity in any output format, across verbs and edge parameters. */
    @ParameterizedTest
    @ValueSource(strings = {"table", "csv", "json", "tex"})
    void noNonFiniteNumbersInAnyFormat(String format) {
        String[][] commands = {
            {"risk", "--alpha", "inf", "--depth", "inf", "--gamma", "0"},
            {"risk", "--alpha", "0.01", "--depth", "1000000", "--gamma", "1.6e4", "--sigma", "3"},
            {"risk", "--alpha", "1", "--depth", "inf", "--gamma", "1e4", "--sigma", "1"},
            {"risk", "--alpha", "3", "--depth", "7", "--gamma", "100"},
            {"optimum", "--alpha", "1", "--depth", "inf"},
            {"optimum", "--alpha", "1e-6", "--depth", "3", "--sigma", "2"},
            {"optimum", "--alpha", "1e6", "--depth", "64"},
            {"landscape", "--alpha", "0.5", "--depth", "64", "--points", "30", "--sigma", "0.5"},
            {"dynamics", "--alpha", "1", "--depth", "inf", "--times", "0,1,10"},
            {"sgd", "--alpha", "0.5", "--eta", "0.05", "--steps", "1000", "--every", "100", "--sigma", "2"},
            {"simulate", "--dim", "20", "--alpha", "0.5", "--depth", "3", "--gamma", "0.7", "--trials", "20"}};
        for (String[] c : commands) {
            if (format.equals("tex") && !c[0].equals("risk")) {
                continue; // tex output of optimum starts Symja (covered by the symbolic tests)
            }
            String[] args = Stream.concat(Stream.of(c), Stream.of("--format", format)).toArray(String[]::new);
            Run r = ok(args);
            assertFalse(r.out().contains("NaN") || r.out().contains("Infinity"), String.join(" ", args) + ":\n" + r.out());
        }
    }
}
