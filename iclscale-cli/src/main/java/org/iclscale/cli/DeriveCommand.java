package org.iclscale.cli;

import java.io.PrintWriter;
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
import org.iclscale.symbolic.SymbolicEngine;
import org.iclscale.symbolic.SymbolicException;
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

    @Option(names = "--set", paramLabel = "VAR=VALUE", description = "Fix a variable of the formula's domain (exact values such as 1/2 allowed); repeatable.")
    List<String> settings = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", description = "text, tex, mathematica or json (default: ${DEFAULT-VALUE}).")
    String format;

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
        Map<String, String> fixed = parseSettings(file);
        SymbolicEngine engine = SymbolicEngine.get();
        lib.define(engine);
        Report report = new Report("derive " + name);
        StringBuilder text = new StringBuilder();
        for (Formula f : targets) {
            String expr = fixed.isEmpty() ? f.symbol() : "Block[{" + blockList(fixed) + "}, " + f.symbol() + "]";
            String simplified;
            try {
                simplified = shortest(engine, expr);
            } catch (SymbolicException e) {
                throw new InvalidInputException("--set", fixed.toString(), "values Symja can evaluate (" + e.getMessage() + ")");
            }
            String shown = switch (form) {
                case tex -> engine.tex(simplified);
                default -> simplified;
            };
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("definition", f.rhs());
            entry.put("simplified", simplified);
            entry.put("tex", engine.tex(simplified));
            report.put(f.symbol(), entry);
            switch (form) {
                case tex -> text.append(targets.size() > 1 ? "% " + f.symbol() + "\n" : "").append(shown).append('\n');
                case mathematica -> text.append(targets.size() > 1 ? f.symbol() + " = " : "").append(shown).append('\n');
                default -> {
                    text.append(f.symbol()).append(fixed.isEmpty() ? "" : " at " + fixed).append(" = ").append(shown).append('\n');
                    text.append("  definition: ").append(f.rhs()).append('\n');
                }
            }
        }
        if (form == Form.json) {
            report.put("file", file.name()).put("source", file.header("source")).put("domain", file.header("domain"));
            if (!fixed.isEmpty()) {
                report.put("set", new LinkedHashMap<String, Object>(fixed));
            }
            report.put("method", "Symja Simplify of the definitions in formulas/" + file.name() + ".m");
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

    /** Simplify, or Factor[Together[...]] when that is shorter (rational functions come out as one fraction). */
    static String shortest(SymbolicEngine engine, String expr) {
        String best = engine.simplify(expr);
        try {
            String factored = engine.factor(expr);
            if (factored.length() < best.length()) {
                best = factored;
            }
        } catch (SymbolicException e) {
            // not a rational expression: keep Simplify's form
        }
        return best;
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
        throw new InvalidInputException("NAME", name, "a formula of formulas/: " + String.join(", ", lib.names())
                + " (or a file: " + String.join(", ", lib.files().keySet()) + ")");
    }

    private Map<String, String> parseSettings(FormulaFile file) {
        return Inputs.assignments("--set", settings, file.domainVariables(),
                "VAR=VALUE with VAR one of " + file.domainVariables());
    }

    private static String blockList(Map<String, String> fixed) {
        List<String> parts = new ArrayList<>();
        fixed.forEach((k, v) -> parts.add(k + " = " + v));
        return String.join(", ", parts);
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
            out.println("  symbols: " + String.join(", ", f.formulas().stream()
                    .map(x -> x.isFunction() ? x.lhs() : x.symbol()).toList()));
        }
        out.flush();
    }
}
