package org.iclscale.symbolic;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * The project's only door to computer algebra (Symja 3.0.0 behind it, see {@link SymjaEngine}).
 * Expressions are plain strings in strict Mathematica syntax (built-ins capitalised, explicit {@code *}, no
 * juxtaposition; do not use the single capitals N, C, D, E, I, O as variables). No Symja type leaks out.
 *
 * <p>The engine starts lazily on the first call of {@link #get()} (about 1.6 s); numeric verbs never call it,
 * and tests assert so with {@link #isStarted()}. Every method is thread-safe (the implementation serialises
 * calls: Symja's evaluator is not re-entrant).
 *
 * <p>Two kinds of input. <b>Trusted text</b> (the formula library, code of this project) goes to the
 * string methods. <b>User input</b> (command line, {@code serve}) must go through {@link #parse}, which builds
 * a tree with Symja's parser without evaluating anything and refuses every head outside
 * {@link ExpressionPolicy}; only {@link UserExpression}s reach the methods that evaluate user input, and user
 * text is never spliced into trusted text. Under {@link #timeLimit} every evaluation ends by the deadline or
 * fails with a LIMIT {@link SymbolicException}.
 */
public interface SymbolicEngine {

    /** The shared engine, started on first use. */
    static SymbolicEngine get() {
        return SymjaEngine.instance();
    }

    /** Whether the engine has been started in this JVM (numeric code paths must leave this false). */
    static boolean isStarted() {
        return SymjaEngine.started();
    }

    /** A limit on the total time of the evaluations the calling thread starts until {@link #close()}. */
    interface TimeLimit extends AutoCloseable {
        Duration limit();

        @Override
        void close();
    }

    /** A simplified expression for display: InputForm and TeX of the same tree, and its free variables. */
    record Shown(String inputForm, String tex, List<String> variables) {
    }

    /**
     * One term of a large-VAR expansion, prefactor · base^VAR · VAR^power · VAR^(superPower·VAR) ·
     * (1 + Σ_j coefficients[j−1] VAR^−j + O(VAR^−order−1)): each part in InputForm; {@code inputForm} is the
     * truncated term (re-readable Mathematica), {@code text} the same with its relative O-term, {@code tex} TeX.
     */
    record ExpansionTerm(String prefactor, String base, String power, String superPower, List<String> coefficients,
            String inputForm, String text, String tex) {
        public ExpansionTerm {
            coefficients = List.copyOf(coefficients);
        }
    }

    /**
     * A large-VAR expansion to relative order VAR^−order of every term: the VAR-free part ({@code constant}) plus
     * the terms; {@code inputForm} is the truncated sum (re-readable), {@code text} and {@code tex} carry the
     * O-terms; {@code conditions} are the assumptions the expansion used that could not be decided (e.g. |y| &lt; 1
     * for a ₂F₁ with symbolic argument), in InputForm.
     */
    record Expansion(String variable, int order, String constant, List<ExpansionTerm> terms, String inputForm,
            String text, String tex, List<String> conditions) {
        public Expansion {
            terms = List.copyOf(terms);
            conditions = List.copyOf(conditions);
        }
    }

    /**
     * Limits the evaluations of the calling thread until the returned handle is closed (nested limits keep the
     * earlier deadline); an evaluation still running at the deadline is stopped with a LIMIT exception.
     */
    TimeLimit timeLimit(Duration limit);

    /**
     * Parses user text into a checked tree without evaluating it; refusals (syntax, a head outside the
     * allow-list, an unknown symbol, too long or too deep) are BAD_INPUT {@link SymbolicException}s naming the
     * head or symbol.
     */
    UserExpression parse(String text, ExpressionPolicy.Vocabulary vocabulary);

    /** A library formula (a plain symbol of the vocabulary's library) as an expression to compare with. */
    UserExpression library(String symbol, ExpressionPolicy.Vocabulary vocabulary);

    /** The value of a user expression at machine numbers for its variables (FAILED if not a real number). */
    double numeric(UserExpression expression, Map<String, Double> values);

    /** Whether a − b simplifies to exactly 0 with the given variables fixed. */
    boolean isZeroDifference(UserExpression a, UserExpression b, Map<String, Double> fixed);

    /** Free variables of the evaluated user expression (library symbols expanded), sorted. */
    List<String> variables(UserExpression expression);

    /**
     * The expression with variables replaced by checked values, simplified (Simplify, or Factor of Together when
     * shorter), as InputForm and TeX of the same tree.
     */
    Shown show(UserExpression expression, Map<String, UserExpression> values);

    /**
     * The expansion of the expression (variables replaced by the checked values) as {@code variable} → ∞, through
     * ε = 1/variable ({@link AsymptoticSeries}); an expression of an unsupported form is a BAD_INPUT exception.
     */
    Expansion series(UserExpression expression, Map<String, UserExpression> values, String variable, int order);

    /** Executes a statement for its effect (e.g. a delayed definition {@code f[x_] := x^2}). */
    void execute(String statement);

    /** Evaluates an expression and returns the result in InputForm (Mathematica syntax). */
    String evaluate(String expression);

    /** {@code Simplify} of the expression, in InputForm. */
    String simplify(String expression);

    /** {@code Together} (one rational function, common denominator cancelled), in InputForm. */
    String together(String expression);

    /** {@code Factor} of a rational expression, in InputForm. */
    String factor(String expression);

    /** TeX of the expression as given (evaluated once). */
    String tex(String expression);

    /** Mathematica (InputForm) text of the evaluated expression. */
    String mathematica(String expression);

    /** Whether the expression evaluates to exactly 0 after simplification. */
    boolean isZero(String expression);

    /** Free symbols (variables) of the expression, sorted. */
    List<String> variables(String expression);

    /** Substitutes the given numbers for the variables and evaluates to a double (machine precision). */
    double numeric(String expression, Map<String, Double> values);

    /** Compiles an expression in one variable to Java bytecode (JavaForm + Janino); ~10^7 evaluations/s. */
    DoubleUnaryOperator compile(String expression, String variable);

    /** Compiles an expression in several variables; arguments are passed in the order of {@code variables}. */
    ToDoubleFunction<double[]> compile(String expression, List<String> variables);
}
