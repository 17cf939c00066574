package org.iclscale.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.iclscale.core.ComputationException;
import org.iclscale.core.Inputs;
import org.iclscale.core.InvalidInputException;
import org.iclscale.io.Report;
import org.iclscale.symbolic.Errata;
import org.iclscale.symbolic.Errata.Erratum;
import org.iclscale.symbolic.FormulaLibrary;
import org.iclscale.symbolic.FormulaLibrary.Formula;
import org.iclscale.symbolic.FormulaLibrary.FormulaFile;
import org.iclscale.symbolic.FormulaLibrary.Range;
import org.iclscale.symbolic.SymbolicEngine;
import org.iclscale.symbolic.SymbolicException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code check EXPR --against NAME}: is a hand-derived expression equal to a built-in formula? First Symja
 * simplifies the difference; then both are evaluated at random points of the formula's validity domain (its
 * file header), and the first point where they differ is reported with both values. {@code check --errata}
 * walks through the paper's inconsistencies (paper-notes §8) with a numeric witness for each.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Decide whether EXPR (Mathematica syntax, explicit '*') equals a formula of formulas/:",
            "symbolic simplification of the difference, then evaluation at random points of the formula's domain.",
            "--errata walks through the paper's inconsistencies with a numeric witness for each."})
public final class CheckCommand extends Verb {

    @Parameters(index = "0", arity = "0..1", paramLabel = "EXPR", description = "Your expression, e.g. '(1+2*alpha)/(1+alpha)^3'.")
    String expression;

    @Option(names = "--against", paramLabel = "NAME", description = "Formula symbol to compare with (see 'derive --list').")
    String against;

    @Option(names = "--errata", description = "Walk through the paper's errata (paper-notes §8).")
    boolean errata;

    @Option(names = "--set", paramLabel = "VAR=VALUE", description = "Fix a domain variable instead of sampling it (e.g. --set L=2); repeatable.")
    List<String> settings = new ArrayList<>();

    @Option(names = "--points", defaultValue = "24", description = "Random points of the domain (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random points (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--tolerance", defaultValue = "1e-9", description = "Relative tolerance of the numeric comparison (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Override
    protected Report compute() {
        if (errata) {
            if (expression != null || against != null) {
                throw new InvalidInputException("--errata", "takes no EXPR or --against");
            }
            return errataReport();
        }
        if (expression == null || against == null) {
            throw new InvalidInputException("EXPR", "usage: check EXPR --against NAME, or check --errata");
        }
        if (points < 1 || points > 10_000) {
            throw new InvalidInputException("--points", points, "an integer in [1, 10000]");
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new InvalidInputException("--tolerance", tolerance, "a number in (0, 1)");
        }
        FormulaLibrary lib = FormulaLibrary.standard();
        Formula builtin = lib.formula(against);
        if (builtin == null || builtin.isFunction()) {
            throw new InvalidInputException("--against", against, "a formula of formulas/: " + String.join(", ", lib.names()));
        }
        FormulaFile file = builtin.file();
        Map<String, Double> fixed = parseSettings(file);
        SymbolicEngine engine = SymbolicEngine.get();
        lib.define(engine);
        List<String> userVars;
        try {
            userVars = engine.variables(expression);
        } catch (SymbolicException e) {
            throw new InvalidInputException("EXPR", "'" + expression + "' does not parse: " + e.getMessage());
        }
        Set<String> domain = new HashSet<>(file.domainVariables());
        for (String v : userVars) {
            if (!domain.contains(v)) {
                throw new InvalidInputException("EXPR", "'" + expression + "' uses " + v + ", not a variable of "
                        + against + " (domain: " + file.header("domain") + ")");
            }
        }
        String lhs = fixed.isEmpty() ? "(" + expression + ")" : block(fixed, expression);
        String rhs = fixed.isEmpty() ? against : block(fixed, against);
        boolean symbolicZero;
        try {
            symbolicZero = engine.isZero(lhs + " - (" + rhs + ")");
        } catch (SymbolicException e) {
            symbolicZero = false;
        }
        Set<String> relevant = new HashSet<>(userVars);
        try {
            relevant.addAll(engine.variables(rhs));
        } catch (SymbolicException e) {
            relevant.addAll(file.domainVariables());
        }
        Random random = new Random(seed);
        int checked = 0;
        int skipped = 0;
        double maxDiff = 0;
        Map<String, Object> counterexample = null;
        for (int i = 0; i < points && counterexample == null; i++) {
            Map<String, Double> point = new LinkedHashMap<>();
            for (Range r : file.domain()) {
                point.put(r.variable(), fixed.containsKey(r.variable()) ? fixed.get(r.variable()) : r.at(random.nextDouble()));
            }
            double user;
            double reference;
            try {
                reference = engine.numeric(against, point);
            } catch (SymbolicException e) {
                skipped++;
                continue;
            }
            try {
                user = engine.numeric(expression, point);
            } catch (SymbolicException e) {
                counterexample = new LinkedHashMap<>();
                counterexample.put("point", shown(point, relevant));
                counterexample.put("expressionValue", "not a real number");
                counterexample.put("builtinValue", reference);
                break;
            }
            checked++;
            double diff = Math.abs(user - reference) / Math.max(1, Math.abs(reference));
            maxDiff = Math.max(maxDiff, diff);
            if (!(diff <= tolerance)) {
                counterexample = new LinkedHashMap<>();
                counterexample.put("point", shown(point, relevant));
                counterexample.put("expressionValue", user);
                counterexample.put("builtinValue", reference);
            }
        }
        if (checked == 0 && counterexample == null) {
            throw new ComputationException("Symja", "the built-in formula " + against + " could not be evaluated at any of "
                    + points + " domain points");
        }
        boolean equal = counterexample == null;
        Report r = new Report("check");
        r.put("expression", expression).put("against", against).put("file", file.name());
        r.put("domain", file.header("domain"));
        if (!fixed.isEmpty()) {
            r.put("set", new LinkedHashMap<String, Object>(fixed));
        }
        r.put("verdict", equal ? "equal" : "different");
        r.put("symbolicallyEqual", symbolicZero);
        r.put("pointsChecked", checked).put("pointsSkipped", skipped).put("seed", seed).put("tolerance", tolerance);
        r.put("maxRelativeDifference", maxDiff);
        if (counterexample != null) {
            r.put("counterexample", counterexample);
        }
        String how = symbolicZero ? "Symja Simplify shows the difference is 0" : "Symja did not reduce the difference to 0";
        r.put("method", how + "; numeric comparison at " + checked + " random points of the domain (relative tolerance "
                + tolerance + ")");
        if (symbolicZero && !equal) {
            r.note("Symja simplified the difference to 0 but the numbers differ: trust the numbers and report it");
        } else if (!symbolicZero && equal) {
            r.note("equal at every sampled point but not proven symbolically (sums with symbolic bounds, Max/Min, ...)");
        }
        return r;
    }

    /** The point restricted to the variables either expression depends on (all of them if none is known). */
    private static Map<String, Object> shown(Map<String, Double> point, Set<String> relevant) {
        Map<String, Object> out = new LinkedHashMap<>();
        point.forEach((k, v) -> {
            if (relevant.contains(k)) {
                out.put(k, v);
            }
        });
        return out.isEmpty() ? new LinkedHashMap<>(point) : out;
    }

    private Map<String, Double> parseSettings(FormulaFile file) {
        return Inputs.numberAssignments("--set", settings, file.domainVariables(),
                "VAR=NUMBER with VAR one of " + file.domainVariables());
    }

    private static String block(Map<String, Double> fixed, String expr) {
        List<String> parts = new ArrayList<>();
        fixed.forEach((k, v) -> parts.add(k + " = " + (v == Math.rint(v) ? Long.toString((long) (double) v) : Double.toString(v))));
        return "Block[{" + String.join(", ", parts) + "}, " + expr + "]";
    }

    private static Report errataReport() {
        Report r = new Report("errata");
        List<Erratum> list = Errata.walk();
        int confirmed = 0;
        for (Erratum e : list) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("where", e.where());
            entry.put("statement", e.statement());
            entry.put("paper", e.paperForm());
            entry.put("corrected", e.correctedForm());
            entry.put("symbolicallyDifferent", e.symbolicallyDifferent());
            entry.put("at", e.point());
            entry.put("paperValue", e.paperValue());
            entry.put("correctedValue", e.correctedValue());
            entry.put("witness", e.witness());
            entry.put("witnessValue", e.witnessValue());
            entry.put("verdict", e.correctionConfirmed() ? "witness agrees with the corrected version" : "inconclusive");
            confirmed += e.correctionConfirmed() ? 1 : 0;
            r.put(e.id(), entry);
        }
        r.put("errataChecked", list.size()).put("correctionsConfirmed", confirmed);
        r.put("notCheckable", Errata.uncheckable());
        r.put("method", "paper vs corrected forms from formulas/errata.m (Symja), each with an independent numeric witness");
        return r;
    }
}
