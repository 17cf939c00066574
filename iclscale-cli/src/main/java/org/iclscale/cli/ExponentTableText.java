package org.iclscale.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.iclscale.cli.ExponentSummary.Row;

/**
 * The exponent table as text that fits a terminal (at most {@link #WIDTH} columns). One pair: one row per
 * resource with exponent, expression, regime, the paper's value and whether it differs (long cells wrap onto
 * continuation lines). Several pairs: one row per pair with the eleven exponents, a '*' after every value that
 * differs from the paper, then one line per resource with its general expression and the paper's.
 */
final class ExponentTableText {

    /** Widest line printed. */
    static final int WIDTH = 100;

    private ExponentTableText() {
    }

    static String single(ExponentSummary s, List<String> notes) {
        StringBuilder out = new StringBuilder();
        wrap(out, "exponents at nu = " + num(s.nu()) + ", beta = " + num(s.beta()) + " (loss ~ R^-exponent; compute C = "
                + s.formula().text() + ")", "  ");
        String[] header = {"resource", "exponent", "expression", "regime / condition", "paper", "differs"};
        List<String[]> cells = new ArrayList<>();
        for (Row r : s.rows()) {
            cells.add(new String[] {r.label(), fixed(r.exponent()), r.expression() == null ? "-" : r.expression(),
                r.regime(), Double.isNaN(r.paper()) ? "-" : fixed(r.paper()), Double.isNaN(r.paper()) ? "" : r.differs() ? "yes" : "no"});
        }
        int[] w = new int[header.length];
        for (int j = 0; j < header.length; j++) {
            w[j] = header[j].length();
            for (String[] c : cells) {
                w[j] = Math.max(w[j], c[j].length());
            }
        }
        // share what is left of WIDTH between the two free-text columns (expression, regime)
        int fixedWidth = w[0] + w[1] + w[4] + w[5] + 2 * (header.length - 1) + 2;
        int free = WIDTH - fixedWidth;
        if (w[2] + w[3] > free) {
            int regime = Math.min(w[3], Math.max(free / 2, free - w[2]));
            w[3] = Math.max(12, regime);
            w[2] = Math.max(12, free - w[3]);
        }
        line(out, header, w);
        for (String[] c : cells) {
            line(out, c, w);
        }
        for (String n : notes) {
            wrap(out, "  # " + n, "    ");
        }
        return out.toString();
    }

    static String multiple(List<ExponentSummary> pairs, List<String> notes) {
        ExponentSummary first = pairs.get(0);
        StringBuilder out = new StringBuilder();
        wrap(out, "exponents (loss ~ R^-exponent; C: compute-optimal exponents of C = " + first.formula().text()
                + "); * = differs from the paper", "  ");
        List<String> header = new ArrayList<>(List.of("nu", "beta", "time", "depth", "width", "context", "fsTime",
                "fullAtt", "C:loss", "C:t*", "C:N*", "C:L*", "C:P*"));
        List<String[]> cells = new ArrayList<>();
        for (ExponentSummary s : pairs) {
            List<String> row = new ArrayList<>(List.of(num(s.nu()), num(s.beta())));
            for (Row r : s.rows()) {
                row.add(fixed(r.exponent()) + (r.differs() ? "*" : " "));
            }
            cells.add(row.toArray(String[]::new));
        }
        int[] w = new int[header.size()];
        for (int j = 0; j < w.length; j++) {
            w[j] = header.get(j).length();
            for (String[] c : cells) {
                w[j] = Math.max(w[j], c[j].length());
            }
        }
        StringBuilder h = new StringBuilder();
        for (int j = 0; j < w.length; j++) {
            h.append(j == 0 ? "" : " ").append(pad(header.get(j), w[j], true));
        }
        out.append(h.toString().stripTrailing()).append('\n');
        for (String[] c : cells) {
            StringBuilder l = new StringBuilder();
            for (int j = 0; j < w.length; j++) {
                l.append(j == 0 ? "" : " ").append(pad(c[j], w[j], true));
            }
            out.append(l.toString().stripTrailing()).append('\n');
        }
        if (first.symbolic()) {
            out.append("expressions (valid for all nu, beta; C: at these pairs) and the paper's:\n");
        }
        for (int i = 0; i < first.rows().size(); i++) {
            Row r = first.rows().get(i);
            String general = generalOf(pairs, i);
            String paper = paperOf(pairs, i);
            if (general == null && paper == null) {
                continue;
            }
            wrap(out, "  " + pad(r.label(), 16, false) + " " + (general == null ? "" : general)
                    + (paper == null ? "" : (general == null ? "" : "; ") + "paper: " + paper), "                    ");
        }
        for (String n : notes) {
            wrap(out, "  # " + n, "    ");
        }
        return out.toString();
    }

    /** The distinct branch expressions of row i over the pairs, joined with " | ". */
    private static String generalOf(List<ExponentSummary> pairs, int i) {
        List<String> seen = new ArrayList<>();
        for (ExponentSummary s : pairs) {
            Row r = s.rows().get(i);
            String e = r.general() != null ? r.general() : r.expression();
            if (e != null && !seen.contains(e)) {
                seen.add(e);
            }
        }
        return seen.isEmpty() ? null : String.join(" | ", seen);
    }

    private static String paperOf(List<ExponentSummary> pairs, int i) {
        return pairs.get(0).rows().get(i).paperExpression();
    }

    private static void line(StringBuilder out, String[] cells, int[] w) {
        List<List<String>> parts = new ArrayList<>();
        int lines = 1;
        for (int j = 0; j < cells.length; j++) {
            List<String> p = split(cells[j], w[j]);
            parts.add(p);
            lines = Math.max(lines, p.size());
        }
        for (int k = 0; k < lines; k++) {
            StringBuilder l = new StringBuilder("  ");
            for (int j = 0; j < cells.length; j++) {
                String text = k < parts.get(j).size() ? parts.get(j).get(k) : "";
                boolean right = j == 1 || j == 4;
                l.append(j == 0 ? "" : "  ").append(pad(text, w[j], right));
            }
            out.append(l.toString().stripTrailing()).append('\n');
        }
    }

    /** Splits a cell into pieces of at most {@code width} characters, preferring breaks after + - * / , or space. */
    static List<String> split(String text, int width) {
        List<String> out = new ArrayList<>();
        String rest = text;
        while (rest.length() > width) {
            int cut = -1;
            for (int i = width; i > width / 2; i--) {
                char c = rest.charAt(i - 1);
                if (c == '+' || c == '-' || c == '*' || c == '/' || c == ',' || c == ' ' || c == '|') {
                    cut = i;
                    break;
                }
            }
            if (cut < 0) {
                cut = width;
            }
            out.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        out.add(rest);
        return out;
    }

    private static void wrap(StringBuilder out, String text, String indent) {
        List<String> parts = split(text, WIDTH);
        out.append(parts.get(0)).append('\n');
        for (int i = 1; i < parts.size(); i++) {
            for (String p : split(parts.get(i), WIDTH - indent.length())) {
                out.append(indent).append(p).append('\n');
            }
        }
    }

    private static String pad(String s, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - s.length()));
        return right ? spaces + s : s + spaces;
    }

    static String fixed(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static String num(double v) {
        return ExponentSummary.fmt(v);
    }
}
