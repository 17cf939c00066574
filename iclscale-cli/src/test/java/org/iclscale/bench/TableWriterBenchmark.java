package org.iclscale.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.iclscale.io.Report;
import org.iclscale.io.TableWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The table writer on a 2,000-row, 5-column report (the size of {@code landscape --points 2000}): the current
 * {@link TableWriter} against the former route ({@code String.format(java.util.Locale.ROOT, "%.10g")} + regex per cell,
 * {@code String.format} padding), kept here as the baseline. Run: {@code bench/run-jmh.sh TableWriter}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TableWriterBenchmark {

    private Report report;

    @Setup
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(1);
        int n = 2000;
        double[][] c = new double[5][n];
        for (int i = 0; i < n; i++) {
            c[0][i] = (i + 1) / 1000.0;
            c[1][i] = rng.nextDouble();
            c[2][i] = rng.nextDouble() * 1e-6;
            c[3][i] = 1 + rng.nextGaussian();
            c[4][i] = i;
        }
        report = new Report("landscape").put("alpha", 1.0).put("depth", 64).column("gammaPerLayer", c[0])
                .column("loss", c[1]).column("excessLoss", c[2]).column("derivative", c[3]).column("index", c[4]);
    }

    @Benchmark
    public int tableWriter() {
        StringWriter s = new StringWriter(1 << 18);
        new TableWriter().write(report, new PrintWriter(s));
        return s.getBuffer().length();
    }

    @Benchmark
    public int formerStringFormatRoute() {
        StringWriter s = new StringWriter(1 << 18);
        PrintWriter out = new PrintWriter(s);
        int cols = report.columns().size();
        String[][] cells = new String[cols][report.rows()];
        int[] w = new int[cols];
        int j = 0;
        for (var e : report.columns().entrySet()) {
            w[j] = e.getKey().length();
            for (int i = 0; i < report.rows(); i++) {
                cells[j][i] = legacy(e.getValue()[i]);
                w[j] = Math.max(w[j], cells[j][i].length());
            }
            j++;
        }
        for (int i = 0; i < report.rows(); i++) {
            StringBuilder line = new StringBuilder("  ");
            for (int k = 0; k < cols; k++) {
                line.append(String.format(java.util.Locale.ROOT, "%" + w[k] + "s  ", cells[k][i]));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
        return s.getBuffer().length();
    }

    private static String legacy(double d) {
        if (d == 0) {
            return "0";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e12) {
            return Long.toString((long) d);
        }
        String s = String.format(Locale.ROOT, "%.10g", d);
        if (s.contains("e")) {
            String[] parts = s.split("e");
            return strip(parts[0]) + "e" + Integer.parseInt(parts[1]);
        }
        return strip(s);
    }

    private static String strip(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(TableWriterBenchmark.class.getName() + ".*").build()).run();
    }
}
