package org.iclscale.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.iclscale.core.Inputs;
import org.iclscale.core.InvalidInputException;
import org.iclscale.io.OutputFormat;
import org.iclscale.io.Report;
import org.iclscale.symbolic.FormulaLibrary;
import org.iclscale.symbolic.FormulaLibrary.Formula;
import org.iclscale.symbolic.FormulaLibrary.FormulaFile;
import org.iclscale.symbolic.ExpressionPolicy;
import org.iclscale.symbolic.SymbolicEngine;
import org.iclscale.symbolic.SymbolicException;
import org.iclscale.symbolic.UserExpression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code derive NAME}: prints a formula of {@code formulas/} simplified by Symja, optionally with some variables
 * fixed ({@code --set L=2} gives the exact rational function of α at depth 2). {@code --list} lists the files,
 * their headers and symbols without starting Symja.
 */
@Command(name = "derive", mixinStandardHelpOptions = true,
        description = {"Print a formula of formulas/ simplified by Symja (TeX, Mathematica or text).",
            "--list shows every formula file with its header; --set VAR=VALUE fixes variables (e.g. --set L=2)."})
public final class DeriveCommand implements Callable<Integer> {

    /** Output forms of derive. */
    public enum Form { text, tex, mathematica, json }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Formula symbol (e.g. isoOptimalLoss) or file name (e.g. iso-optimum).")
    String name;

    @Option(names = "--list", description = "List the formula files, their headers and symbols.")
    boolean list;

    @Option(names = "--set", paramLabel = "VAR=VALUE", description = {"Fix a variable of the formula's domain: a constant "
            + "(2, 1/2, 0.25, 1e-3, Sqrt[2], Pi/4) inside the domain; repeatable."})
    List<String> settings = new ArrayList<>();

    @Option(names = "--series", paramLabel = "VAR", description = {"Expand the formula as VAR -> inf through eps = 1/VAR "
            + "(e.g. --series L, with every other variable fixed by --set); a formula file's 'series:' header names the "
            + "closed form in VAR that is expanded."})
    String series;

    @Option(names = "--order", paramLabel = "K", description = "Relative order of --series: each term to 1/VAR^K "
            + "(integer 0..8, default 3).")
    Integer order;

    @Option(names = "--format", defaultValue = "text", description = "text, tex, mathematica or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--time-limit", defaultValue = "30", paramLabel = "SECONDS",
            description = "Time allowed for Symja before exit 1 (default: ${DEFAULT-VALUE}).")
    double timeLimit;

    @Override
    public Integer call() {
        Form form = parseForm(format);
        PrintWriter out = spec.commandLine().getOut();
        FormulaLibrary lib = FormulaLibrary.standard();
        if (list) {
            printList(lib, out, form);
            return Main.EXIT_OK;
        }
        if (name == null) {
            throw new InvalidInputException("NAME", "missing formula name (one of " + String.join(", ", lib.names())
                    + "; or --list)");
        }
        List<Formula> targets = resolve(lib, name);
        FormulaFile file = targets.get(0).file();
        Map<String, String> texts = Inputs.assignments("--set", settings, file.domainVariables(),
                "VAR=VALUE with VAR one of " + file.domainVariables());
        Duration limit = CheckCommand.timeLimit(timeLimit);
        if (series != null || order != null) {
            return expand(lib, targets, texts, limit, form, out);
        }
        SymbolicEngine engine = SymbolicEngine.get();
        lib.define(engine);
        Report report = new Report("derive " + name);
        StringBuilder text = new StringBuilder();
        try (SymbolicEngine.TimeLimit t = engine.timeLimit(limit)) {
            Map<String, UserExpression> fixed = values(engine, file, texts);
            ExpressionPolicy.Vocabulary vocabulary = lib.vocabulary(file.domainVariables(), "a variable of " + file.name());
            for (Formula f : targets) {
                SymbolicEngine.Shown shown;
                try {
                    shown = engine.show(engine.library(f.symbol(), vocabulary), fixed);
                } catch (SymbolicException e) {
                    throw SymbolicFailures.map(e, "NAME", f.symbol());
                }
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("definition", f.rhs());
                entry.put("simplified", shown.inputForm());
                entry.put("tex", shown.tex());
                report.put(f.symbol(), entry);
                String display = form == Form.tex ? shown.tex() : shown.inputForm();
                switch (form) {
                    case tex -> text.append(targets.size() > 1 ? "% " + f.symbol() + "\n" : "").append(display).append('\n');
                    case mathematica -> text.append(targets.size() > 1 ? f.symbol() + " = " : "").append(display).append('\n');
                    default -> {
                        text.append(f.symbol()).append(fixed.isEmpty() ? "" : " at " + texts).append(" = ").append(display).append('\n');
                        text.append("  definition: ").append(f.rhs()).append('\n');
                    }
                }
            }
        }
        if (form == Form.json) {
            report.put("file", file.name()).put("source", file.header("source")).put("domain", file.header("domain"));
            if (!texts.isEmpty()) {
                report.put("set", new LinkedHashMap<String, Object>(texts));
            }
            report.put("method", "Symja Simplify (or Factor of Together when shorter) of the definitions in formulas/"
                    + file.name() + ".m");
            OutputFormat.JSON.writer().write(report, out);
            return Main.EXIT_OK;
        }
        if (form == Form.text) {
            out.println("# " + file.name() + ": " + file.header("title"));
            out.println("# source: " + file.header("source"));
            out.println("# assumptions: " + file.header("assumptions"));
            out.println("# domain: " + file.header("domain"));
            out.println("# variables: " + file.header("variables"));
        }
        out.print(text);
        out.flush();
        return Main.EXIT_OK;
    }

    /** Largest {@code --order}: the coefficients' derivatives grow quickly beyond (and Symja's time with them). */
    static final int MAX_ORDER = 8;

    /**
     * {@code --series VAR --order K} (issue 15): the large-VAR expansion of one formula with every other domain
     * variable fixed, of the closed form the file's {@code series:} header names when there is one.
     */
    private int expand(FormulaLibrary lib, List<Formula> targets, Map<String, String> texts, Duration limit, Form form,
            PrintWriter out) {
        if (series == null) {
            throw new InvalidInputException("--order", "is the order of --series VAR; give --series too");
        }
        int k = order == null ? 3 : order;
        if (k < 0 || k > MAX_ORDER) {
            throw new InvalidInputException("--order", String.valueOf(k), "an integer in [0, " + MAX_ORDER + "]");
        }
        if (targets.size() != 1) {
            throw new InvalidInputException("NAME", name, "one formula symbol with --series (file " + name + " has "
                    + targets.stream().map(Formula::symbol).toList() + ")");
        }
        Formula target = targets.get(0);
        FormulaFile file = target.file();
        List<String> variables = file.domainVariables();
        if (!variables.contains(series)) {
            throw new InvalidInputException("--series", SymbolicFailures.excerpt(series), "a variable of "
                    + file.name() + ": one of " + variables);
        }
        if (texts.containsKey(series)) {
            throw new InvalidInputException("--set", series + "=" + SymbolicFailures.excerpt(texts.get(series)),
                    "not the --series variable " + series);
        }
        List<String> missing = variables.stream().filter(v -> !v.equals(series) && !texts.containsKey(v)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("--set", "--series " + series + " needs every other variable of "
                    + file.name() + " fixed; missing " + String.join(", ", missing) + " (e.g. --set " + missing.get(0)
                    + "=1)");
        }
        String closed = file.seriesForm(target.symbol());
        String expanded = closed == null ? target.symbol() : closed;
        SymbolicEngine engine = SymbolicEngine.get();
        lib.define(engine);
        SymbolicEngine.Expansion e;
        try (SymbolicEngine.TimeLimit t = engine.timeLimit(limit)) {
            Map<String, UserExpression> fixed = values(engine, file, texts);
            ExpressionPolicy.Vocabulary vocabulary = lib.vocabulary(variables, "a variable of " + file.name());
            try {
                e = engine.series(engine.library(expanded, vocabulary), fixed, series, k);
            } catch (SymbolicException x) {
                throw SymbolicFailures.map(x, "NAME", target.symbol());
            }
        }
        String method = "eps = 1/" + series + ": Stirling series of Gamma (DLMF 5.11.8), large-parameter 2F1, b^" + series
                + " and rational factors; each term to relative O(" + series + "^-" + (k + 1) + ")";
        String via = closed == null ? "" : closed + " = " + lib.formula(closed).rhs() + " (exact in " + series
                + "; series header of " + file.name() + ".m)";
        switch (form) {
            case tex -> out.println(e.tex());
            case mathematica -> out.println(e.inputForm());
            case json -> {
                Report report = new Report("derive " + name + " --series " + series);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("definition", target.rhs());
                entry.put("expanded", expanded);
                entry.put("variable", series);
                entry.put("order", k);
                entry.put("series", e.text());
                entry.put("truncated", e.inputForm());
                entry.put("tex", e.tex());
                entry.put("constant", e.constant());
                List<Map<String, Object>> terms = new ArrayList<>();
                for (SymbolicEngine.ExpansionTerm term : e.terms()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("prefactor", term.prefactor());
                    m.put("base", term.base());
                    m.put("power", term.power());
                    m.put("superPower", term.superPower());
                    m.put("coefficients", term.coefficients());
                    terms.add(m);
                }
                entry.put("terms", terms);
                entry.put("conditions", e.conditions());
                report.put(target.symbol(), entry);
                report.put("file", file.name()).put("source", file.header("source")).put("domain", file.header("domain"));
                report.put("set", new LinkedHashMap<String, Object>(texts));
                report.put("method", method);
                OutputFormat.JSON.writer().write(report, out);
            }
            default -> {
                out.println("# " + file.name() + ": " + file.header("title"));
                out.println("# source: " + file.header("source"));
                out.println("# domain: " + file.header("domain"));
                out.println("# method: " + method);
                out.println(target.symbol() + " at " + texts + " as " + series + " -> inf = " + e.text());
                if (!via.isEmpty()) {
                    out.println("  expanded: " + via);
                }
                if (!e.conditions().isEmpty()) {
                    out.println("  assuming: " + String.join(", ", e.conditions()));
                }
            }
        }
        out.flush();
        return Main.EXIT_OK;
    }

    /**
     * The {@code --set} values as checked constant expressions (numbers, 1/2, Sqrt[2], Pi/4: no variables, no
     * other heads than the allow-list), each a real number inside the formula's domain.
     */
    static Map<String, UserExpression> values(SymbolicEngine engine, FormulaFile file, Map<String, String> texts) {
        Map<String, UserExpression> out = new LinkedHashMap<>();
        texts.forEach((variable, text) -> {
            String item = variable + "=" + SymbolicFailures.excerpt(text);
            UserExpression value;
            double number;
            try {
                value = engine.parse(mathematicaNumber(text), ExpressionPolicy.Vocabulary.constants());
                number = engine.numeric(value, Map.of());
            } catch (SymbolicException e) {
                if (e.isLimit()) {
                    throw SymbolicFailures.map(e, "--set", item);
                }
                throw new InvalidInputException("--set", item + ": " + e.getMessage());
            }
            CheckCommand.requireInDomain(file, variable, number, text);
            out.put(variable, value);
        });
        return out;
    }

    private static final java.util.regex.Pattern DECIMAL_EXPONENT =
            java.util.regex.Pattern.compile("\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+))[eE]([-+]?\\d+)\\s*");

    /** 1e-10 is 1*e - 10 in Mathematica syntax: a plain decimal with an exponent letter becomes 1*^-10. */
    static String mathematicaNumber(String text) {
        java.util.regex.Matcher m = DECIMAL_EXPONENT.matcher(text);
        return m.matches() ? m.group(1) + "*^" + m.group(2) : text;
    }

    static Form parseForm(String format) {
        try {
            return Form.valueOf(format.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--format", format, "text, tex, mathematica or json");
        }
    }

    /** A symbol gives one formula; a file name gives all its plain formulas. */
    static List<Formula> resolve(FormulaLibrary lib, String name) {
        Formula f = lib.formula(name);
        if (f != null && !f.isFunction()) {
            return List.of(f);
        }
        FormulaFile file = lib.file(name);
        if (file != null) {
            return file.formulas().stream().filter(x -> !x.isFunction()).toList();
        }
        String near = lib.nearestName(name);
        throw new InvalidInputException("NAME", "'" + SymbolicFailures.excerpt(name) + "' is not a formula of formulas/"
                + (near == null ? "" : " (did you mean " + near + "?)") + "; formulas: " + String.join(", ", lib.names())
                + "; files: " + String.join(", ", lib.files().keySet()));
    }

    private static void printList(FormulaLibrary lib, PrintWriter out, Form form) {
        if (form == Form.json) {
            Report r = new Report("formulas");
            for (FormulaFile f : lib.files().values()) {
                Map<String, Object> entry = new LinkedHashMap<>(f.header());
                entry.put("symbols", f.formulas().stream().map(Formula::symbol).toList());
                r.put(f.name(), entry);
            }
            OutputFormat.JSON.writer().write(r, out);
            return;
        }
        for (FormulaFile f : lib.files().values()) {
            out.println(f.name() + ": " + f.header("title"));
            out.println("  source: " + f.header("source"));
            out.println("  assumptions: " + f.header("assumptions"));
            out.println("  domain: " + f.header("domain"));
            out.println("  variables: " + f.header("variables"));
            if (!f.header("series").isEmpty()) {
                out.println("  series: " + f.header("series"));
            }
            out.println("  symbols: " + String.join(", ", f.formulas().stream()
                    .map(x -> x.isFunction() ? x.lhs() : x.symbol()).toList()));
        }
        out.flush();
    }
}
