package org.iclscale.io;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Human-readable text: aligned {@code key  value} lines, then the columns as an aligned table, then notes. */
public final class TableWriter implements ReportWriter {

    @Override
    public void write(Report report, PrintWriter out) {
        ReportWriter.requireFinite(report);
        out.println(report.title());
        Map<String, Object> flat = ReportWriter.flatten(report.fields());
        int width = flat.keySet().stream().mapToInt(String::length).max().orElse(0);
        flat.forEach((k, v) -> out.printf("  %-" + width + "s  %s%n", k, ReportWriter.human(v)));
        if (!report.columns().isEmpty()) {
            out.println();
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
                    String s = ReportWriter.human(col[i]);
                    w[j] = Math.max(w[j], s.length());
                    row.add(s);
                    j++;
                }
                cells.add(row);
            }
            StringBuilder line = new StringBuilder("  ");
            for (int j = 0; j < header.size(); j++) {
                line.append(String.format("%" + w[j] + "s  ", header.get(j)));
            }
            out.println(line.toString().stripTrailing());
            for (List<String> row : cells) {
                line = new StringBuilder("  ");
                for (int j = 0; j < row.size(); j++) {
                    line.append(String.format("%" + w[j] + "s  ", row.get(j)));
                }
                out.println(line.toString().stripTrailing());
            }
        }
        for (String note : report.notes()) {
            out.println("  # " + note);
        }
        out.flush();
    }
}
