package org.iclscale.symbolic;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.iclscale.check.Comparison;
import org.iclscale.check.PointComparison;
import org.iclscale.check.Sample;
import org.iclscale.check.Tolerance;
import org.iclscale.symbolic.FormulaLibrary.Formula;
import org.iclscale.symbolic.FormulaLibrary.FormulaFile;

/**
 * Is a user's expression equal to a stored formula ({@code check EXPR --against NAME})? The expression is parsed
 * and checked against {@link ExpressionPolicy} (variables: the formula file's domain; library symbols read-only),
 * Symja tries to simplify the difference to 0 (given part of the time budget: a symbolic proof is a bonus), then
 * {@link PointComparison} compares the two at seeded random points of the domain. Everything runs under one time
 * limit; the numeric comparison is the verdict.
 */
public final class FormulaCheck {

    /** Share of the time limit the symbolic simplification may use before the numeric comparison starts. */
    static final double SYMBOLIC_SHARE = 0.4;

    /**
     * @param expression the checked user expression
     * @param formula the stored formula
     * @param symbolicallyEqual Symja reduced the difference to 0
     * @param symbolicNote why the symbolic step gave no answer (time limit), or null
     * @param comparison the numeric comparison
     * @param relevant the variables either side depends on (for showing a counterexample)
     */
    public record Result(UserExpression expression, Formula formula, boolean symbolicallyEqual, String symbolicNote,
            Comparison comparison, Set<String> relevant) {
    }

    private FormulaCheck() {
    }

    /**
     * Runs the check. A refused or malformed expression is a BAD_INPUT {@link SymbolicException}; a time limit hit
     * during the numeric comparison is a LIMIT one.
     *
     * @param text the user's expression
     * @param formula a plain formula of {@code library}
     * @param fixed values of domain variables (inside the domain: the caller checks)
     * @param points number of random points
     * @param seed their seed
     * @param tolerance the equality test
     * @param timeLimit total time allowed
     */
    public static Result run(FormulaLibrary library, String text, Formula formula, Map<String, Double> fixed, int points,
            long seed, Tolerance tolerance, Duration timeLimit) {
        FormulaFile file = formula.file();
        SymbolicEngine engine = SymbolicEngine.get();
        library.define(engine);
        ExpressionPolicy.Vocabulary vocabulary = library.vocabulary(file.domainVariables(),
                "a variable of " + formula.symbol() + " (domain: " + file.header("domain") + ")");
        try (SymbolicEngine.TimeLimit total = engine.timeLimit(timeLimit)) {
            UserExpression user = engine.parse(text, vocabulary);
            UserExpression reference = engine.library(formula.symbol(), vocabulary);
            boolean zero = false;
            String note = null;
            try (SymbolicEngine.TimeLimit symbolic = engine.timeLimit(Duration.ofMillis(
                    Math.max(1, (long) (SYMBOLIC_SHARE * timeLimit.toMillis()))))) {
                zero = engine.isZeroDifference(user, reference, fixed);
            } catch (SymbolicException e) {
                if (e.isBadInput()) {
                    throw e;
                }
                note = e.isLimit() ? "symbolic simplification stopped at its share of the time limit: " + e.getMessage()
                        : "symbolic simplification failed: " + e.getMessage();
            }
            Set<String> relevant = new LinkedHashSet<>(user.freeVariables());
            try {
                relevant.addAll(engine.variables(reference));
                relevant.addAll(engine.variables(user));
            } catch (SymbolicException e) {
                if (e.isLimit()) {
                    throw e;
                }
                relevant.addAll(file.domainVariables());
            }
            PointComparison comparison = new PointComparison(file.intervals(), fixed, points, seed, tolerance);
            Comparison c = comparison.compare(source(engine, user), source(engine, reference));
            return new Result(user, formula, zero, note, c, relevant);
        }
    }

    /** A symbolic source: Symja's N[] at the point; not a real number (or a Symja failure) is a non-real sample. */
    static PointComparison.Source source(SymbolicEngine engine, UserExpression e) {
        return point -> {
            try {
                return Sample.real(engine.numeric(e, point));
            } catch (SymbolicException x) {
                if (x.isLimit() || x.isBadInput()) {
                    throw x;
                }
                return Sample.notReal(x.getMessage());
            }
        };
    }
}
