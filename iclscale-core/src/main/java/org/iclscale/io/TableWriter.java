package org.iclscale.io;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Human-readable text: aligned {@code key  value} lines, then the columns as an aligned table, then notes.
 * Cells are formatted once ({@link HumanNumber}) and padded by hand (no {@code String.format} per cell).
 */
public final class TableWriter implements ReportWriter {

    @Override
    public void write(Report report, PrintWriter out) {
        ReportWriter.requireFinite(report);
        out.println(report.title());
        Map<String, Object> flat = ReportWriter.flatten(report.fields());
        int width = flat.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder line = new StringBuilder(128);
        for (Map.Entry<String, Object> e : flat.entrySet()) {
            line.setLength(0);
            line.append("  ").append(e.getKey());
            pad(line, width - e.getKey().length());
            out.println(line.append("  ").append(ReportWriter.human(e.getValue())));
        }
        if (!report.columns().isEmpty()) {
            out.println();
            List<String> header = new ArrayList<>(report.columns().keySet());
            List<double[]> columns = new ArrayList<>(report.columns().values());
            int rows = report.rows();
            String[][] cells = new String[columns.size()][rows];
            int[] w = new int[header.size()];
            for (int j = 0; j < header.size(); j++) {
                w[j] = header.get(j).length();
                double[] col = columns.get(j);
                for (int i = 0; i < rows; i++) {
                    String s = ReportWriter.human(col[i]);
                    cells[j][i] = s;
                    w[j] = Math.max(w[j], s.length());
                }
            }
            line.setLength(0);
            line.append("  ");
            for (int j = 0; j < header.size(); j++) {
                cell(line, header.get(j), w[j]);
            }
            out.println(strip(line));
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                line.append("  ");
                for (int j = 0; j < cells.length; j++) {
                    cell(line, cells[j][i], w[j]);
                }
                out.println(strip(line));
            }
        }
        for (String note : report.notes()) {
            out.println("  # " + note);
        }
        out.flush();
    }

    /** Right-aligned in {@code width}, then two spaces (the former {@code "%" + width + "s  "}). */
    private static void cell(StringBuilder line, String s, int width) {
        pad(line, width - s.length());
        line.append(s).append("  ");
    }

    private static void pad(StringBuilder line, int n) {
        for (int k = 0; k < n; k++) {
            line.append(' ');
        }
    }

    /** The line without trailing whitespace (as {@link String#stripTrailing()}). */
    private static String strip(StringBuilder line) {
        int end = line.length();
        while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end);
    }
}
