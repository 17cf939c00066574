package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code sweep --shard I/N}: the union of the N shards is the unsharded sweep byte for byte (CSV with the header
 * on shard 0 only, and JSON lines) for an ISO grid, a structured deterministic-equivalent grid and a seeded Monte
 * Carlo grid; bad shards are exit 2 with one line; {@code --with-index} and {@code merge}; {@code --plan}.
 */
class SweepShardTest {

    /** ISO (Result 1 quadrature): 20 points over alpha, depth, gamma. */
    static final String[] ISO = {"risk", "--alpha", "0.25:4:log:5", "--depth", "1,3", "--gamma", "0.3,0.6", "--sigma", "0.5"};
    /** Structured: RRS two-point contour (E1)-(E3) at N < D, finite P, and the N = D structured-Wishart route. */
    static final String[] DETEQ = {"risk", "--setting", "rrs", "--nu", "1.5", "--beta", "0.8", "--dim", "32",
        "--width", "8,16,32", "--alpha", "1,2", "--depth", "2", "--gamma", "1"};
    /** Seeded Monte Carlo: a seed axis (seeds derive from (seed, trial), not from threads or shards). */
    static final String[] MONTE_CARLO = {"simulate", "--alpha", "1", "--dim", "8", "--gamma", "0.5", "--trials", "40",
        "--seed", "1:9:lin:9", "--depth", "1,2"};

    private static CliHarness.Run sweep(List<String> sweepOptions, String[] verb) {
        List<String> args = new ArrayList<>();
        args.add("sweep");
        args.addAll(sweepOptions);
        args.addAll(List.of(verb));
        return CliHarness.run(args.toArray(String[]::new));
    }

    private static void unionEqualsWhole(String[] verb, int... shardCounts) {
        for (String format : new String[] {"csv", "json"}) {
            CliHarness.Run whole = sweep(List.of("--format", format, "--threads", "2"), verb);
            assertEquals(0, whole.code(), whole.err());
            for (int n : shardCounts) {
                StringBuilder union = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    CliHarness.Run part = sweep(List.of("--format", format, "--threads", "2", "--shard", i + "/" + n), verb);
                    assertEquals(0, part.code(), part.err());
                    if (i > 0 && format.equals("csv")) {
                        assertFalse(part.out().startsWith(whole.out().lines().findFirst().orElseThrow()),
                                "only shard 0 writes the header");
                    }
                    union.append(part.out());
                }
                assertEquals(whole.out(), union.toString(), format + ", " + n + " shards of " + String.join(" ", verb));
            }
        }
    }

    @Test
    void isoGrid() {
        unionEqualsWhole(ISO, 1, 3, 4, 20, 27);
    }

    @Test
    void structuredDeterministicEquivalentGrid() {
        unionEqualsWhole(DETEQ, 2, 4);
    }

    @Test
    void seededMonteCarloGrid() {
        unionEqualsWhole(MONTE_CARLO, 3, 5);
    }

    /** A curve verb: the rows of one point stay in its shard. */
    @Test
    void curvesShardByPoint() {
        String[] dyn = {"--no-expand", "--times", "dynamics", "--alpha", "0.5,1,2", "--depth", "1,2", "--times", "1,10,100"};
        CliHarness.Run whole = CliHarness.run(concat(new String[] {"sweep"}, dyn));
        StringBuilder union = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            union.append(CliHarness.run(concat(new String[] {"sweep", "--shard", i + "/4"}, dyn)).out());
        }
        assertEquals(whole.out(), union.toString());
        assertEquals(1 + 6 * 3, whole.out().lines().count());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0/0", "3/2", "-1/4", "text", "2/2", "1/", "1.5/3"})
    void badShardIsExitTwoWithOneLine(String shard) {
        CliHarness.Run r = CliHarness.run("sweep", "--shard", shard, "optimum", "--alpha", "1,2");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("--shard") && r.err().contains(shard) && r.err().contains("0 <= I < N"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void noHeaderAndWithIndex() {
        CliHarness.Run plain = CliHarness.run("sweep", "--no-header", "optimum", "--alpha", "1,2");
        assertEquals(2, plain.out().lines().count());
        assertTrue(plain.out().startsWith("1,"), plain.out());
        CliHarness.Run indexed = CliHarness.run("sweep", "--with-index", "optimum", "--alpha", "1,2", "--depth", "1,2");
        List<String> lines = indexed.out().lines().toList();
        assertTrue(lines.get(0).startsWith("index,alpha,depth,"), lines.get(0));
        for (int i = 0; i < 4; i++) {
            assertTrue(lines.get(i + 1).startsWith(i + ","), lines.get(i + 1));
        }
        CliHarness.Run json = CliHarness.run("sweep", "--with-index", "--format", "json", "optimum", "--alpha", "1,2");
        assertTrue(json.out().lines().toList().get(1).startsWith("{\"index\":1,\"alpha\":2.0,"), json.out());
    }

    /** The whole grid is checked before the first point: nothing is written for a bad value anywhere in it. */
    @Test
    void aBadValueAnywhereIsRefusedBeforeTheFirstPoint() {
        CliHarness.Run depth = CliHarness.run("sweep", "optimum", "--alpha", "1", "--depth", "1:2:lin:3");
        assertEquals(2, depth.code());
        assertEquals("", depth.out(), "no point ran");
        assertTrue(depth.err().contains("point 2 of 3 (--depth 1.5)") && depth.err().contains("--depth: 1.5"),
                depth.err());
        CliHarness.Run trials = CliHarness.run("sweep", "simulate", "--alpha", "1", "--dim", "8", "--gamma", "0.5",
                "--trials", "10:11:lin:3");
        assertEquals(2, trials.code());
        assertEquals("", trials.out());
        assertTrue(trials.err().contains("--trials: 10.5"), trials.err());
        // the last value of a slow axis: its first point is named
        CliHarness.Run last = CliHarness.run("sweep", "risk", "--alpha", "1,2,-3", "--depth", "1,2", "--gamma", "1");
        assertEquals(2, last.code());
        assertTrue(last.err().contains("point 5 of 6 (--alpha -3 --depth 1)"), last.err());
        assertEquals(1, last.errLines().size(), last.err());
    }

    /** Verbs that parse text options check them for every swept value before the first point (issue 16 item 10). */
    @ParameterizedTest
    @ValueSource(strings = {
        "risk --alpha 1 --time 1,-1|--time",
        "landscape --alpha 1 --points 10,1|--points",
        "shape --nu 1.5 --beta 0.8 --compute 1e4,0.5|--compute",
        "sgd --alpha 1 --kappa 1 --tau 1 --eta 0.1 --steps 10,-1|--steps",
        "train --alpha 1 --kappa 1 --tau 1 --eta 0.1 --steps 10 --dim 8 --seed 1,x|--seed",
        "ood --setting fs --nu 1.5 --beta 0.8 --dim 16 --depth 2 --thetas 0.1 --seed 1,-1|--seed"})
    void textOptionsAreCheckedBeforeTheFirstPoint(String caseText) {
        String[] parts = caseText.split("\\|");
        CliHarness.Run r = CliHarness.run(concat(new String[] {"sweep"}, parts[0].split(" ")));
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out(), "no point ran");
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("point 2 of 2") && r.err().contains(parts[1]), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"figure", "plot", "tour"})
    void verbsThatWriteFilesAreNotSweepable(String verb) {
        CliHarness.Run r = CliHarness.run("sweep", verb, "--out", "x,y");
        assertEquals(2, r.code());
        assertTrue(r.err().contains(verb + " writes files and cannot be swept"), r.err());
        assertTrue(r.err().contains("optimum"), r.err());
    }

    @Test
    void planPrintsPointsAxesAndASuggestedNumberOfShards() throws Exception {
        CliHarness.Run r = CliHarness.run("sweep", "--plan", "--format", "json", "--shard", "1/4", "optimum",
                "--alpha", "0.1:10:log:100", "--depth", "1:100:lin:100");
        assertEquals(0, r.code(), r.err());
        JsonNode plan = r.json();
        assertEquals(10_000, plan.get("points").asLong());
        assertEquals(100, plan.get("axes").get("alpha").get("values").asInt());
        assertEquals("0.1", plan.get("axes").get("alpha").get("first").asText());
        assertEquals("100", plan.get("axes").get("depth").get("last").asText());
        assertEquals(2500, plan.get("shardFrom").asLong());
        assertEquals(5000, plan.get("shardTo").asLong());
        assertEquals(3, plan.get("sampledPoints").asInt());
        double perPoint = plan.get("secondsPerPoint").asDouble();
        assertTrue(perPoint > 0 && perPoint < 5, "ISO optimum points take milliseconds: " + perPoint);
        long suggested = plan.get("suggestedShards").asLong();
        long expected = Math.max(1, (long) Math.ceil(perPoint * 10_000 / (3600.0 * plan.get("threadsPerShard").asInt())));
        assertEquals(expected, suggested);
        CliHarness.Run table = CliHarness.run("sweep", "--plan", "--plan-samples", "0", "risk", "--alpha", "1,2", "--gamma", "1");
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().contains("points") && table.out().contains("2"), table.out());
        assertFalse(table.out().contains("suggestedShards"), "no timing asked for");
    }

    @Test
    void mergeChecksEveryIndexOnceInAnyFileOrder(@TempDir Path dir) throws IOException {
        for (String format : new String[] {"csv", "json"}) {
            CliHarness.Run whole = sweep(List.of("--format", format, "--with-index"), ISO);
            List<String> files = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                CliHarness.Run part = sweep(List.of("--format", format, "--with-index", "--shard", i + "/4"), ISO);
                Path f = dir.resolve("part-" + i + "." + format);
                Files.writeString(f, part.out(), StandardCharsets.UTF_8);
                files.add(f.toString());
            }
            Collections.shuffle(files, new Random(7));
            CliHarness.Run merged = CliHarness.run(concat(new String[] {"merge", "--points", "20"}, files.toArray(String[]::new)));
            assertEquals(0, merged.code(), merged.err());
            assertEquals(whole.out(), merged.out(), format);
            CliHarness.Run check = CliHarness.run(concat(new String[] {"merge", "--check", "--points", "20"},
                    files.toArray(String[]::new)));
            assertEquals(0, check.code(), check.err());
            assertTrue(check.out().startsWith("merge: complete: indices 0..19 each once, 20 rows in 4 files"), check.out());

            List<String> three = new ArrayList<>(files);
            three.removeIf(f -> f.endsWith("part-2." + format));
            CliHarness.Run missing = CliHarness.run(concat(new String[] {"merge", "--points", "20"}, three.toArray(String[]::new)));
            assertEquals(2, missing.code());
            assertEquals("", missing.out(), "nothing is written for an incomplete set");
            assertTrue(missing.err().contains("indices 10..14 are missing"), missing.err());
            List<String> twice = new ArrayList<>(files);
            twice.add(dir.resolve("part-1." + format).toString());
            CliHarness.Run duplicate = CliHarness.run(concat(new String[] {"merge", "--points", "20"}, twice.toArray(String[]::new)));
            assertEquals(2, duplicate.code());
            assertTrue(duplicate.err().contains("index 5 appears twice"), duplicate.err());
            CliHarness.Run tooFew = CliHarness.run(concat(new String[] {"merge", "--points", "21"}, files.toArray(String[]::new)));
            assertEquals(2, tooFew.code());
            assertTrue(tooFew.err().contains("index 20 is missing"), tooFew.err());
        }
        Path noIndex = dir.resolve("plain.csv");
        Files.writeString(noIndex, sweep(List.of(), ISO).out(), StandardCharsets.UTF_8);
        CliHarness.Run r = CliHarness.run("merge", "--points", "20", noIndex.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("run the shards with sweep --with-index"), r.err());
        Path other = dir.resolve("other.csv");
        Files.writeString(other, sweep(List.of("--with-index", "--shard", "0/2"), new String[] {"optimum", "--alpha", "0.25:4:log:5",
            "--depth", "1,3", "--sigma", "0.5,1"}).out(), StandardCharsets.UTF_8);
        CliHarness.Run mixed = CliHarness.run("merge", "--points", "20", dir.resolve("part-0.csv").toString(), other.toString());
        assertEquals(2, mixed.code(), mixed.err());
        assertTrue(mixed.err().contains("its CSV header differs"), mixed.err());
    }

    /** A reader that goes away (closed pipe) or a full device: exit 1 with one line, and the sweep stops. */
    @Test
    void unwritableOutputStopsTheSweep() {
        OutputStream failing = new OutputStream() {
            private long bytes;

            @Override
            public void write(int b) throws IOException {
                if (++bytes > 2000) {
                    throw new IOException("No space left on device");
                }
            }
        };
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        int code = Main.execute(new PrintWriter(new java.io.PrintStream(failing, true), true), new PrintWriter(err, true),
                "sweep", "--threads", "2", "optimum", "--alpha", "0.1:10:log:1000", "--depth", "1:1000:lin:1000");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(1, code, err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("cannot write to standard output"), err.toString());
        long written = Long.parseLong(err.toString().replaceAll("(?s).* after (\\d+) of 1000000 points.*", "$1"));
        assertTrue(written < 50, "stopped at the first failed write: " + written);
        assertTrue(seconds < 30, "a million points were not computed: " + seconds + " s");
    }

    /** shape --compute-range --shard: the budgets split in blocks; the union is --shard 0/1 and holds the frontier's rows. */
    @Test
    void shapeFrontierSplitsAcrossBudgets() {
        String[] shape = {"shape", "--nu", "1.5", "--beta", "0.8", "--compute-range", "1e3:1e7:log:7"};
        for (String format : new String[] {"csv", "json"}) {
            String whole = CliHarness.run(concat(shape, new String[] {"--format", format, "--shard", "0/1"})).out();
            StringBuilder union = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                CliHarness.Run part = CliHarness.run(concat(shape, new String[] {"--format", format, "--shard", i + "/3"}));
                assertEquals(0, part.code(), part.err());
                union.append(part.out());
            }
            assertEquals(whole, union.toString(), format);
            assertEquals(format.equals("csv") ? 8 : 7, whole.lines().count(), whole);
        }
        // the rows are the unsharded frontier's rows, column by column (which also carries the fitted slopes)
        List<String> full = CliHarness.run(concat(shape, new String[] {"--format", "csv"})).out().lines().toList();
        List<String> rows = CliHarness.run(concat(shape, new String[] {"--format", "csv", "--shard", "0/1"})).out().lines().toList();
        List<String> fullHeader = List.of(full.get(0).split(","));
        List<String> rowHeader = List.of(rows.get(0).split(","));
        assertTrue(fullHeader.contains("fittedSlopes.loss") && !rowHeader.contains("fittedSlopes.loss"), rows.get(0));
        for (String column : List.of("compute", "loss", "time", "width", "depth", "context")) {
            for (int i = 1; i < full.size(); i++) {
                assertEquals(full.get(i).split(",")[fullHeader.indexOf(column)], rows.get(i).split(",")[rowHeader.indexOf(column)],
                        column + " of budget " + i);
            }
        }
        CliHarness.Run noRange = CliHarness.run("shape", "--nu", "1.5", "--beta", "0.8", "--compute", "1e4", "--shard", "0/2");
        assertEquals(2, noRange.code());
        assertTrue(noRange.err().contains("--shard") && noRange.err().contains("only with --compute-range"), noRange.err());
        CliHarness.Run table = CliHarness.run(concat(shape, new String[] {"--shard", "0/2"}));
        assertEquals(2, table.code());
        assertTrue(table.err().contains("csv or json with --shard"), table.err());
        assertEquals(1, table.errLines().size(), table.err());
    }

    /** figure all --shard I/N: block I of the eight figures, the same files as building that figure alone. */
    @Test
    void figureAllSplitsAcrossFigures(@TempDir Path dir) throws IOException {
        Path sharded = dir.resolve("sharded");
        Path alone = dir.resolve("alone");
        CliHarness.Run r = CliHarness.run("figure", "all", "--shard", "7/8", "--out", sharded.toString(), "--pdf", "off");
        assertEquals(0, r.code(), r.err());
        assertEquals(0, CliHarness.run("figure", "8", "--out", alone.toString(), "--pdf", "off").code());
        List<String> names;
        try (var files = Files.list(sharded)) {
            names = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        try (var files = Files.list(alone)) {
            assertEquals(files.map(f -> f.getFileName().toString()).sorted().toList(), names);
        }
        assertTrue(!names.isEmpty() && names.stream().allMatch(n -> n.startsWith("fig8")), names.toString());
        for (String n : names) {
            if (n.endsWith(".csv")) {
                assertEquals(Files.readString(alone.resolve(n)), Files.readString(sharded.resolve(n)), n);
            }
        }
        CliHarness.Run one = CliHarness.run("figure", "2", "--shard", "0/2", "--out", dir.toString());
        assertEquals(2, one.code());
        assertTrue(one.err().contains("only with figure all"), one.err());
        CliHarness.Run bad = CliHarness.run("figure", "all", "--shard", "8/8", "--out", dir.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("0 <= I < N"), bad.err());
    }

    static String[] concat(String[] a, String[] b) {
        String[] c = new String[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
