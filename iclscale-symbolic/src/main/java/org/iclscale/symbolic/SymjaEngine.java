package org.iclscale.symbolic;

import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.codehaus.janino.ClassBodyEvaluator;
import org.matheclipse.core.basic.Config;
import org.matheclipse.core.convert.VariablesSet;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.parser.client.ParserConfig;
import org.matheclipse.parser.client.SyntaxError;

/**
 * Symja implementation of {@link SymbolicEngine}, configured with the measured pitfalls of design.md:
 * {@code Config.JAS_NO_THREADS} before first use (else the JVM lingers ~60 s at exit), strict Mathematica
 * syntax ({@code PARSER_USE_LOWERCASE_SYMBOLS = false}, {@code new EvalEngine(false)}), quiet mode, unlimited
 * output line, and no output on any stream (log4j is silenced by {@code log4j2.component.properties}; the
 * one-time SLF4J 1.7 binder warning is swallowed while the engine starts).
 */
final class SymjaEngine implements SymbolicEngine {

    private static volatile boolean started;

    /** Lazy holder: the JVM initialises {@code INSTANCE} on the first call of {@link #instance()}. */
    private static final class Holder {
        static final SymjaEngine INSTANCE = new SymjaEngine();
    }

    static SymjaEngine instance() {
        return Holder.INSTANCE;
    }

    static boolean started() {
        return started;
    }

    private static final PrintStream NULL_STREAM = new PrintStream(OutputStream.nullOutputStream());
    private static final Pattern SIGNATURE = Pattern.compile("double\\s+(\\w+)\\s*\\(([^)]*)\\)");
    /** An integer literal not part of an identifier or a decimal number (JavaForm can emit 1/2 as ints). */
    private static final Pattern INT_LITERAL = Pattern.compile("(?<![\\w.])(?<![eE][-+])(\\d+)(?![\\w.])");

    private final ExprEvaluator evaluator;
    private int compiled;

    private SymjaEngine() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        synchronized (SymjaEngine.class) {
            try {
                System.setOut(NULL_STREAM);
                System.setErr(NULL_STREAM);
                initSlf4jQuietly();
                Config.JAS_NO_THREADS = true;
                ParserConfig.PARSER_USE_LOWERCASE_SYMBOLS = false;
                Config.MAX_OUTPUT_LINE = Integer.MAX_VALUE;
                EvalEngine engine = new EvalEngine(false);
                engine.setQuietMode(true);
                engine.setOutPrintStream(NULL_STREAM);
                engine.setErrorPrintStream(NULL_STREAM);
                evaluator = new ExprEvaluator(engine, true, (short) 100);
                evaluator.eval("1+1"); // finish the built-in initialisation while the streams are muted
            } finally {
                System.setOut(out);
                System.setErr(err);
            }
            started = true;
        }
    }

    /** SLF4J 1.7 (pulled in by a Symja dependency) prints a binder warning on stderr when first touched. */
    private static void initSlf4jQuietly() {
        try {
            Class.forName("org.slf4j.LoggerFactory").getMethod("getILoggerFactory").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            // no SLF4J on the class path: nothing to silence
        }
    }

    /** Evaluates Symja input; every failure becomes a one-line {@link SymbolicException}. */
    private synchronized IExpr eval(String input) {
        try {
            IExpr result = evaluator.eval(input);
            if (result == null) {
                throw new SymbolicException("Symja returned no result for " + input, false, null);
            }
            return result;
        } catch (SyntaxError e) {
            throw new SymbolicException("syntax error: " + oneLine(e.getMessage()), true, e);
        } catch (SymbolicException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new SymbolicException("Symja could not evaluate " + input + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + oneLine(e.getMessage())), false, e);
        }
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    /** Parses only (no evaluation), so that a syntax error is reported on the user's own text. */
    private synchronized void requireParsable(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new SymbolicException("syntax error: empty expression", true, null);
        }
        try {
            evaluator.parse(expression);
        } catch (SyntaxError e) {
            throw new SymbolicException("syntax error: " + oneLine(e.getMessage()), true, e);
        } catch (RuntimeException e) {
            throw new SymbolicException("syntax error: " + e.getClass().getSimpleName() + " " + oneLine(e.getMessage()), true, e);
        }
    }

    @Override
    public void execute(String statement) {
        requireParsable(statement);
        eval(statement);
    }

    @Override
    public String evaluate(String expression) {
        requireParsable(expression);
        return inputForm(eval(expression));
    }

    @Override
    public String simplify(String expression) {
        requireParsable(expression);
        return inputForm(eval("Simplify[" + expression + "]"));
    }

    @Override
    public String together(String expression) {
        requireParsable(expression);
        return inputForm(eval("Together[" + expression + "]"));
    }

    @Override
    public String factor(String expression) {
        requireParsable(expression);
        return inputForm(eval("Factor[Together[" + expression + "]]"));
    }

    @Override
    public String tex(String expression) {
        requireParsable(expression);
        return eval("TeXForm[" + expression + "]").toString().trim();
    }

    @Override
    public String mathematica(String expression) {
        return evaluate(expression);
    }

    private String inputForm(IExpr e) {
        return eval("InputForm[" + e + "]").toString().trim();
    }

    @Override
    public boolean isZero(String expression) {
        requireParsable(expression);
        IExpr r = eval("Simplify[Together[" + expression + "]]");
        if (r.isZero()) {
            return true;
        }
        return eval("Expand[Numerator[Together[" + r + "]]]").isZero();
    }

    @Override
    public List<String> variables(String expression) {
        requireParsable(expression);
        IExpr value = eval(expression);
        Set<String> bound = new HashSet<>();
        collectBound(value, bound);
        List<String> names = new ArrayList<>();
        for (String v : new VariablesSet(value).getVarListAsString()) {
            if (!bound.contains(v)) {
                names.add(v);
            }
        }
        Collections.sort(names);
        return names;
    }

    private static final Set<String> ITERATING = Set.of("Sum", "Product", "Table", "NSum", "Integrate", "Do");
    private static final Set<String> SCOPING = Set.of("With", "Module", "Block");

    /** Dummy variables (iterators of Sum/Product/Table, locals of With/Module/Block) are not free. */
    private static void collectBound(IExpr e, Set<String> bound) {
        if (!(e instanceof IAST ast)) {
            return;
        }
        String head = ast.head().toString();
        if (ITERATING.contains(head)) {
            for (int i = 2; i < ast.size(); i++) {
                IExpr it = ast.get(i);
                if (it instanceof IAST list && it.isList() && list.size() > 1) {
                    bound.add(list.get(1).toString());
                } else if (it.isSymbol()) {
                    bound.add(it.toString());
                }
            }
        } else if (SCOPING.contains(head) && ast.size() > 1 && ast.get(1) instanceof IAST locals && locals.isList()) {
            for (int i = 1; i < locals.size(); i++) {
                IExpr local = locals.get(i);
                bound.add(local instanceof IAST set && set.size() > 1 ? set.get(1).toString() : local.toString());
            }
        }
        for (int i = 0; i < ast.size(); i++) {
            collectBound(ast.get(i), bound);
        }
    }

    @Override
    public double numeric(String expression, Map<String, Double> values) {
        requireParsable(expression);
        StringBuilder block = new StringBuilder("Block[{");
        boolean first = true;
        for (Map.Entry<String, Double> v : values.entrySet()) {
            if (!first) {
                block.append(", ");
            }
            first = false;
            block.append(v.getKey()).append(" = ").append(number(v.getValue()));
        }
        block.append("}, N[").append(expression).append("]]");
        IExpr r = eval(block.toString());
        if (!r.isReal()) {
            throw new SymbolicException("not a real number after substituting " + values + ": " + r, false, null);
        }
        return r.evalDouble();
    }

    /**
     * A double in Mathematica syntax: no exponent letter (1.0E-5 would parse as 1.0*E-5) and at most 16
     * significant digits. Measured pitfall: a literal with 17 digits (e.g. 0.28732922995253146, a double's
     * shortest repr) becomes a 17-digit arbitrary-precision number and a 400-term numeric Sum over it came
     * out wrong in the 4th digit (7.99806 instead of 8.00000); 16 digits stay machine doubles.
     */
    static String number(double x) {
        if (!Double.isFinite(x)) {
            throw new SymbolicException("cannot substitute a non-finite value " + x, false, null);
        }
        String plain = BigDecimal.valueOf(x).round(new MathContext(16)).stripTrailingZeros().toPlainString();
        return x < 0 ? "(" + plain + ")" : plain;
    }

    @Override
    public DoubleUnaryOperator compile(String expression, String variable) {
        ToDoubleFunction<double[]> f = compile(expression, List.of(variable));
        return x -> f.applyAsDouble(new double[] {x});
    }

    @Override
    public ToDoubleFunction<double[]> compile(String expression, List<String> variables) {
        requireParsable(expression);
        String java = eval("JavaForm[N[" + expression + "], Float]").toString();
        // every integer literal becomes a double literal: JavaForm emits 1/2 (integer division) otherwise
        String code = INT_LITERAL.matcher(java).replaceAll("$1.0");
        Matcher m = SIGNATURE.matcher(java);
        StringBuilder source = new StringBuilder();
        if (m.find()) {
            // several variables: JavaForm wraps a function with its own (alphabetical) parameter order
            String name = m.group(1);
            StringBuilder call = new StringBuilder();
            for (String p : m.group(2).split(",")) {
                String param = p.trim().replaceFirst("^double\\s+", "").trim();
                if (param.isEmpty()) {
                    continue;
                }
                int index = variables.indexOf(param);
                if (index < 0) {
                    throw new SymbolicException("expression " + expression + " has variable " + param
                            + " not among " + variables, false, null);
                }
                call.append(call.length() == 0 ? "" : ", ").append("args$[").append(index).append(']');
            }
            source.append(code).append("\npublic double applyAsDouble(Object o) { double[] args$ = (double[]) o; return ")
                    .append(name).append('(').append(call).append("); }\n");
        } else {
            // at most one variable: JavaForm returns a bare Java expression
            for (String v : variables(expression)) {
                if (!variables.contains(v)) {
                    throw new SymbolicException("expression " + expression + " has variable " + v
                            + " not among " + variables, false, null);
                }
            }
            source.append("public double applyAsDouble(Object o) { double[] args$ = (double[]) o;\n");
            for (int i = 0; i < variables.size(); i++) {
                source.append("double ").append(variables.get(i)).append(" = args$[").append(i).append("];\n");
            }
            source.append("return ").append(code).append(";\n}\n");
        }
        try {
            ClassBodyEvaluator cbe = new ClassBodyEvaluator();
            synchronized (this) {
                cbe.setClassName("org.iclscale.symbolic.Compiled" + (compiled++));
            }
            cbe.setImplementedInterfaces(new Class<?>[] {ToDoubleFunction.class});
            cbe.setParentClassLoader(SymjaEngine.class.getClassLoader());
            cbe.cook(source.toString());
            @SuppressWarnings("unchecked")
            ToDoubleFunction<double[]> f = (ToDoubleFunction<double[]>) cbe.getClazz().getDeclaredConstructor().newInstance();
            return f;
        } catch (Exception e) {
            throw new SymbolicException("could not compile " + expression + " to Java (" + oneLine(e.getMessage())
                    + "); generated: " + oneLine(java), false, e);
        }
    }
}
