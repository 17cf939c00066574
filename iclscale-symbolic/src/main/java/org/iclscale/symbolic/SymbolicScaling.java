package org.iclscale.symbolic;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
 * the exponents of C) with {@code Solve}. {@link #numeric} evaluates any of the expressions at (ν, β) so callers
 * and tests can cross-check them against {@link ExponentTable} / {@link org.iclscale.scaling.ComputeOptimal}.
 *
 * <p>The derived strings depend on (ν, β) only through the branch each term is on (saturated or not, exponential
 * filter or not), besides the formula files and the compute formula; {@link #of(double, double, Path)} keeps them
 * in a {@link DerivationCache} under exactly those inputs and starts the engine only for a derivation it does not
 * find there (issue 17 item 6: the Symja start is most of a symbolic {@code exponents} run).
 */
public final class SymbolicScaling {

    /** One symbolic exponent: the general form, the branch valid at (ν, β), TeX, the condition, the paper's form. */
    public record SymbolicExponent(String general, String branch, String branchTex, String condition,
            String conditionTex, String paper, String paperTex, boolean paperEqualsUnsaturated) {
    }

    /** Symbolic compute-optimal exponents: loss e, resources ε_x (absent → "0"), ρ in L ~ N^ρ (or null). */
    public record SymbolicAllocation(Map<String, String> exponents, Map<String, String> tex, String depthPerWidth,
            String depthPerWidthTex, String lagrangeSystem) {
    }

    private static boolean loaded;

    private final double nu;
    private final double beta;
    /** Finished derivations, or null (derive every time). */
    private final DerivationCache cache;
    /** Started on the first derivation (or by the public constructor). */
    private SymbolicEngine engine;

    /** Starts the engine and loads the formula files into it; derives every expression (no cache). */
    public SymbolicScaling(double nu, double beta) {
        this(nu, beta, (DerivationCache) null);
        engine();
    }

    private SymbolicScaling(double nu, double beta, DerivationCache cache) {
        this.nu = nu;
        this.beta = beta;
        this.cache = cache;
    }

    /**
     * The symbolic exponents at (ν, β), reusing the derivations stored in {@code cacheDirectory} (null: no cache);
     * the engine starts only when an expression is not found there.
     */
    public static SymbolicScaling of(double nu, double beta, Path cacheDirectory) {
        return new SymbolicScaling(nu, beta, cacheDirectory == null ? null : new DerivationCache(cacheDirectory));
    }

    /** With a given cache (tests). */
    static SymbolicScaling of(double nu, double beta, DerivationCache cache) {
        return new SymbolicScaling(nu, beta, cache);
    }

    /** Whether this instance has started (or used) the engine. */
    public boolean usedEngine() {
        return engine != null;
    }

    private SymbolicEngine engine() {
        if (engine == null) {
            SymbolicEngine e = SymbolicEngine.get();
            load(e);
            engine = e;
        }
        return engine;
    }

    private static synchronized void load(SymbolicEngine engine) {
        if (loaded) {
            return;
        }
        for (String file : FILES) {
            for (String def : FormulaFiles.load(file).definitionTexts()) {
                engine.evaluate(def);
            }
        }
        loaded = true;
    }

    /** The formula files loaded into the engine. */
    private static final List<String> FILES = List.of(ExponentTable.FORMULA_FILE, "compute-optimal");

    private Map<String, Double> point() {
        return Map.of("nu", nu, "beta", beta);
    }

    /** The branch pattern of a term at (ν, β): all its derivation depends on besides the files. */
    private String branchKey(TailSum ts) {
        return ts.term().key() + (ts.saturated(nu, beta) ? " saturated" : " unsaturated")
                + (Double.isInfinite(ts.parameters(nu, beta)[3]) ? " exponential" : "");
    }

    private static String filesKey() {
        StringBuilder k = new StringBuilder();
        for (String file : FILES) {
            k.append(FormulaFiles.read(file + ".m")).append('\n');
        }
        return k.toString();
    }

    /** The exponent of {@code term}: rule applied to the term's definitions, simplified. */
    public SymbolicExponent exponent(TailSum ts) {
        String key = "exponent " + branchKey(ts) + "\n" + filesKey();
        Properties stored = cache == null ? null : cache.read(key);
        if (stored != null) {
            return new SymbolicExponent(stored.getProperty("general"), stored.getProperty("branch"),
                    stored.getProperty("branchTex"), stored.getProperty("condition"),
                    stored.getProperty("conditionTex"), stored.getProperty("paper"), stored.getProperty("paperTex"),
                    Boolean.parseBoolean(stored.getProperty("paperEqualsUnsaturated")));
        }
        SymbolicExponent e = deriveExponent(ts);
        if (cache != null) {
            Properties p = new Properties();
            p.setProperty("general", e.general());
            p.setProperty("branch", e.branch());
            p.setProperty("branchTex", e.branchTex());
            p.setProperty("condition", e.condition());
            p.setProperty("conditionTex", e.conditionTex());
            p.setProperty("paper", e.paper());
            p.setProperty("paperTex", e.paperTex());
            p.setProperty("paperEqualsUnsaturated", Boolean.toString(e.paperEqualsUnsaturated()));
            cache.write(key, p);
        }
        return e;
    }

    private SymbolicExponent deriveExponent(TailSum ts) {
        SymbolicEngine engine = engine();
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
                engine.tex(paper), same);
    }

    /**
     * Solves the Lagrange conditions a_x ε_x = e, Σ b_x ε_x = 1 for the resources of {@code formula} with a_x the
     * branch exponents at (ν, β) ({@code timeTerm} for t).
     */
    public SymbolicAllocation allocation(ExponentTable table, ComputeFormula formula, Term timeTerm) {
        StringBuilder key = new StringBuilder("allocation ").append(formula.text()).append(" time ")
                .append(timeTerm.key()).append('\n');
        for (char x : formula.powers().keySet()) {
            key.append(branchKey(table.tailSum(x == 't' ? timeTerm : Term.forResource(x)))).append('\n');
        }
        key.append(filesKey());
        Properties stored = cache == null ? null : cache.read(key.toString());
        if (stored != null) {
            Map<String, String> exps = new LinkedHashMap<>();
            Map<String, String> tex = new LinkedHashMap<>();
            for (String[] kv : ALLOCATION_KEYS) {
                exps.put(kv[0], stored.getProperty("exponent." + kv[0]));
                tex.put(kv[0], stored.getProperty("tex." + kv[0]));
            }
            return new SymbolicAllocation(exps, tex, stored.getProperty("depthPerWidth"),
                    stored.getProperty("depthPerWidthTex"), stored.getProperty("lagrangeSystem"));
        }
        SymbolicAllocation a = deriveAllocation(table, formula, timeTerm);
        if (cache != null) {
            Properties p = new Properties();
            for (String[] kv : ALLOCATION_KEYS) {
                p.setProperty("exponent." + kv[0], a.exponents().get(kv[0]));
                p.setProperty("tex." + kv[0], a.tex().get(kv[0]));
            }
            if (a.depthPerWidth() != null) {
                p.setProperty("depthPerWidth", a.depthPerWidth());
                p.setProperty("depthPerWidthTex", a.depthPerWidthTex());
            }
            p.setProperty("lagrangeSystem", a.lagrangeSystem());
            cache.write(key.toString(), p);
        }
        return a;
    }

    /** The rows of an allocation: its key and the engine's unknown. */
    private static final String[][] ALLOCATION_KEYS = {{"loss", "expLoss"}, {"time", var('t')}, {"width", var('N')},
        {"depth", var('L')}, {"context", var('P')}};

    private SymbolicAllocation deriveAllocation(ExponentTable table, ComputeFormula formula, Term timeTerm) {
        SymbolicEngine engine = engine();
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
        for (String[] kv : ALLOCATION_KEYS) {
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
        }
        String rho = null;
        String rhoTex = null;
        if (formula.contains('N') && formula.contains('L')) {
            rho = engine.simplify("(" + exps.get("depth") + ")/(" + exps.get("width") + ")");
            rhoTex = engine.tex(rho);
        }
        return new SymbolicAllocation(exps, tex, rho, rhoTex, system);
    }

    /** Numeric value of an expression in ν, β at this point. */
    public double numeric(String expression) {
        return engine().numeric(expression, point());
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
