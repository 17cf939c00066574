package org.iclscale.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link HumanNumber} and the rewritten {@link TableWriter} give exactly the output of the former route
 * ({@code String.format(java.util.Locale.ROOT, "%.10g")}, regex strip of trailing zeros; {@code String.format(java.util.Locale.ROOT, "%" + w + "s  ")} padding),
 * which is kept here as the reference.
 */
class HumanNumberTest {

    /** The former ReportWriter.human for non-integer doubles. */
    static String legacy(double d) {
        String s = String.format(Locale.ROOT, "%.10g", d);
        if (s.contains("e")) {
            String[] parts = s.split("e");
            return stripZeros(parts[0]) + "e" + Integer.parseInt(parts[1]);
        }
        return stripZeros(s);
    }

    private static String stripZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    @Test
    void edgeValues() {
        List<Double> v = new ArrayList<>();
        for (int e = -320; e <= 308; e++) {
            double p = Math.pow(10, e);
            for (double x : new double[] {p, Math.nextUp(p), Math.nextDown(p), 9.9999999995 * p, 9.99999999949 * p,
                1.00000000005 * p, 1.23456789055 * p, 0.5 * p, 2.5e-10 * p}) {
                v.add(x);
                v.add(-x);
            }
        }
        for (double x : new double[] {1e-4, 9.99999999995e-5, 9.9999999999e-5, 1e10 - 0.5, 9999999999.4, 9999999999.5,
            0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 0.125, 1.5, 12345.678901234, 0.30000000000000004, 4.35, 0.000123456789012,
            Double.MIN_VALUE, Double.MAX_VALUE, 1e12 + 0.5, 123456789012.5}) {
            v.add(x);
            v.add(-x);
        }
        for (double x : v) {
            if (x == 0 || (x == Math.rint(x) && Math.abs(x) < 1e12)) {
                continue; // handled by ReportWriter.human before HumanNumber
            }
            assertEquals(legacy(x), HumanNumber.format(x), "value " + x);
        }
    }

    /** 100,000 random doubles: uniform mantissas over 40 decades, and short decimals (halfway cases). */
    @Test
    void randomValues() {
        SplittableRandom rng = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            double x = switch (i % 3) {
                case 0 -> (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-20, 20));
                case 1 -> Double.longBitsToDouble(rng.nextLong()); // any bit pattern
                default -> Math.round(rng.nextDouble() * 1e11) / Math.pow(10, rng.nextInt(0, 16)); // 11-digit decimals
            };
            if (!Double.isFinite(x) || x == 0 || (x == Math.rint(x) && Math.abs(x) < 1e12)) {
                continue; // handled by ReportWriter.human before HumanNumber
            }
            assertEquals(legacy(x), HumanNumber.format(x), "value " + x + " (bits " + Double.doubleToLongBits(x) + ")");
        }
    }

    /** {@link HumanNumber#general} is String.format's %.Ng: edge values, zeros, and 100,000 random doubles. */
    @Test
    void generalIsFormattersPercentG() {
        List<Double> v = new ArrayList<>(List.of(0.0, -0.0, 1e-4, 9.995e-5, 9.9949e-5, 999.5, 999.4999, 99.95, 0.5, 1.0,
                10.0, 100.0, 1000.0, 1e5, 1e21, 4.24e-16, 2.69e-17, 1.005, 0.0001005, Double.MIN_VALUE, Double.MAX_VALUE));
        for (int e = -320; e <= 308; e++) {
            double p = Math.pow(10, e);
            for (double x : new double[] {p, Math.nextUp(p), Math.nextDown(p), 9.995 * p, 9.9949 * p, 1.005 * p, 0.5 * p}) {
                v.add(x);
            }
        }
        SplittableRandom rng = new SplittableRandom(43);
        for (int i = 0; i < 100_000; i++) {
            v.add(switch (i % 3) {
                case 0 -> (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-20, 20));
                case 1 -> Double.longBitsToDouble(rng.nextLong());
                default -> Math.round(rng.nextDouble() * 1e5) / Math.pow(10, rng.nextInt(0, 12)); // halfway cases
            });
        }
        for (double x : v) {
            if (!Double.isFinite(x)) {
                continue;
            }
            for (int digits : new int[] {1, 3, 6}) {
                for (double y : new double[] {x, -x}) {
                    assertEquals(String.format(Locale.ROOT, "%." + digits + "g", y), HumanNumber.general(y, digits),
                            "value " + y + " (bits " + Double.doubleToLongBits(y) + "), digits " + digits);
                }
            }
        }
    }

    /** {@link HumanNumber#integral} is %.0f: random values of every magnitude, ties n + ½ and their neighbours, signs. */
    @Test
    void integralIsTheFormattersWholeNumber() {
        List<Double> v = new ArrayList<>(List.of(0.0, -0.0, 0.5, 0.49999999999999994, 1.5, 2.5, 0x1p52, Math.nextDown(0x1p52),
                0x1p53, 1e300, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY));
        SplittableRandom rng = new SplittableRandom(44);
        for (int i = 0; i < 200_000; i++) {
            double tie = rng.nextLong(0, 1L << rng.nextInt(1, 53)) + 0.5;
            v.add(switch (i % 4) {
                case 0 -> rng.nextDouble() * Math.pow(10, rng.nextInt(-3, 17));
                case 1 -> tie;
                case 2 -> Math.nextUp(tie);
                default -> Math.nextDown(tie);
            });
        }
        for (double x : v) {
            for (double y : new double[] {x, -x}) {
                assertEquals(String.format(Locale.ROOT, "%.0f", y), HumanNumber.integral(y),
                        "value " + y + " (bits " + Double.doubleToLongBits(y) + ")");
            }
        }
    }

    /** The whole table: same text as the former String.format padding. */
    @Test
    void tableWriterOutputUnchanged() {
        SplittableRandom rng = new SplittableRandom(7);
        Report r = new Report("t").put("alpha", 0.5).put("a", Map.of("nested", 1e-7)).put("method", "x");
        int n = 300;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
            b[i] = rng.nextDouble() * Math.pow(10, rng.nextInt(-8, 12));
            c[i] = -rng.nextGaussian();
        }
        r.column("index", a).column("aLongColumnName", b).column("c", c).note("a note");
        StringWriter s = new StringWriter();
        new TableWriter().write(r, new PrintWriter(s));
        assertEquals(legacyTable(r), s.toString());
    }

    /** The former TableWriter. */
    static String legacyTable(Report report) {
        StringWriter sw = new StringWriter();
        PrintWriter out = new PrintWriter(sw);
        out.println(report.title());
        Map<String, Object> flat = ReportWriter.flatten(report.fields());
        int width = flat.keySet().stream().mapToInt(String::length).max().orElse(0);
        flat.forEach((k, v) -> out.printf(java.util.Locale.ROOT, "  %-" + width + "s  %s%n", k, ReportWriter.human(v)));
        List<String> header = new ArrayList<>(report.columns().keySet());
        List<List<String>> cells = new ArrayList<>();
        int[] w = new int[header.size()];
        for (int j = 0; j < header.size(); j++) {
            w[j] = header.get(j).length();
        }
        for (int i = 0; i < report.rows(); i++) {
            List<String> row = new ArrayList<>();
            int j = 0;
            for (double[] col : report.columns().values()) {
                double d = col[i];
                String s = d == 0 ? "0" : d == Math.rint(d) && Math.abs(d) < 1e12 ? Long.toString((long) d) : legacy(d);
                w[j] = Math.max(w[j], s.length());
                row.add(s);
                j++;
            }
            cells.add(row);
        }
        out.println();
        StringBuilder line = new StringBuilder("  ");
        for (int j = 0; j < header.size(); j++) {
            line.append(String.format(java.util.Locale.ROOT, "%" + w[j] + "s  ", header.get(j)));
        }
        out.println(line.toString().stripTrailing());
        for (List<String> row : cells) {
            line = new StringBuilder("  ");
            for (int j = 0; j < row.size(); j++) {
                line.append(String.format(java.util.Locale.ROOT, "%" + w[j] + "s  ", row.get(j)));
            }
            out.println(line.toString().stripTrailing());
        }
        for (String note : report.notes()) {
            out.println("  # " + note);
        }
        out.flush();
        return sw.toString();
    }
}
