package org.iclscale.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.iclscale.check.PointComparison;
import org.iclscale.check.Sample;
import org.iclscale.core.InvalidInputException;
import org.iclscale.model.ModelProbe;
import org.iclscale.symbolic.ModelCheck;
import org.iclscale.symbolic.SymbolicException;

/**
 * An explicit path for {@code check --scaling CLAIM --as X --along 'VAR=EXPR,...'}: model variables tied to the
 * claim's variable X, e.g. {@code 'N=C^0.5,t=C^0.5'} or {@code 'L=t^(1/(2+beta))'}. Each EXPR is a user expression
 * (parsed and evaluated under the same allow-list as EXPR) in X and the model's fixed parameters (ν, β, D, α, σ and
 * the --vary fixed values); at each X of the geometric sequence the path's variables are set to their values,
 * integers (N, L, P, D) rounded to the nearest integer (the slopes of a rounded path are step-like at small values).
 */
final class ModelPath {

    /** Variables that are integers on a path. */
    private static final Set<String> INTEGER = Set.of("L", "N", "P", "D");

    private record Entry(String variable, String text, PointComparison.Source value) {
    }

    private final String x;
    private final List<Entry> entries;
    private final ModelProbe probe;

    private ModelPath(String x, List<Entry> entries, ModelProbe probe) {
        this.x = x;
        this.entries = List.copyOf(entries);
        this.probe = probe;
    }

    /** Parses {@code VAR=EXPR,...} (commas inside brackets belong to the expression); bad input names --along. */
    static ModelPath parse(String text, String x, ModelProbe probe, ModelChecks.Ranges ranges, Duration limit) {
        List<String> parts = split(text);
        if (parts.isEmpty()) {
            throw new InvalidInputException("--along", SymbolicFailures.excerpt(text), "frontier, exact-frontier or "
                    + "VAR=EXPR,... (model variables as functions of " + x + ", e.g. 'N=" + x + "^0.5,t=" + x + "^0.5')");
        }
        Set<String> exprVariables = new LinkedHashSet<>(probe.resolve(new LinkedHashMap<>()).keySet());
        exprVariables.addAll(ranges.fixed().keySet());
        exprVariables.add(x);
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String part : parts) {
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw new InvalidInputException("--along", SymbolicFailures.excerpt(part), "frontier, exact-frontier or "
                        + "VAR=EXPR,... with VAR a model variable and EXPR an expression in " + x + " (e.g. N=" + x
                        + "^0.5)");
            }
            String name = part.substring(0, eq).trim();
            String expr = part.substring(eq + 1).trim();
            if (name.equals(x)) {
                throw new InvalidInputException("--along", SymbolicFailures.excerpt(part), "variables other than " + x
                        + " itself (the path gives them as functions of " + x + ")");
            }
            if (!probe.variables().contains(name)) {
                throw new InvalidInputException("--along", SymbolicFailures.excerpt(part), "a variable of "
                        + probe.quantity().key() + " on the left: one of " + probe.variables());
            }
            if (ranges.names().contains(name)) {
                throw new InvalidInputException("--along", SymbolicFailures.excerpt(part), "a variable that --vary does "
                        + "not also set (" + name + " is in --vary)");
            }
            if (!seen.add(name)) {
                throw new InvalidInputException("--along", SymbolicFailures.excerpt(part), "each variable once (" + name
                        + " repeated)");
            }
            Set<String> free;
            PointComparison.Source value;
            try {
                free = ModelCheck.freeVariables(expr, exprVariables, limit);
                value = ModelCheck.source(expr, exprVariables, limit);
            } catch (SymbolicException e) {
                throw SymbolicFailures.map(e, "--along", part);
            }
            if (!free.contains(x)) {
                throw new InvalidInputException("--along", SymbolicFailures.excerpt(part), "an expression in " + x
                        + " (a constant belongs in --vary as " + name + "=VALUE)");
            }
            entries.add(new Entry(name, part, value));
        }
        return new ModelPath(x, entries, probe);
    }

    /** The path's variables (left-hand sides). */
    Set<String> variables() {
        Set<String> out = new LinkedHashSet<>();
        entries.forEach(e -> out.add(e.variable()));
        return out;
    }

    /** The point with the path's variables set from its X (integers rounded, each checked). */
    Map<String, Double> point(Map<String, Double> point) {
        Map<String, Double> base = probe.resolve(point);
        Map<String, Double> out = new LinkedHashMap<>(point);
        for (Entry e : entries) {
            Sample s;
            try {
                s = e.value().at(base);
            } catch (SymbolicException ex) {
                throw SymbolicFailures.map(ex, "--along", e.text());
            }
            double v = s.isReal() ? s.value() : Double.NaN;
            boolean integer = INTEGER.contains(e.variable());
            double w = integer ? Math.rint(v) : v;
            if (!s.isReal() || !Double.isFinite(v) || !(w > 0) || (integer && w > Integer.MAX_VALUE)) {
                throw new InvalidInputException("--along", SymbolicFailures.excerpt(e.text()), "a finite positive "
                        + (integer ? "integer (after rounding) " : "") + "value of " + e.variable() + " at every "
                        + x + " of the range (at " + x + " = " + String.format(Locale.ROOT, "%.6g", point.get(x))
                        + " it is " + (s.isReal() ? String.format(Locale.ROOT, "%.6g", v)
                                : SymbolicFailures.excerpt(s.failure())) + ")");
            }
            out.put(e.variable(), w);
        }
        return out;
    }

    /** The path as the report echoes it. */
    String describe() {
        List<String> out = new ArrayList<>();
        entries.forEach(e -> out.add(e.text().replace(" ", "")));
        return String.join(", ", out) + " (" + x + " geometric; " + String.join(", ", roundedNames()) + ")";
    }

    private List<String> roundedNames() {
        List<String> r = new ArrayList<>();
        for (Entry e : entries) {
            if (INTEGER.contains(e.variable())) {
                r.add(e.variable() + " rounded to an integer");
            }
        }
        if (r.isEmpty()) {
            r.add("no rounding");
        }
        return r;
    }

    /** Top-level comma split ({@code Min[a, b]} and {@code (a, b)} stay whole). */
    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char ch : text.toCharArray()) {
            if (ch == '[' || ch == '(' || ch == '{') {
                depth++;
            } else if (ch == ']' || ch == ')' || ch == '}') {
                depth--;
            }
            if (ch == ',' && depth == 0) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString().trim());
        out.removeIf(String::isEmpty);
        return out;
    }
}
