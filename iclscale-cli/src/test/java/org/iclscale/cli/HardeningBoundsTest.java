package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.iclscale.io.CsvTable;
import org.iclscale.plot.Decimation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Named regressions of the rest of issue 18 (branch harden2; each failed on main 9694013): the deepest ISO optimum
 * in bounded time, numbers that overflow never echoed as Infinity, a sweep's inner --format refused, plot bounded on
 * a 10⁶-row CSV, the sgd row cap stating its memory estimate.
 */
class HardeningBoundsTest {

    /** Wall-time bound of the fuzz harness per case, also asked of the formerly hanging commands. */
    private static final Duration BOUND = Duration.ofSeconds(60);
    /** Asymptote 𝓛* = (πL)^{−1/2}(1 + O(1/L)) at α = 1, σ = 0: at L ≈ 2·10⁹ the correction is ~1e-9. */
    private static final double ASYMPTOTE_TOLERANCE = 1e-7;
    /** L = 2³¹ − 2 against L = ∞ at γ* ≈ 2.5: the 1/L correction is ~γ²/L ≈ 3e-9 relative. */
    private static final double INFINITE_DEPTH_TOLERANCE = 1e-7;

    private static void badInput(CliHarness.Run r, String option) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains(option + ":"), r.err());
        assertFalse(r.err().contains("internal error") || r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("Infinity") || r.err().contains("NaN"), r.err());
    }

    /**
     * optimum --depth 2147483646 --alpha 1 ran for minutes (> 90 s). At α = 1, σ = 0 the minimiser γ* = L/2 is the
     * stability edge; the loss is checked against the asymptote (πL)^{−1/2} of the Catalan closed form (an
     * independent route: the quadrature is the tool's, the asymptote is analysis).
     */
    @Test
    void deepestNoiselessOptimumAnswersInBoundedTime() {
        int l = 2_147_483_646;
        CliHarness.Run r = assertTimeoutPreemptively(BOUND, () -> CliHarness.run("optimum", "--depth", String.valueOf(l),
                "--alpha", "1", "--format", "json"));
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(l / 2.0, j.get("gamma").asDouble(), 0.0);
        assertEquals(1, j.get("loss").asDouble() * Math.sqrt(Math.PI * l), ASYMPTOTE_TOLERANCE, j.toString());
    }

    /** The same depth with noise (12 s on main, 18 s here under load): against the infinite-depth optimum. */
    @Tag("slow")
    @Test
    void deepestNoisyOptimumMatchesInfiniteDepth() {
        CliHarness.Run r = assertTimeoutPreemptively(BOUND, () -> CliHarness.run("optimum", "--depth", "2147483646",
                "--alpha", "1", "--sigma", "0.5", "--format", "json"));
        assertEquals(0, r.code(), r.err());
        JsonNode inf = CliHarness.run("optimum", "--depth", "inf", "--alpha", "1", "--sigma", "0.5", "--format", "json")
                .json();
        double expected = inf.get("loss").asDouble();
        assertEquals(expected, r.json().get("loss").asDouble(), INFINITE_DEPTH_TOLERANCE * expected, r.out());
    }

    /**
     * derive --time-limit with a 5,000-digit number said "Infinity is out of range": options without a converter of
     * their own (check/derive's --time-limit, --tolerance, --floor, --points, --seed, --order, --slope-tolerance)
     * were read by picocli's lenient default (1d, 0x1p3, overflow to Infinity). Now the one number grammar, with a
     * short excerpt of the value.
     */
    @ParameterizedTest
    @ValueSource(strings = {"derive --time-limit HUGE isoDepthOneLoss", "derive --time-limit 1d isoDepthOneLoss",
        "check --tolerance 1e400 x --against isoDepthOneLoss", "check --floor 0x1p3 x --against isoDepthOneLoss",
        "check --points 1e400 x --against isoDepthOneLoss", "check --seed HUGE x --against isoDepthOneLoss",
        "derive --order 2f --series L isoDepthOneLoss", "check --slope-tolerance 2f x --against isoDepthOneLoss"})
    void overflowingAndLenientNumbersAreRefusedWithAnExcerpt(String line) {
        String[] args = line.replace("HUGE", "9".repeat(5000)).split(" ");
        String option = args[1];
        CliHarness.Run r = CliHarness.run(args);
        badInput(r, option);
        assertTrue(r.err().length() < 300, r.err().length() + " characters: " + r.err());
    }

    /** The converted value still reaches the option's own range check (and a valid value still works). */
    @Test
    void numericOptionsStillTakeTheirValues() {
        CliHarness.Run r = CliHarness.run("derive", "--time-limit", "1e4", "isoDepthOneLoss");
        badInput(r, "--time-limit");
        assertTrue(r.err().contains("(0, 3600]"), r.err());
        CliHarness.Run ok = CliHarness.run("derive", "--time-limit", "60", "isoDepthOneLoss", "--format", "json");
        assertEquals(0, ok.code(), ok.err());
    }

    /** sweep risk --format json ... ignored the verb's --format (and --format json,csv became a swept column). */
    @Test
    void sweepRefusesTheVerbsOwnFormat() {
        badInput(CliHarness.run("sweep", "risk", "--format", "json", "--alpha", "1,2", "--gamma", "1"), "--format");
        badInput(CliHarness.run("sweep", "risk", "--alpha", "1,2", "--gamma", "1", "--format=json,csv"), "--format");
        CliHarness.Run outer = CliHarness.run("sweep", "--format", "json", "risk", "--alpha", "1,2", "--gamma", "1");
        assertEquals(0, outer.code(), outer.err());
        assertEquals(2, outer.out().strip().split("\\R").length, outer.out());
    }

    /**
     * plot of a 10⁶-row CSV took 82 s and 2.7 GB for an SVG (200 MB of it) and over 2 minutes for the full set of
     * files. Curves are now drawn from at most {@link Decimation#MAX_DRAWN} points, min–max per bucket: the extremes
     * of every curve survive (checked on a curve with one spike).
     */
    @Test
    void longCurvesAreDrawnFromABoundedNumberOfPoints(@TempDir Path dir) throws IOException {
        int n = 200_000;
        StringBuilder csv = new StringBuilder("t,loss\n");
        for (int i = 0; i < n; i++) {
            csv.append(i + 1).append(',').append(i == 123_457 ? 50.0 : 1.0 / Math.sqrt(i + 1)).append('\n');
        }
        Path in = dir.resolve("long.csv");
        Files.writeString(in, csv);
        Path out = dir.resolve("fig");
        CliHarness.Run r = assertTimeoutPreemptively(BOUND, () -> CliHarness.run("plot", "--in", in.toString(), "--x", "t",
                "--y", "loss", "--log", "xy", "--out", out.toString(), "--format", "json"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.json().get("drawnPoints").asLong() <= Decimation.MAX_DRAWN, r.out());
        assertEquals(n, r.json().get("rows").asInt());
        CsvTable drawn = CsvTable.read(Files.newBufferedReader(dir.resolve("fig.long.csv")), "long.csv");
        int yi = drawn.header().indexOf("y");
        int xi = drawn.header().indexOf("x");
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < drawn.rows(); i++) {
            max = Math.max(max, drawn.number(i, yi));
            min = Math.min(min, drawn.number(i, yi));
        }
        assertEquals(50.0, max, 0.0, "the spike survives");
        assertEquals(1.0 / Math.sqrt(n), min, 0.0, "the last point survives");
        assertEquals(1.0, drawn.number(0, xi), 0.0);
        assertTrue(Files.size(dir.resolve("fig.svg")) < 5_000_000, "svg " + Files.size(dir.resolve("fig.svg")));
    }

    /** The decimation keeps short curves whole and, for long ones, the first, last, lowest and highest points. */
    @Test
    void decimationKeepsTheExtremes() {
        double[] x = {1, 2, 3};
        assertEquals(3, Decimation.minMax(x, x, 10)[0].length);
        int n = 100_001;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i;
            ys[i] = Math.sin(i * 0.001) + (i == 777 ? -9 : 0);
        }
        double[][] d = Decimation.minMax(xs, ys, 1000);
        assertTrue(d[0].length <= 1000, "" + d[0].length);
        assertEquals(0.0, d[0][0], 0.0);
        assertEquals(n - 1.0, d[0][d[0].length - 1], 0.0);
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < d[0].length; i++) {
            assertTrue(i == 0 || d[0][i] > d[0][i - 1], "row order kept");
            lowest = Math.min(lowest, d[1][i]);
            highest = Math.max(highest, d[1][i]);
        }
        assertEquals(ys[777], lowest, 0.0);
        double trueMax = Double.NEGATIVE_INFINITY;
        for (double v : ys) {
            trueMax = Math.max(trueMax, v);
        }
        assertEquals(trueMax, highest, 0.0);
    }

    /** Too many rows for memory are refused up front, naming the limits (the CSV is not held whole). */
    @Test
    void plotRefusesInputsBeyondItsRowLimit() {
        StringBuilder csv = new StringBuilder("a\n");
        for (long i = 0; i <= CsvTable.MAX_ROWS; i++) {
            csv.append("1\n");
        }
        org.iclscale.core.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.iclscale.core.InvalidInputException.class, () -> CsvTable.parse(csv.toString(), "big.csv"));
        assertTrue(e.getMessage().contains(String.valueOf(CsvTable.MAX_ROWS))
                && e.getMessage().contains(String.valueOf(CsvTable.MAX_CELLS)), e.getMessage());
    }

    /** sgd --steps 1e8 --every 1: the cap (the curve is not streamed) states the limit and the memory estimate. */
    @Test
    void sgdRowCapStatesItsMemoryEstimate() {
        CliHarness.Run r = CliHarness.run("sgd", "--alpha", "1", "--eta", "0.1", "--steps", "1e8", "--every", "1");
        badInput(r, "--every");
        assertTrue(r.err().contains("1000000 rows") && r.err().contains("40.0 GB"), r.err());
        CliHarness.Run ok = CliHarness.run("sgd", "--alpha", "1", "--eta", "0.1", "--steps", "1e8", "--every", "101",
                "--format", "csv");
        assertEquals(0, ok.code(), ok.err());
    }

    /**
     * Issue 18 "--width near 1e7": the finite-width equivalents at D = 10⁷ ran for minutes (one-point density, two-point
     * contour: each sums over all D modes per grid point or node); refused up front now, at once, naming the limit.
     * The floors at the same D stay cheap and are not refused.
     */
    @org.junit.jupiter.api.Test
    void finiteWidthEquivalentsBeyondTheirModeLimitsAreRefusedAtOnce() {
        for (String[] args : new String[][] {
            {"risk", "--setting", "rrs", "--nu", "1.5", "--beta", "0.8", "--dim", "1e7", "--width", "9999999", "--gamma", "1"},
            {"risk", "--setting", "rrs", "--nu", "1.5", "--beta", "0.8", "--dim", "1e7", "--width", "9999999", "--alpha", "1",
                "--gamma", "1"},
            {"optimum", "--setting", "rrs", "--nu", "1.5", "--beta", "0.8", "--dim", "200001", "--width-ratio", "0.5"}}) {
            long start = System.nanoTime();
            CliHarness.Run r = CliHarness.run(args);
            badInput(r, "--dim");
            assertTrue(r.err().contains("at most"), r.err());
            assertTrue(System.nanoTime() - start < 10_000_000_000L, "refused up front");
        }
        CliHarness.Run floor = CliHarness.run("risk", "--setting", "rrs", "--nu", "1.5", "--beta", "0.8", "--dim", "1e6",
                "--width", "1000", "--depth", "inf", "--gamma", "inf");
        assertEquals(0, floor.code(), floor.err());
    }

    /** Fuzz finding (#80, seed 18): the OOD loss overflowing at L = 2³¹ − 2 was reported as "loss Infinity". */
    @org.junit.jupiter.api.Test
    void oodOverflowAtTheDeepestModelIsAnExitOneInWords() {
        CliHarness.Run r = CliHarness.run("ood", "--setting", "fs", "--nu", "1.5", "--beta", "0.8", "--dim", "16",
                "--thetas", "0,0.5", "--depth", "2147483646", "--format", "json");
        assertEquals(1, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("overflows to +inf") && r.err().contains("theta = 0.5"), r.err());
        assertTrue(!r.err().contains("Infinity") && !r.err().contains("NaN"), r.err());
    }
}
