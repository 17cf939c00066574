package org.iclscale.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.iclscale.cli.Main;
import org.iclscale.cli.SweepCommand;
import org.iclscale.cli.SweepPlan;
import org.iclscale.cli.SweepTable;
import org.iclscale.io.Report;
import org.iclscale.sweep.Point;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The Spark runner in local[2] (web UI off, bound to 127.0.0.1) against the in-JVM engine: every output must be the
 * in-JVM sweep's, byte for byte (CSV, JSON lines) or bit for bit (Parquet read back), on ~10^4 cheap ISO points, ~30
 * structured deterministic-equivalent points and a seeded Monte Carlo grid.
 */
class SparkSweepTest {

    /** 10,000 ISO points (Result 1 closed forms): many tasks, one JVM. */
    static final String[] CHEAP = {"risk", "--alpha", "0.1:10:log:100", "--depth", "1:100:lin:100", "--gamma", "0.5"};
    /** 30 structured points: RRS two-point contour at N < D with finite P, and the N = D structured-Wishart route. */
    static final String[] STRUCTURED = {"risk", "--setting", "rrs", "--nu", "1.5", "--beta", "0.8", "--dim", "32",
        "--width", "8,16,32", "--alpha", "1,2", "--depth", "1:5:lin:5", "--gamma", "1"};
    /** A seeded Monte Carlo grid: the seed is an axis, each point's draws derive from (seed, trial). */
    static final String[] MONTE_CARLO = {"simulate", "--alpha", "1", "--dim", "8", "--gamma", "0.5", "--trials", "40",
        "--seed", "1:10:lin:10", "--depth", "1,2"};

    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("SparkSweepTest")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    record Run(int code, String out, String err) {
    }

    static Run spark(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkSweep.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * {@code iclscale sweep ...} in this JVM: the command line's sweep command itself (the whole {@code iclscale}
     * command line would link the symbolic verbs, which this module leaves off its classpath).
     */
    static Run inJvm(String... args) {
        assertEquals("sweep", args[0]);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.configure(new CommandLine(new SweepCommand()));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(List.of(args).subList(1, args.length).toArray(String[]::new));
        cl.getOut().flush();
        return new Run(code, out.toString(), err.toString());
    }

    static String[] concat(List<String> head, String[] tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    @Test
    void tenThousandCheapPointsStreamInIndexOrderAsTheInJvmSweep() {
        Run jvm = inJvm(concat(List.of("sweep", "--threads", "2"), CHEAP));
        assertEquals(0, jvm.code(), jvm.err());
        assertEquals(10_001, jvm.out().lines().count(), "header and 10^4 rows");
        Run s = spark(concat(List.of("sweep", "--master", "local[2]"), CHEAP));
        assertEquals(0, s.code(), s.err());
        assertEquals(jvm.out(), s.out());
        Run fewTasks = spark(concat(List.of("sweep", "--master", "local[2]", "--partitions", "3", "--with-index"), CHEAP));
        Run jvmIndexed = inJvm(concat(List.of("sweep", "--threads", "2", "--with-index"), CHEAP));
        assertEquals(jvmIndexed.out(), fewTasks.out(), "any number of tasks");
    }

    @Test
    void structuredPointsAsCsvPartFilesAndJsonLines(@TempDir Path dir) throws IOException {
        Run jvm = inJvm(concat(List.of("sweep", "--threads", "2"), STRUCTURED));
        assertEquals(0, jvm.code(), jvm.err());
        assertEquals(31, jvm.out().lines().count());
        Path out = dir.resolve("csv");
        Run s = spark(concat(List.of("sweep", "--master", "local[2]", "--out", out.toString(), "--format", "csv",
            "--partitions", "7"), STRUCTURED));
        assertEquals(0, s.code(), s.err());
        assertEquals("", s.out());
        assertEquals(jvm.out(), concatenatedParts(out), "cat DIR/part-* is the in-JVM sweep");

        Run jvmJson = inJvm(concat(List.of("sweep", "--threads", "2", "--format", "json"), STRUCTURED));
        Run sJson = spark(concat(List.of("sweep", "--master", "local[2]", "--format", "json"), STRUCTURED));
        assertEquals(0, sJson.code(), sJson.err());
        assertEquals(jvmJson.out(), sJson.out());
    }

    @Test
    void seededMonteCarloGridIsTheInJvmSweep() {
        for (String format : new String[] {"csv", "json"}) {
            Run jvm = inJvm(concat(List.of("sweep", "--threads", "2", "--format", format), MONTE_CARLO));
            assertEquals(0, jvm.code(), jvm.err());
            Run s = spark(concat(List.of("sweep", "--master", "local[2]", "--format", format, "--partitions", "5"),
                    MONTE_CARLO));
            assertEquals(0, s.code(), s.err());
            assertEquals(jvm.out(), s.out(), format);
        }
    }

    /** Parquet read back (in any row order) holds the in-JVM engine's typed values bit for bit, keyed by the index. */
    @Test
    void parquetReadsBackBitIdentical(@TempDir Path dir) {
        Path out = dir.resolve("structured.parquet");
        Run s = spark(concat(List.of("sweep", "--master", "local[2]", "--out", out.toString()), STRUCTURED));
        assertEquals(0, s.code(), s.err());
        List<Row> back = spark.read().parquet(out.toString()).orderBy("index").collectAsList();

        List<String> args = List.of(STRUCTURED).subList(1, STRUCTURED.length);
        SweepPlan plan = SweepPlan.of("risk", args, Set.of());
        SweepPlan.Worker w = plan.newWorker();
        SweepTable table = SweepTable.of(plan, w.evaluate(plan.grid().point(0)), null, true);
        StructType schema = spark.read().parquet(out.toString()).schema();
        assertEquals(SparkSweepCommand.schema(table.layout()), schema);
        assertEquals(DataTypes.LongType, schema.apply("depth").dataType(), "depth is an integer column");
        assertEquals(DataTypes.DoubleType, schema.apply("loss").dataType());
        assertEquals(plan.grid().size(), back.size());
        for (int i = 0; i < back.size(); i++) {
            Point p = plan.grid().point(i);
            Report r = w.evaluate(p);
            Object[] expected = table.typedRows(p, r).get(0);
            Row row = back.get(i);
            assertEquals(expected.length, row.length());
            for (int c = 0; c < expected.length; c++) {
                Object got = row.get(c);
                if (expected[c] instanceof Double d) {
                    assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits((Double) got),
                            "index " + i + ", " + schema.fields()[c].name());
                } else {
                    assertEquals(expected[c], got, "index " + i + ", " + schema.fields()[c].name());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--depth=1.5", "--alpha=-1,1"})
    void aBadValueAnywhereInTheGridIsExitTwoWithOneLine(String bad) {
        String[] parts = bad.split("=", 2);
        Run s = spark("sweep", "--master", "local[2]", "risk", "--alpha", "1,2", "--gamma", "0.5", parts[0],
                parts[1].contains(",") ? parts[1] : "1:2:lin:3");
        assertEquals(2, s.code(), s.err());
        assertEquals(1, s.err().lines().count(), s.err());
        assertTrue(s.err().startsWith("iclscale-spark sweep: "), s.err());
        assertTrue(s.err().contains(parts[0]), s.err());
        assertEquals("", s.out());
    }

    @Test
    void refusedOutputsAreExitTwo(@TempDir Path dir) throws IOException {
        Run parquetOnStdout = spark("sweep", "--format", "parquet", "risk", "--alpha", "1,2", "--gamma", "0.5");
        assertEquals(2, parquetOnStdout.code());
        assertTrue(parquetOnStdout.err().contains("--format") && parquetOnStdout.err().contains("--out"),
                parquetOnStdout.err());
        Path existing = Files.createDirectory(dir.resolve("taken"));
        Run taken = spark("sweep", "--master", "local[2]", "--out", existing.toString(), "risk", "--alpha", "1,2",
                "--gamma", "0.5");
        assertEquals(2, taken.code(), taken.err());
        assertEquals(1, taken.err().lines().count());
        assertTrue(taken.err().contains("--out") && taken.err().contains("--overwrite"), taken.err());
        Run replaced = spark("sweep", "--master", "local[2]", "--out", existing.toString(), "--overwrite",
                "--format", "csv", "risk", "--alpha", "1,2", "--gamma", "0.5");
        assertEquals(0, replaced.code(), replaced.err());
        assertEquals(inJvm("sweep", "risk", "--alpha", "1,2", "--gamma", "0.5").out(), concatenatedParts(existing));
        Run writer = spark("sweep", "figure", "--alpha", "1,2");
        assertEquals(2, writer.code());
        assertTrue(writer.err().contains("writes files"), writer.err());
    }

    /** Issue 12's classpath rules: numeric verbs run with no Symja or symbolic module, and Spark's Jackson wins. */
    @Test
    void runsWithoutSymbolicClassesOnSparksJackson() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.matheclipse.core.eval.ExprEvaluator"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.iclscale.symbolic.FormulaLibrary"));
        assertEquals(2, com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.getMajorVersion());
        assertEquals(20, com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.getMinorVersion(),
                "Spark 4.1's jackson-module-scala needs its own databind 2.20");
        Run s = spark("sweep", "--master", "local[2]", "--format", "json", "optimum", "--alpha", "0.5,2", "--depth", "1,4");
        assertEquals(0, s.code(), s.err());
        assertEquals(inJvm("sweep", "--format", "json", "optimum", "--alpha", "0.5,2", "--depth", "1,4").out(), s.out());
    }

    /** A reader that goes away (sweep | head): exit 1 with one line, and no window is computed after it. */
    @Test
    void aClosedStdoutStopsTheSweepWithExitOne() {
        java.io.OutputStream closing = new java.io.OutputStream() {
            private long bytes;

            @Override
            public void write(int b) throws IOException {
                if (++bytes > 500) {
                    throw new IOException("Broken pipe");
                }
            }
        };
        StringWriter err = new StringWriter();
        int code = SparkSweep.execute(new PrintWriter(closing), new PrintWriter(err),
                concat(List.of("sweep", "--master", "local[2]", "--partitions", "100"), CHEAP));
        assertEquals(1, code, err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("cannot write to standard output"), err.toString());
        assertTrue(err.toString().contains("of 10000 points; stopped"), err.toString());
    }

    static String concatenatedParts(Path dir) throws IOException {
        assertTrue(Files.exists(dir.resolve("_SUCCESS")), "a complete Spark output");
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> parts = files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
            assertFalse(parts.isEmpty());
            for (Path p : parts) {
                sb.append(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }

    @Test
    void blocksCoverTheGridInOrder() {
        long n = 10_007;
        long next = 0;
        for (int i = 0; i < 64; i++) {
            Block b = Block.of(new org.iclscale.sweep.Shard(i, 64), n);
            assertEquals(next, b.from());
            assertTrue(b.to() - b.from() == n / 64 || b.to() - b.from() == n / 64 + 1);
            next = b.to();
        }
        assertEquals(n, next);
        assertArrayEquals(new long[] {0, 0}, new long[] {Block.of(new org.iclscale.sweep.Shard(0, 3), 0).from(),
            Block.of(new org.iclscale.sweep.Shard(0, 3), 0).to()});
    }
}
