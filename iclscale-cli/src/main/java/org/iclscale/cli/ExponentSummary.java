package org.iclscale.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iclscale.scaling.ComputeFormula;
import org.iclscale.scaling.ComputeOptimal;
import org.iclscale.scaling.ExponentTable;
import org.iclscale.scaling.TailSum;
import org.iclscale.scaling.Term;
import org.iclscale.symbolic.SymbolicScaling;

/**
 * The exponent table of one (ν, β) pair as rows (issue 15, "exponent tables that are tables"): one row per loss
 * term (time, depth, width, context, FS time, full-attention time) and per compute-optimal exponent (loss, time,
 * width, depth, context of C), each with its value, the expression valid at (ν, β) and the regime, the paper's
 * stated value and whether it differs. The numeric columns come from {@link ExponentTable}/{@link ComputeOptimal}
 * (no Symja); expressions and TeX are filled only when a {@link SymbolicScaling} is given.
 */
final class ExponentSummary {

    /**
     * One row.
     *
     * @param key JSON key ({@code time}, ..., {@code computeOptimal.loss})
     * @param label short text label ("width N")
     * @param texLabel the resource typeset ({@code N})
     * @param exponent the exponent at (ν, β)
     * @param expression the branch valid at (ν, β) in Mathematica syntax (null without Symja)
     * @param general the form valid for every (ν, β), with its Min (null without Symja)
     * @param expressionTex its TeX (null without Symja)
     * @param regime short regime text ("saturated: beta >= 1")
     * @param regimeTex the condition typeset (null without Symja)
     * @param paper the paper's stated value (NaN where the paper states none)
     * @param paperExpression the paper's stated exponent as written in formulas/ (null where none)
     * @param paperTex the paper's expression typeset (null without Symja or without a paper value)
     * @param differs whether the exponent differs from the paper's value
     */
    record Row(String key, String label, String texLabel, double exponent, String expression, String general,
            String expressionTex,
            String regime, String regimeTex, double paper, String paperExpression, String paperTex, boolean differs) {
    }

    private final double nu;
    private final double beta;
    private final ComputeFormula formula;
    private final List<Row> rows;

    private ExponentSummary(double nu, double beta, ComputeFormula formula, List<Row> rows) {
        this.nu = nu;
        this.beta = beta;
        this.formula = formula;
        this.rows = List.copyOf(rows);
    }

    double nu() {
        return nu;
    }

    double beta() {
        return beta;
    }

    ComputeFormula formula() {
        return formula;
    }

    List<Row> rows() {
        return rows;
    }

    boolean symbolic() {
        return rows.get(0).expression() != null;
    }

    /** Resource labels of the loss terms and their TeX symbols, in {@link Term} order. */
    static String label(Term t) {
        return switch (t) {
            case TIME -> "time t";
            case DEPTH -> "depth L";
            case WIDTH -> "width N";
            case CONTEXT -> "context P";
            case FS_TIME -> "FS time t";
            case FULL_ATTENTION_TIME -> "full-attn time t";
        };
    }

    static String texLabel(Term t) {
        return switch (t) {
            case TIME -> "$t$ (RRS)";
            case DEPTH -> "$L$";
            case WIDTH -> "$N$";
            case CONTEXT -> "$P$";
            case FS_TIME -> "$t$ (FS)";
            case FULL_ATTENTION_TIME -> "$t$ (full attention)";
        };
    }

    /** Keys, labels and TeX symbols of the compute-optimal rows (exponents of C). */
    static final String[][] COMPUTE = {
        {"loss", "C: loss", "\\mathcal{L}^\\star", "_"},
        {"time", "C: time t*", "t^\\star", "t"},
        {"width", "C: width N*", "N^\\star", "N"},
        {"depth", "C: depth L*", "L^\\star", "L"},
        {"context", "C: context P*", "P^\\star", "P"}};

    /** Builds the rows; {@code sym} may be null (numeric only). */
    static ExponentSummary of(ExponentTable table, ComputeFormula formula, ComputeOptimal opt, SymbolicScaling sym,
            SymbolicScaling.SymbolicAllocation allocation) {
        double nu = table.nu();
        double beta = table.beta();
        List<Row> rows = new ArrayList<>();
        for (Term t : Term.values()) {
            TailSum ts = table.tailSum(t);
            double value = table.exponent(t);
            double paper = table.paperExponent(t);
            boolean differs = Math.abs(paper - value) > 1e-12 * Math.max(1, value);
            String expression = null;
            String general = null;
            String tex = null;
            String conditionTex = null;
            String paperTex = null;
            String regime = shortRegime(ts, nu, beta, null);
            if (sym != null) {
                SymbolicScaling.SymbolicExponent s = sym.exponent(ts);
                expression = compact(s.branch());
                general = compact(s.general());
                tex = s.branchTex();
                conditionTex = s.conditionTex();
                paperTex = s.paperTex();
                regime = shortRegime(ts, nu, beta, s.condition());
            }
            rows.add(new Row(t.key(), label(t), texLabel(t), value, expression, general, tex, regime, conditionTex, paper,
                    compact(ts.paper()), paperTex, differs));
        }
        for (String[] c : COMPUTE) {
            double value = c[0].equals("loss") ? opt.loss() : opt.resources().get(resource(c[0]));
            boolean present = c[0].equals("loss") || formula.contains(resource(c[0]));
            String regime = present ? "C = " + formula.text() : "not in C (infinite)";
            String expression = allocation == null ? null : compact(allocation.exponents().get(c[0]));
            String tex = allocation == null ? null : allocation.tex().get(c[0]);
            rows.add(new Row("computeOptimal." + c[0], c[1], "$" + c[2] + "$", value, expression, null, tex, regime,
                    allocation == null ? null : "C = " + formula.text(), Double.NaN, null, null, false));
        }
        return new ExponentSummary(nu, beta, formula, rows);
    }

    private static char resource(String key) {
        return switch (key) {
            case "time" -> 't';
            case "width" -> 'N';
            case "depth" -> 'L';
            case "context" -> 'P';
            default -> throw new IllegalArgumentException(key);
        };
    }

    /** "saturated: beta >= 1", "tail: beta < 2", "never saturates" (numbers when Symja gives no condition). */
    static String shortRegime(TailSum ts, double nu, double beta, String condition) {
        double[] x = ts.parameters(nu, beta);
        if (Double.isInfinite(x[3])) {
            return "never saturates";
        }
        boolean saturated = ts.saturated(nu, beta);
        String cond = condition != null ? compact(condition)
                : "s/p=" + fmt(ts.tailRatio(nu, beta)) + (saturated ? ">=" : "<") + fmt(x[3]);
        return (saturated ? "saturated: " : "tail: ") + cond;
    }

    /** Mathematica text without spaces (keeps table cells short). */
    static String compact(String s) {
        return s == null ? null : s.replace(" ", "");
    }

    static String fmt(double v) {
        String s = String.format(Locale.ROOT, "%.4g", v);
        return s.contains(".") && !s.contains("e") ? s.replaceFirst("0+$", "").replaceFirst("\\.$", "") : s;
    }

    /** The rows as the JSON/CSV table object of one pair (key → fields), for multi-pair reports. */
    Map<String, Object> exponents() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Row r : rows) {
            out.put(r.key(), r.exponent());
        }
        return out;
    }
}
