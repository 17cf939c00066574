package org.iclscale.io;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CSV: a report with columns is written as header + one row per point (scalar fields that are plain
 * numbers or strings are repeated as constant columns, so each row carries its parameters); a report
 * without columns is written as a header of field names and one row of values.
 */
public final class CsvWriter implements ReportWriter {

    @Override
    public void write(Report report, PrintWriter out) {
        ReportWriter.requireFinite(report);
        Map<String, Object> flat = ReportWriter.flatten(report.fields());
        List<String> scalarKeys = new ArrayList<>();
        flat.forEach((k, v) -> {
            if (!(v instanceof double[] || v instanceof int[] || v instanceof List<?>)) {
                scalarKeys.add(k);
            }
        });
        if (report.columns().isEmpty()) {
            out.println(String.join(",", scalarKeys));
            List<String> values = new ArrayList<>();
            scalarKeys.forEach(k -> values.add(quote(ReportWriter.exact(flat.get(k)))));
            out.println(String.join(",", values));
        } else {
            List<String> header = new ArrayList<>(report.columns().keySet());
            header.addAll(scalarKeys);
            out.println(String.join(",", header));
            for (int i = 0; i < report.rows(); i++) {
                List<String> row = new ArrayList<>();
                for (double[] col : report.columns().values()) {
                    row.add(ReportWriter.exact(col[i]));
                }
                for (String k : scalarKeys) {
                    row.add(quote(ReportWriter.exact(flat.get(k))));
                }
                out.println(String.join(",", row));
            }
        }
        out.flush();
    }

    /** A CSV cell: quoted (RFC 4180, doubled quotes) when it holds a comma, a quote or a line break. */
    public static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
