package org.iclscale.symbolic;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.iclscale.check.Comparison;
import org.iclscale.check.PointComparison;
import org.iclscale.check.Sample;

/**
 * A user's expression against the numeric model ({@code check EXPR --against-model}): the expression is parsed and
 * checked against {@link ExpressionPolicy} with the model's parameters as its variables (and the library's
 * symbols), then {@link PointComparison} evaluates it and the model source at the same seeded points. The model's
 * width N and dimension D are written {@code N} and {@code D} as in the paper although Symja reserves those
 * capitals (N[], D[]), as is the compute budget C of a frontier claim: a standalone identifier N, D or C that is
 * not a function head is renamed before parsing
 * ({@link #aliased}); the tree is still checked as any other.
 */
public final class ModelCheck {

    /**
     * Internal names of the paper's N and D and of the compute budget C (Symja's N, D and C are built-ins: N[], D[],
     * the constants C[i]).
     */
    static final Map<String, String> ALIASES = Map.of("N", "widthN", "D", "dimensionD", "C", "computeC");

    /**
     * @param expression the parsed expression
     * @param comparison the numeric comparison
     * @param relevant the variables the expression depends on (paper names)
     */
    public record Result(UserExpression expression, Comparison comparison, Set<String> relevant) {
    }

    private ModelCheck() {
    }

    /**
     * Parses {@code text} with {@code variables} (paper names) and compares it with {@code model} on the points of
     * {@code comparison}; everything under one time limit. A refused or malformed expression is a BAD_INPUT
     * {@link SymbolicException}; the time limit a LIMIT one.
     */
    public static Result run(String text, Set<String> variables, PointComparison comparison, PointComparison.Source model,
            Duration timeLimit) {
        SymbolicEngine engine = SymbolicEngine.get();
        FormulaLibrary library = FormulaLibrary.standard();
        library.define(engine);
        try (SymbolicEngine.TimeLimit total = engine.timeLimit(timeLimit)) {
            UserExpression user = parse(engine, library, text, variables);
            Set<String> relevant = new LinkedHashSet<>();
            for (String v : user.freeVariables()) {
                relevant.add(paperName(v));
            }
            Comparison c = comparison.compare(source(engine, user), model);
            return new Result(user, c, relevant);
        }
    }

    /** A claim's value as a source (for {@code check --scaling}): paper-named points, the expression's own names. */
    public static PointComparison.Source source(String text, Set<String> variables, Duration timeLimit) {
        SymbolicEngine engine = SymbolicEngine.get();
        FormulaLibrary library = FormulaLibrary.standard();
        library.define(engine);
        UserExpression user;
        try (SymbolicEngine.TimeLimit t = engine.timeLimit(timeLimit)) {
            user = parse(engine, library, text, variables);
        }
        PointComparison.Source s = source(engine, user);
        return point -> {
            try (SymbolicEngine.TimeLimit t = engine.timeLimit(timeLimit)) {
                return s.at(point);
            }
        };
    }

    /** The paper-named free variables of {@code text} (for a claim: which symbol is the prefactor). */
    public static Set<String> freeVariables(String text, Set<String> variables, Duration timeLimit) {
        SymbolicEngine engine = SymbolicEngine.get();
        FormulaLibrary library = FormulaLibrary.standard();
        library.define(engine);
        try (SymbolicEngine.TimeLimit t = engine.timeLimit(timeLimit)) {
            Set<String> out = new LinkedHashSet<>();
            for (String v : parse(engine, library, text, variables).freeVariables()) {
                out.add(paperName(v));
            }
            return out;
        }
    }

    private static UserExpression parse(SymbolicEngine engine, FormulaLibrary library, String text, Set<String> variables) {
        Set<String> internal = new LinkedHashSet<>();
        for (String v : variables) {
            internal.add(ALIASES.getOrDefault(v, v));
        }
        return engine.parse(aliased(text), library.vocabulary(internal, "a model parameter (one of "
                + String.join(", ", variables) + ")"));
    }

    /** The expression as a source over paper-named points. */
    private static PointComparison.Source source(SymbolicEngine engine, UserExpression e) {
        PointComparison.Source inner = FormulaCheck.source(engine, e);
        return point -> {
            Map<String, Double> renamed = new LinkedHashMap<>();
            point.forEach((k, v) -> renamed.put(ALIASES.getOrDefault(k, k), v));
            Sample s = inner.at(renamed);
            return s;
        };
    }

    private static String paperName(String internal) {
        for (Map.Entry<String, String> a : ALIASES.entrySet()) {
            if (a.getValue().equals(internal)) {
                return a.getKey();
            }
        }
        return internal;
    }

    /**
     * {@code text} with each standalone identifier N, D or C (not a function head {@code N[}, not inside a string)
     * renamed to its alias; everything else unchanged.
     */
    static String aliased(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"') { // a string literal: copied as is (the policy refuses strings where they do not belong)
                int j = text.indexOf('"', i + 1);
                j = j < 0 ? n : j + 1;
                out.append(text, i, j);
                i = j;
            } else if (Character.isLetter(c) || c == '$') {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '$')) {
                    j++;
                }
                String word = text.substring(i, j);
                int k = j;
                while (k < n && Character.isWhitespace(text.charAt(k))) {
                    k++;
                }
                boolean head = k < n && text.charAt(k) == '[';
                out.append(!head && ALIASES.containsKey(word) ? ALIASES.get(word) : word);
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
