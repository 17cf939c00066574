package org.iclscale.symbolic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iclscale.io.FormulaFiles;
import org.iclscale.scaling.ComputeFormula;
import org.iclscale.scaling.ExponentTable;
import org.iclscale.scaling.Rationals;
import org.iclscale.scaling.TailSum;
import org.iclscale.scaling.Term;

/**
 * The symbolic side of the exponent table (through {@link SymbolicEngine}, the project's only door to Symja):
 * the definitions of {@code formulas/scaling-exponents.m} and {@code formulas/compute-optimal.m} are loaded into
 * the engine, the general rule is applied to each term and simplified (in ν, β), the branch that holds at the
 * given (ν, β) is selected, and the compute-optimal exponents solve the Lagrange conditions (a linear system in
 * the exponents of C) with {@code Solve}. Every expression is also evaluated numerically at (ν, β) so callers
 * and tests can cross-check it against {@link ExponentTable} / {@link org.iclscale.scaling.ComputeOptimal}.
 */
public final class SymbolicScaling {

    /** One symbolic exponent: the general form, the branch valid at (ν, β), TeX and its value there. */
    public record SymbolicExponent(String general, String branch, String branchTex, String condition,
            String conditionTex, String paper, String paperTex, boolean paperEqualsUnsaturated, double value) {
    }

    /** Symbolic compute-optimal exponents: loss e, resources ε_x (absent → "0"), ρ in L ~ N^ρ (or null). */
    public record SymbolicAllocation(Map<String, String> exponents, Map<String, String> tex, Map<String, Double> values,
            String depthPerWidth, String depthPerWidthTex, String lagrangeSystem) {
    }

    private static boolean loaded;

    private final SymbolicEngine engine;
    private final double nu;
    private final double beta;

    public SymbolicScaling(double nu, double beta) {
        this.engine = SymbolicEngine.get();
        this.nu = nu;
        this.beta = beta;
        load(engine);
    }

    private static synchronized void load(SymbolicEngine engine) {
        if (loaded) {
            return;
        }
        for (String file : List.of(ExponentTable.FORMULA_FILE, "compute-optimal")) {
            for (String def : FormulaFiles.load(file).definitionTexts()) {
                engine.evaluate(def);
            }
        }
        loaded = true;
    }

    private Map<String, Double> point() {
        return Map.of("nu", nu, "beta", beta);
    }

    private double value(String expr) {
        return engine.numeric(expr, point());
    }

    /** The exponent of {@code term}: rule applied to the term's definitions, simplified. */
    public SymbolicExponent exponent(TailSum ts) {
        String k = ts.term().key();
        String s = k + "TailSource";
        String p = k + "TailRate";
        String q = k + "ResourcePower";
        String m = k + "FilterDecay";
        String tail = "tailExponent[" + s + ", " + p + ", " + q + ", " + m + "]";
        boolean saturated = ts.saturated(nu, beta);
        String raw = saturated ? q + "*" + m : "(" + q + "/" + p + ")*" + s;
        String branch = engine.simplify(ts.flow() ? "flowExponent[" + raw + "]" : raw);
        String unsaturated = engine.simplify(ts.flow() ? "flowExponent[(" + q + "/" + p + ")*" + s + "]" : "(" + q + "/" + p + ")*" + s);
        String ratio = engine.simplify(s + "/" + p);
        boolean exponential = Double.isInfinite(ts.parameters(nu, beta)[3]);
        // Min[s, Infinity] = s: Symja leaves Min[Infinity*nu, ...] unsimplified, so take the unsaturated form
        String general = exponential ? unsaturated : engine.simplify(ts.flow() ? "flowExponent[" + tail + "]" : tail);
        String condition;
        String conditionTex;
        if (exponential) {
            condition = "any nu > 1, beta > 0 (exponential filter: never saturates)";
            conditionTex = "\\text{all } \\nu>1,\\ \\beta>0";
        } else {
            String mText = engine.evaluate(m);
            condition = ratio + (saturated ? " >= " : " < ") + mText;
            conditionTex = engine.tex(ratio) + (saturated ? " \\ge " : " < ") + engine.tex(mText);
        }
        String paper = engine.simplify(k + "PaperExponent");
        boolean same = engine.isZero("(" + unsaturated + ") - (" + paper + ")");
        return new SymbolicExponent(general, branch, engine.tex(branch), condition, conditionTex, paper,
                engine.tex(paper), same, value(branch));
    }

    /**
     * Solves the Lagrange conditions a_x ε_x = e, Σ b_x ε_x = 1 for the resources of {@code formula} with a_x the
     * branch exponents at (ν, β) ({@code timeTerm} for t).
     */
    public SymbolicAllocation allocation(ExponentTable table, ComputeFormula formula, Term timeTerm) {
        Map<Character, String> a = new LinkedHashMap<>();
        for (char x : formula.powers().keySet()) {
            Term t = x == 't' ? timeTerm : Term.forResource(x);
            a.put(x, "(" + exponent(table.tailSum(t)).branch() + ")");
        }
        StringBuilder eqs = new StringBuilder("{");
        StringBuilder budget = new StringBuilder();
        StringBuilder unknowns = new StringBuilder("{");
        for (Map.Entry<Character, String> e : a.entrySet()) {
            String v = var(e.getKey());
            eqs.append(e.getValue()).append('*').append(v).append(" == expLoss, ");
            if (budget.length() > 0) {
                budget.append(" + ");
            }
            budget.append(Rationals.toMathematica(formula.power(e.getKey()))).append('*').append(v);
            unknowns.append(v).append(", ");
        }
        eqs.append(budget).append(" == 1}");
        unknowns.append("expLoss}");
        String system = eqs.toString();
        engine.evaluate("scalingLagrangeSolution = Solve[" + system + ", " + unknowns + "]");
        Map<String, String> exps = new LinkedHashMap<>();
        Map<String, String> tex = new LinkedHashMap<>();
        Map<String, Double> values = new LinkedHashMap<>();
        String[][] keys = {{"loss", "expLoss"}, {"time", var('t')}, {"width", var('N')}, {"depth", var('L')},
            {"context", var('P')}};
        for (String[] kv : keys) {
            char resource = switch (kv[0]) {
                case "time" -> 't';
                case "width" -> 'N';
                case "depth" -> 'L';
                case "context" -> 'P';
                default -> ' ';
            };
            String expr = resource != ' ' && !formula.contains(resource) ? "0"
                    : engine.simplify(kv[1] + " /. First[scalingLagrangeSolution]");
            exps.put(kv[0], expr);
            tex.put(kv[0], engine.tex(expr));
            values.put(kv[0], value(expr));
        }
        String rho = null;
        String rhoTex = null;
        if (formula.contains('N') && formula.contains('L')) {
            rho = engine.simplify("(" + exps.get("depth") + ")/(" + exps.get("width") + ")");
            rhoTex = engine.tex(rho);
        }
        return new SymbolicAllocation(exps, tex, values, rho, rhoTex, system);
    }

    /** Numeric value of an expression in ν, β at this point. */
    public double numeric(String expression) {
        return value(expression);
    }

    private static String var(char resource) {
        return "exp" + switch (resource) {
            case 't' -> "Time";
            case 'N' -> "Width";
            case 'L' -> "Depth";
            case 'P' -> "Context";
            default -> throw new IllegalArgumentException();
        };
    }
}
