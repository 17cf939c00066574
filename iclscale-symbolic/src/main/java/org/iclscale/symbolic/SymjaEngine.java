package org.iclscale.symbolic;

import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.codehaus.janino.ClassBodyEvaluator;
import org.iclscale.symbolic.ExpressionPolicy.Vocabulary;
import org.matheclipse.core.basic.Config;
import org.matheclipse.core.convert.VariablesSet;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.eval.exception.IterationLimitExceeded;
import org.matheclipse.core.eval.exception.RecursionLimitExceeded;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.parser.client.ParserConfig;
import org.matheclipse.parser.client.SyntaxError;

/**
 * Symja implementation of {@link SymbolicEngine}, configured with the measured pitfalls of design.md:
 * {@code Config.JAS_NO_THREADS} before first use (else the JVM lingers ~60 s at exit), strict Mathematica
 * syntax ({@code PARSER_USE_LOWERCASE_SYMBOLS = false}, {@code new EvalEngine(false)}), quiet mode, unlimited
 * output line, and no output on any stream (log4j is silenced by {@code log4j2.component.properties}; the
 * one-time SLF4J 1.7 binder warning is swallowed while the engine starts).
 *
 * <p>Resource limits (issue 18): every evaluation runs on one daemon thread with a large stack (Symja's evaluator
 * and parser recurse deeply); under a {@link #timeLimit} a watchdog asks Symja to stop at the deadline (its
 * evaluation loop checks the request and the thread's interrupt flag) and the caller gets a LIMIT
 * {@link SymbolicException}; an evaluation that ignores the request for {@link #GRACE} more is abandoned and the
 * engine refuses further work in this JVM. Integer sizes ({@code Config.MAX_BIT_LENGTH}) and expression sizes
 * ({@code Config.MAX_AST_SIZE}) are bounded so that e.g. {@code 2^(2^40)} stays unevaluated instead of running
 * for minutes; Symja's recursion limit (512) stays, backed by the large stack.
 */
final class SymjaEngine implements SymbolicEngine {

    /** Largest integer Symja may build (bits): 2^(2^40) would otherwise run for minutes. */
    static final int MAX_BIT_LENGTH = 200_000;
    /** Largest expression Symja may build (elements of one AST): bounds Expand of huge powers. */
    static final int MAX_AST_SIZE = 200_000;
    /** Stack of the evaluation thread (Symja recurses per nesting level). */
    static final long STACK_BYTES = 512L << 20;
    /** Time Symja gets to honour a stop request before its evaluation is abandoned. */
    static final Duration GRACE = Duration.ofSeconds(3);

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

    /** Deadline (System.nanoTime) of the calling thread's innermost {@link #timeLimit}, or null. */
    private static final ThreadLocal<long[]> DEADLINE = new ThreadLocal<>();

    private final ExecutorService worker;
    private final ScheduledExecutorService watchdog;
    private volatile Thread workerThread;
    private volatile boolean abandoned;
    private final Object stopLock = new Object();
    private ExprEvaluator evaluator;
    private EvalEngine evalEngine;
    private int compiled;

    private SymjaEngine() {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "iclscale-symja", STACK_BYTES);
            t.setDaemon(true);
            workerThread = t;
            return t;
        });
        watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "iclscale-symja-watchdog");
            t.setDaemon(true);
            return t;
        });
        PrintStream out = System.out;
        PrintStream err = System.err;
        synchronized (SymjaEngine.class) {
            try {
                System.setOut(NULL_STREAM);
                System.setErr(NULL_STREAM);
                worker.submit(this::initialise).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SymbolicException("interrupted while starting Symja", false, e);
            } catch (ExecutionException e) {
                throw new SymbolicException("Symja did not start: " + oneLine(String.valueOf(e.getCause())), false, e.getCause());
            } finally {
                System.setOut(out);
                System.setErr(err);
            }
            started = true;
        }
    }

    /** Runs on the evaluation thread (Symja binds its engine to the thread). */
    private Void initialise() {
        initSlf4jQuietly();
        Config.JAS_NO_THREADS = true;
        ParserConfig.PARSER_USE_LOWERCASE_SYMBOLS = false;
        Config.MAX_OUTPUT_LINE = Integer.MAX_VALUE;
        Config.MAX_BIT_LENGTH = MAX_BIT_LENGTH;
        Config.MAX_AST_SIZE = MAX_AST_SIZE;
        Config.FILESYSTEM_ENABLED = false;
        EvalEngine engine = new EvalEngine(false);
        engine.setQuietMode(true);
        engine.setOutPrintStream(NULL_STREAM);
        engine.setErrorPrintStream(NULL_STREAM);
        evalEngine = engine;
        evaluator = new ExprEvaluator(engine, true, (short) 100);
        evaluator.eval("1+1"); // finish the built-in initialisation while the streams are muted
        return null;
    }

    /** SLF4J 1.7 (pulled in by a Symja dependency) prints a binder warning on stderr when first touched. */
    private static void initSlf4jQuietly() {
        try {
            Class.forName("org.slf4j.LoggerFactory").getMethod("getILoggerFactory").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            // no SLF4J on the class path: nothing to silence
        }
    }

    // ------------------------------------------------------------------ the evaluation thread and its limits

    @Override
    public TimeLimit timeLimit(Duration limit) {
        if (limit == null || limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("time limit must be positive: " + limit);
        }
        long[] previous = DEADLINE.get();
        long deadline = System.nanoTime() + limit.toNanos();
        if (previous != null) {
            deadline = Math.min(deadline, previous[0]);
        }
        long[] mine = {deadline, limit.toMillis()};
        DEADLINE.set(mine);
        return new TimeLimit() {
            @Override
            public Duration limit() {
                return limit;
            }

            @Override
            public void close() {
                if (DEADLINE.get() == mine) {
                    if (previous == null) {
                        DEADLINE.remove();
                    } else {
                        DEADLINE.set(previous);
                    }
                }
            }
        };
    }

    /**
     * Runs {@code task} on the evaluation thread, under the calling thread's deadline if there is one; {@code what}
     * names the computation in a LIMIT message.
     */
    private synchronized <T> T run(Callable<T> task, String what) {
        if (abandoned) {
            throw new SymbolicException("the symbolic engine abandoned an evaluation that ignored its time limit; "
                    + "it cannot be used again in this process", SymbolicException.Kind.LIMIT, null);
        }
        long[] deadline = DEADLINE.get();
        boolean[] active = {true};
        boolean[] fired = {false};
        Future<T> future = worker.submit(() -> {
            Thread.interrupted(); // a stop aimed at an earlier evaluation must not hit this one
            evalEngine.setStopRequested(false);
            try {
                return task.call();
            } finally {
                synchronized (stopLock) {
                    active[0] = false;
                }
                Thread.interrupted();
                evalEngine.setStopRequested(false);
            }
        });
        ScheduledFuture<?> dog = null;
        try {
            if (deadline == null) {
                return unwrapLimit(future.get(), fired, deadline, what);
            }
            long remaining = deadline[0] - System.nanoTime();
            dog = watchdog.schedule(() -> {
                synchronized (stopLock) {
                    if (active[0]) {
                        fired[0] = true;
                        evalEngine.stopRequest();
                        Thread t = workerThread;
                        if (t != null) {
                            t.interrupt();
                        }
                    }
                }
            }, Math.max(0, remaining), TimeUnit.NANOSECONDS);
            T result = future.get(Math.max(0, remaining) + GRACE.toNanos(), TimeUnit.NANOSECONDS);
            return unwrapLimit(result, fired, deadline, what);
        } catch (TimeoutException e) {
            abandoned = true;
            throw limit(deadline, what, " (and did not stop within " + GRACE.toSeconds() + " s of the request)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            synchronized (stopLock) {
                if (active[0]) {
                    evalEngine.stopRequest();
                }
            }
            throw new SymbolicException("interrupted while evaluating " + what, SymbolicException.Kind.LIMIT, e);
        } catch (ExecutionException e) {
            throw translate(e.getCause(), fired[0], deadline, what);
        } finally {
            if (dog != null) {
                dog.cancel(false);
            }
        }
    }

    private static <T> T unwrapLimit(T result, boolean[] fired, long[] deadline, String what) {
        if (fired[0]) {
            // Symja may swallow its TimeoutException and return $Aborted or an unevaluated form
            throw limit(deadline, what, "");
        }
        return result;
    }

    private static SymbolicException limit(long[] deadline, String what, String more) {
        String limit = deadline == null ? "its time limit" : "the time limit of " + seconds(deadline[1]);
        return new SymbolicException("Symja did not finish " + what + " within " + limit + more,
                SymbolicException.Kind.LIMIT, null);
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? (millis / 1000) + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static SymbolicException translate(Throwable t, boolean fired, long[] deadline, String what) {
        if (t instanceof SymbolicException s) {
            return s;
        }
        if (fired || t instanceof org.matheclipse.core.eval.exception.TimeoutException) {
            return limit(deadline, what, "");
        }
        if (t instanceof RecursionLimitExceeded || t instanceof StackOverflowError) {
            return new SymbolicException("Symja exceeded its recursion limit (" + RECURSION_LIMIT + " nested evaluations) "
                    + what, SymbolicException.Kind.LIMIT, t);
        }
        if (t instanceof IterationLimitExceeded) {
            return new SymbolicException("Symja exceeded its iteration limit " + what, SymbolicException.Kind.LIMIT, t);
        }
        if (t instanceof OutOfMemoryError) {
            return new SymbolicException("Symja ran out of memory " + what, SymbolicException.Kind.LIMIT, t);
        }
        if (t instanceof SyntaxError e) {
            return new SymbolicException("syntax error: " + oneLine(e.getMessage()), true, e);
        }
        return new SymbolicException("Symja could not evaluate " + what + ": " + t.getClass().getSimpleName()
                + (t.getMessage() == null ? "" : " " + oneLine(t.getMessage())), false, t);
    }

    /** Symja's default recursion limit (kept; the evaluation thread's stack is sized for it). */
    static final int RECURSION_LIMIT = 512;

    /** Evaluates trusted Symja input (library code); every failure becomes a one-line {@link SymbolicException}. */
    private IExpr eval(String input) {
        return run(() -> checked(evaluator.eval(input), input), "evaluating " + excerpt(input));
    }

    /** Evaluates an expression tree (checked user input, or one built from it). */
    private IExpr eval(IExpr input, String what) {
        return run(() -> checked(evaluator.eval(input), what), what);
    }

    private static IExpr checked(IExpr result, String input) {
        if (result == null) {
            throw new SymbolicException("Symja returned no result for " + excerpt(input), false, null);
        }
        if (result == S.$Aborted) {
            throw new SymbolicException("Symja aborted " + excerpt(input), SymbolicException.Kind.LIMIT, null);
        }
        return result;
    }

    static String excerpt(String s) {
        String one = oneLine(s);
        return one.length() <= 120 ? one : one.substring(0, 117) + "...";
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    /** Parses only (no evaluation), so that a syntax error is reported on the caller's own text. */
    private void requireParsable(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new SymbolicException("syntax error: empty expression", true, null);
        }
        run(() -> {
            try {
                return evaluator.parse(expression);
            } catch (SyntaxError e) {
                throw new SymbolicException("syntax error: " + oneLine(e.getMessage()), true, e);
            } catch (RuntimeException | StackOverflowError e) {
                throw new SymbolicException("syntax error: " + e.getClass().getSimpleName() + " " + oneLine(e.getMessage()), true, e);
            }
        }, "parsing " + excerpt(expression));
    }

    // ------------------------------------------------------------------ user input (checked trees)

    @Override
    public UserExpression parse(String text, Vocabulary vocabulary) {
        return run(() -> ExpressionGuard.check(text, vocabulary, evalEngine), "parsing " + excerpt(String.valueOf(text)));
    }

    private static String what(UserExpression e) {
        return "evaluating " + e.excerpt(80);
    }

    /** {@code Block[{v1 = x1, ...}, body]} with machine numbers. */
    private IExpr block(Map<String, ? extends Object> values, IExpr body) {
        if (values.isEmpty()) {
            return body;
        }
        IASTAppendable list = F.ListAlloc(values.size());
        for (Map.Entry<String, ? extends Object> v : values.entrySet()) {
            IExpr value = v.getValue() instanceof Double d ? F.num(requireFiniteValue(d))
                    : ((UserExpression) v.getValue()).tree();
            list.append(F.Set(symbol(v.getKey()), value));
        }
        return F.Block(list, body);
    }

    private static double requireFiniteValue(double x) {
        if (!Double.isFinite(x)) {
            throw new SymbolicException("cannot substitute a non-finite value " + x, false, null);
        }
        return x;
    }

    /** The symbol of a name as the engine's own parser resolves it (the library's symbols). */
    private IExpr symbol(String name) {
        if (!name.matches("[A-Za-z][A-Za-z0-9]*")) {
            throw new SymbolicException("not a symbol name: " + excerpt(name), true, null);
        }
        return evaluator.parse(name);
    }

    @Override
    public double numeric(UserExpression expression, Map<String, Double> values) {
        IExpr r = eval(block(values, F.N(expression.tree())), what(expression));
        if (!r.isReal()) {
            throw new SymbolicException("not a real number at " + values + ": " + excerpt(r.toString()), false, null);
        }
        return r.evalDouble();
    }

    @Override
    public boolean isZeroDifference(UserExpression a, UserExpression b, Map<String, Double> fixed) {
        IExpr difference = block(fixed, F.Subtract(a.tree(), b.tree()));
        return run(() -> {
            IExpr r = checked(evaluator.eval(F.Simplify(F.Together(difference))), "the difference");
            return r.isZero() || checked(evaluator.eval(F.Expand(F.Numerator(F.Together(r)))), "the difference").isZero();
        }, "simplifying " + a.excerpt(60) + " - (" + b.excerpt(40) + ")");
    }

    @Override
    public List<String> variables(UserExpression expression) {
        IExpr value = eval(expression.tree(), what(expression));
        return freeVariables(value);
    }

    @Override
    public Shown show(UserExpression expression, Map<String, UserExpression> values) {
        IExpr target = block(values, expression.tree());
        return run(() -> {
            IExpr simplified = checked(evaluator.eval(F.Simplify(target)), "the formula");
            IExpr best = simplified;
            try {
                IExpr factored = evaluator.eval(F.Factor(F.Together(target)));
                if (factored != null && factored != S.$Aborted && inputFormNow(factored).length() < inputFormNow(best).length()) {
                    best = factored;
                }
            } catch (RuntimeException e) {
                // not a rational expression: keep Simplify's form
            }
            return new Shown(inputFormNow(best), texNow(best), freeVariables(best));
        }, "simplifying " + expression.excerpt(80));
    }

    @Override
    public Expansion series(UserExpression expression, Map<String, UserExpression> values, String variable, int order) {
        if (order < 0 || order > 8) {
            throw new SymbolicException("series order must be in [0, 8]: " + order, true, null);
        }
        IExpr target = block(values, expression.tree());
        return run(() -> {
            IExpr value = checked(evaluator.eval(target), "the formula");
            return AsymptoticSeries.expand(evaluator, value, symbol(variable), expression.excerpt(60), order);
        }, "expanding " + expression.excerpt(60) + " in 1/" + variable);
    }

    @Override
    public UserExpression library(String symbol, Vocabulary vocabulary) {
        if (!vocabulary.libraryValues().contains(symbol)) {
            throw new SymbolicException(symbol + " is not a formula of the library", true, null);
        }
        return parse(symbol, vocabulary);
    }

    // ------------------------------------------------------------------ trusted text (library code)

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

    /** InputForm of an evaluated expression, from the expression itself (its text is never re-read). */
    private String inputForm(IExpr e) {
        return run(() -> inputFormNow(e), "printing a result");
    }

    /** On the evaluation thread: InputForm text (strings keep their quotes). */
    private String inputFormNow(IExpr e) {
        return checked(evaluator.eval(F.unaryAST1(S.InputForm, e)), "InputForm").toString().trim();
    }

    /** On the evaluation thread: TeX of an evaluated expression. */
    private String texNow(IExpr e) {
        return checked(evaluator.eval(F.unaryAST1(S.TeXForm, e)), "TeXForm").toString().trim();
    }

    @Override
    public boolean isZero(String expression) {
        requireParsable(expression);
        IExpr r = eval("Simplify[Together[" + expression + "]]");
        if (r.isZero()) {
            return true;
        }
        return eval(F.Expand(F.Numerator(F.Together(r))), "expanding the numerator").isZero();
    }

    @Override
    public List<String> variables(String expression) {
        requireParsable(expression);
        return freeVariables(eval(expression));
    }

    private static List<String> freeVariables(IExpr value) {
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
            throw new SymbolicException("not a real number after substituting " + values + ": " + excerpt(r.toString()), false, null);
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
