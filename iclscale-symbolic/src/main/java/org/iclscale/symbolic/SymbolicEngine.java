package org.iclscale.symbolic;

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
