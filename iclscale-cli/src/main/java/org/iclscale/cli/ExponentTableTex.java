package org.iclscale.cli;

import java.util.List;
import org.iclscale.cli.ExponentSummary.Row;

/**
 * The exponent table as a booktabs {@code table} for a paper (the booktabs package; amsmath is not
 * needed): symbols typeset, values that differ from the paper's stated exponent marked with a dagger and
 * explained in the caption. One pair: a row per resource (exponent as expression = value, regime, paper's
 * exponent); several pairs: a row per (ν, β) with the eleven exponents.
 */
final class ExponentTableTex {

    static final String DAGGER = "^{\\dagger}";

    private ExponentTableTex() {
    }

    static String single(ExponentSummary s) {
        StringBuilder t = new StringBuilder();
        t.append("% iclscale exponents --nu ").append(num(s.nu())).append(" --beta ").append(num(s.beta()))
                .append(" --format tex; needs \\usepackage{booktabs}\n");
        t.append("\\begin{table}[ht]\n\\centering\n\\small\n\\begin{tabular}{@{}llll@{}}\n\\toprule\n");
        t.append("Resource & Exponent & Regime & Paper \\\\\n\\midrule\n");
        List<Row> rows = s.rows();
        boolean computeStarted = false;
        for (Row r : rows) {
            if (r.key().startsWith("computeOptimal.") && !computeStarted) {
                computeStarted = true;
                t.append("\\midrule\n\\multicolumn{4}{@{}l}{Compute-optimal exponents of $C = ").append(formulaTex(s))
                        .append("$: $\\mathcal{L}^\\star \\propto C^{-e}$, $x^\\star \\propto C^{\\epsilon_x}$} \\\\\n");
            }
            t.append(r.texLabel()).append(" & $");
            if (r.expressionTex() != null) {
                t.append(r.expressionTex()).append(" = ");
            }
            t.append(fixed(r.exponent())).append(r.differs() ? DAGGER : "").append("$ & ");
            t.append(regimeTex(r)).append(" & ");
            if (Double.isNaN(r.paper())) {
                t.append("---");
            } else if (r.paperTex() != null) {
                t.append('$').append(r.paperTex()).append(" = ").append(fixed(r.paper())).append('$');
            } else {
                t.append('$').append(fixed(r.paper())).append('$');
            }
            t.append(" \\\\\n");
        }
        t.append("\\bottomrule\n\\end{tabular}\n");
        t.append("\\caption{Scaling exponents of the loss at $\\nu = ").append(num(s.nu())).append("$, $\\beta = ")
                .append(num(s.beta())).append("$ ($\\mathcal{L} \\sim R^{-\\mathrm{exponent}}$ in each resource $R$, the "
                        + "others infinite). $\\dagger$: differs from the exponent stated in the paper (corrected).}\n");
        t.append("\\end{table}\n");
        return t.toString();
    }

    static String multiple(List<ExponentSummary> pairs) {
        ExponentSummary first = pairs.get(0);
        StringBuilder t = new StringBuilder();
        t.append("% iclscale exponents --format tex, ").append(pairs.size())
                .append(" (nu, beta) pairs; needs \\usepackage{booktabs}\n");
        t.append("\\begin{table}[ht]\n\\centering\n\\footnotesize\n\\setlength{\\tabcolsep}{2pt}\n\\begin{tabular}{@{}rr").append("r".repeat(6)).append("r".repeat(5))
                .append("@{}}\n\\toprule\n");
        t.append(" & & \\multicolumn{6}{c}{loss exponent in} & \\multicolumn{5}{c}{compute-optimal exponent of $C$} \\\\\n");
        t.append("\\cmidrule(lr){3-8}\\cmidrule(l){9-13}\n");
        t.append("$\\nu$ & $\\beta$ & $t$ & $L$ & $N$ & $P$ & $t_{\\mathrm{FS}}$ & $t_{\\mathrm{full}}$ & "
                + "$\\mathcal{L}^\\star$ & $t^\\star$ & $N^\\star$ & $L^\\star$ & $P^\\star$ \\\\\n\\midrule\n");
        for (ExponentSummary s : pairs) {
            t.append(num(s.nu())).append(" & ").append(num(s.beta()));
            for (Row r : s.rows()) {
                t.append(" & $").append(fixed(r.exponent())).append(r.differs() ? DAGGER : "").append('$');
            }
            t.append(" \\\\\n");
        }
        t.append("\\bottomrule\n\\end{tabular}\n");
        t.append("\\caption{Scaling exponents ($\\mathcal{L} \\sim R^{-\\mathrm{exponent}}$; $t$: RRS time, "
                + "$t_{\\mathrm{FS}}$: FS time, $t_{\\mathrm{full}}$: full linear attention) and compute-optimal exponents "
                + "for $C = ").append(formulaTex(first)).append("$. $\\dagger$: differs from the exponent stated in the "
                + "paper (corrected).}\n");
        t.append("\\end{table}\n");
        return t.toString();
    }

    private static String regimeTex(Row r) {
        if (r.key().startsWith("computeOptimal.")) {
            return r.regime().startsWith("not in C") ? "not in $C$" : "";
        }
        if (r.regime().equals("never saturates")) {
            return "never saturates";
        }
        String word = r.regime().startsWith("saturated") ? "saturated" : "tail";
        return r.regimeTex() == null ? word : word + ", $" + r.regimeTex() + "$";
    }

    /** t*P^2*N^2*L → t P^{2} N^{2} L. */
    static String formulaTex(ExponentSummary s) {
        return s.formula().text().replaceAll("\\^([0-9./]+)", "^{$1}").replace("*", " ");
    }

    private static String fixed(double v) {
        return ExponentTableText.fixed(v);
    }

    private static String num(double v) {
        return ExponentSummary.fmt(v);
    }
}
