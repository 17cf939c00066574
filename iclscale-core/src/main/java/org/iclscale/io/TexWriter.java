package org.iclscale.io;

import java.io.PrintWriter;
import java.util.Map;

/**
 * TeX: the report's own TeX (a closed form, an exponent table) when it has one, otherwise a
 * {@code tabular} of its columns or of its fields.
 */
public final class TexWriter implements ReportWriter {

    @Override
    public void write(Report report, PrintWriter out) {
        ReportWriter.requireFinite(report);
        if (report.texOrNull() != null) {
            out.println(report.texOrNull());
            out.flush();
            return;
        }
        if (!report.columns().isEmpty()) {
            out.println("\\begin{tabular}{" + "r".repeat(report.columns().size()) + "}");
            out.println(String.join(" & ", report.columns().keySet().stream().map(TexWriter::escape).toList()) + " \\\\ \\hline");
            for (int i = 0; i < report.rows(); i++) {
                StringBuilder row = new StringBuilder();
                int j = 0;
                for (double[] col : report.columns().values()) {
                    row.append(j++ == 0 ? "" : " & ").append(ReportWriter.human(col[i]));
                }
                out.println(row + " \\\\");
            }
        } else {
            out.println("\\begin{tabular}{lr}");
            Map<String, Object> flat = ReportWriter.flatten(report.fields());
            flat.forEach((k, v) -> out.println(escape(k) + " & " + escape(ReportWriter.human(v)) + " \\\\"));
        }
        out.println("\\end{tabular}");
        out.flush();
    }

    static String escape(String s) {
        return s.replace("\\", "\\textbackslash{}").replace("_", "\\_").replace("%", "\\%").replace("&", "\\&")
                .replace("#", "\\#");
    }
}
