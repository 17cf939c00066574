package org.iclscale.symbolic;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.iclscale.symbolic.ExpressionPolicy.Vocabulary;
import org.matheclipse.core.convert.AST2Expr;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IInteger;
import org.matheclipse.core.interfaces.ISymbol;
import org.matheclipse.parser.client.Parser;
import org.matheclipse.parser.client.SyntaxError;
import org.matheclipse.parser.client.ast.ASTNode;
import org.matheclipse.parser.client.ast.FunctionNode;
import org.matheclipse.parser.client.ast.IntegerNode;
import org.matheclipse.parser.client.ast.NumberNode;
import org.matheclipse.parser.client.ast.PatternNode;
import org.matheclipse.parser.client.ast.StringNode;
import org.matheclipse.parser.client.ast.SymbolNode;

/**
 * Turns user text into a {@link UserExpression} without evaluating anything:
 * <ol>
 * <li>bounds on the text (length, bracket nesting: Symja's recursive-descent parser overflows the stack on
 * ~60k nested parentheses);</li>
 * <li>Symja's syntax-only parser ({@code org.matheclipse.parser.client.Parser}) builds a tree of nodes; it is
 * checked against {@link ExpressionPolicy} <em>before</em> conversion, because the conversion to an expression
 * ({@code AST2Expr}, like the engine's {@code ExprParser}) evaluates {@code Get["file"]} and
 * {@code Import["file"]} on the spot;</li>
 * <li>the converted expression (what will be evaluated) is checked again with the same rules, and its free
 * variables are collected.</li>
 * </ol>
 * Not thread-safe; called on the engine's evaluation thread.
 */
final class ExpressionGuard {

    private final Vocabulary vocabulary;
    private final Set<String> free = new TreeSet<>();

    private ExpressionGuard(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Parses and checks; every refusal is a {@link SymbolicException} of kind BAD_INPUT with one line. */
    static UserExpression check(String text, Vocabulary vocabulary, EvalEngine engine) {
        if (text == null || text.isBlank()) {
            throw refuse("empty expression");
        }
        if (text.length() > ExpressionPolicy.MAX_LENGTH) {
            throw refuse("expression of " + text.length() + " characters, more than the limit of "
                    + ExpressionPolicy.MAX_LENGTH);
        }
        int depth = bracketDepth(text);
        if (depth > ExpressionPolicy.MAX_DEPTH) {
            throw refuse("brackets nested " + depth + " deep, more than the limit of " + ExpressionPolicy.MAX_DEPTH);
        }
        ASTNode node;
        try {
            node = new Parser(false, false).parse(text);
        } catch (SyntaxError e) {
            throw refuse("does not parse: " + SymjaEngine.oneLine(e.getMessage()));
        } catch (StackOverflowError e) {
            throw refuse("too deeply nested to parse (limit " + ExpressionPolicy.MAX_DEPTH + " levels)");
        } catch (RuntimeException e) {
            throw refuse("does not parse: " + e.getClass().getSimpleName() + " " + SymjaEngine.oneLine(e.getMessage()));
        }
        ExpressionGuard guard = new ExpressionGuard(vocabulary);
        guard.node(node, Set.of(), 0);
        IExpr tree = new AST2Expr(false, engine).convert(node);
        ExpressionGuard again = new ExpressionGuard(vocabulary);
        again.expr(tree, Set.of(), 0);
        return new UserExpression(text.trim(), tree, again.free.stream().toList());
    }

    static SymbolicException refuse(String message) {
        return new SymbolicException(message, SymbolicException.Kind.BAD_INPUT, null);
    }

    /** Deepest nesting of (, [, { in the text (strings included: they are refused anyway). */
    static int bracketDepth(String text) {
        int depth = 0;
        int max = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                max = Math.max(max, ++depth);
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            }
        }
        return max;
    }

    // ------------------------------------------------------------------ syntax tree (before conversion)

    private void node(ASTNode n, Set<String> bound, int depth) {
        if (depth > ExpressionPolicy.MAX_DEPTH) {
            throw refuse("nested deeper than the limit of " + ExpressionPolicy.MAX_DEPTH + " levels");
        }
        if (n instanceof NumberNode) {
            return;
        }
        if (n instanceof StringNode s) {
            throw refuse("the string \"" + excerpt(s.getString()) + "\" is refused (strings are not mathematics)");
        }
        if (n instanceof PatternNode p) {
            throw refuse(p + " is refused (pattern definition)");
        }
        if (n instanceof SymbolNode s) {
            symbol(s.getString(), bound, looksBuiltIn(s.getString()));
            return;
        }
        if (n instanceof FunctionNode f) {
            ASTNode head = f.get(0);
            if (!(head instanceof SymbolNode hs)) {
                throw refuse("the compound head " + excerpt(head.toString()) + " is refused (derivatives f'[x] and "
                        + "operators applied to operators are not allowed)");
            }
            String name = hs.getString();
            head(name);
            if (ExpressionPolicy.ITERATING.contains(name)) {
                Set<String> inner = new HashSet<>(bound);
                for (int i = 2; i < f.size(); i++) {
                    inner.add(iteratorNode(name, f.get(i), inner, depth));
                }
                node(f.get(1), inner, depth + 1);
                return;
            }
            for (int i = 1; i < f.size(); i++) {
                node(f.get(i), bound, depth + 1);
            }
            return;
        }
        throw refuse("the element " + excerpt(String.valueOf(n)) + " is refused");
    }

    /** {i, max}, {i, min, max} or {i, min, max, step}; returns i. Bounds may use earlier iterators. */
    private String iteratorNode(String head, ASTNode it, Set<String> bound, int depth) {
        if (!(it instanceof FunctionNode list) || !(list.get(0) instanceof SymbolNode ls)
                || !ls.getString().equals("List") || list.size() < 3 || list.size() > 5
                || !(list.get(1) instanceof SymbolNode var)) {
            throw refuse(head + " needs iterators {i, max}, {i, min, max} or {i, min, max, step}, not "
                    + excerpt(String.valueOf(it)));
        }
        String name = var.getString();
        iteratorName(head, name);
        for (int i = 2; i < list.size(); i++) {
            node(list.get(i), bound, depth + 1);
        }
        if (list.size() <= 4) {
            BigInteger lo = list.size() == 3 ? BigInteger.ONE : literal(list.get(2));
            BigInteger hi = literal(list.get(list.size() - 1));
            terms(head, lo, hi);
        }
        return name;
    }

    private static BigInteger literal(ASTNode n) {
        if (n instanceof IntegerNode i) {
            try {
                return new BigInteger(i.getString(), i.getNumberFormat());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ converted expression (what is evaluated)

    private void expr(IExpr e, Set<String> bound, int depth) {
        if (depth > ExpressionPolicy.MAX_DEPTH) {
            throw refuse("nested deeper than the limit of " + ExpressionPolicy.MAX_DEPTH + " levels");
        }
        if (e.isNumber()) {
            return;
        }
        if (e.isString()) {
            throw refuse("the string " + excerpt(e.toString()) + " is refused (strings are not mathematics)");
        }
        if (e.isSymbol()) {
            ISymbol s = (ISymbol) e;
            symbol(s.getSymbolName(), bound, s.isBuiltInSymbol());
            return;
        }
        if (e instanceof IAST ast && !e.isPattern()) {
            IExpr head = ast.head();
            if (!head.isSymbol()) {
                throw refuse("the compound head " + excerpt(head.toString()) + " is refused");
            }
            String name = ((ISymbol) head).getSymbolName();
            if (head.isBuiltInSymbol() ? !ExpressionPolicy.allowedFunction(name)
                    : !vocabulary.libraryFunctions().contains(name)) {
                throw refuse(ExpressionPolicy.refusal(name, vocabulary));
            }
            if (ExpressionPolicy.ITERATING.contains(name)) {
                Set<String> inner = new HashSet<>(bound);
                for (int i = 2; i < ast.size(); i++) {
                    inner.add(iteratorExpr(name, ast.get(i), inner, depth));
                }
                if (ast.size() < 3) {
                    throw refuse(name + " needs an iterator {i, min, max}");
                }
                expr(ast.get(1), inner, depth + 1);
                return;
            }
            for (int i = 1; i < ast.size(); i++) {
                expr(ast.get(i), bound, depth + 1);
            }
            return;
        }
        throw refuse("the element " + excerpt(e.toString()) + " is refused");
    }

    private String iteratorExpr(String head, IExpr it, Set<String> bound, int depth) {
        if (!it.isList() || !(it instanceof IAST list) || list.size() < 3 || list.size() > 5 || !list.get(1).isSymbol()) {
            throw refuse(head + " needs iterators {i, max}, {i, min, max} or {i, min, max, step}, not " + excerpt(it.toString()));
        }
        ISymbol var = (ISymbol) list.get(1);
        if (var.isBuiltInSymbol()) {
            throw refuse(head + " iterator " + var.getSymbolName() + " is a built-in");
        }
        iteratorName(head, var.getSymbolName());
        for (int i = 2; i < list.size(); i++) {
            expr(list.get(i), bound, depth + 1);
        }
        if (list.size() <= 4) {
            BigInteger lo = list.size() == 3 ? BigInteger.ONE : integer(list.get(2));
            BigInteger hi = integer(list.get(list.size() - 1));
            terms(head, lo, hi);
        }
        return var.getSymbolName();
    }

    private static BigInteger integer(IExpr e) {
        return e instanceof IInteger i ? i.toBigNumerator() : null;
    }

    // ------------------------------------------------------------------ shared rules

    private void head(String name) {
        if (name.startsWith("$") || name.contains("`")) {
            throw refuse(ExpressionPolicy.refusedSymbol(name, vocabulary, true));
        }
        if (!ExpressionPolicy.allowedFunction(name) && !vocabulary.libraryFunctions().contains(name)) {
            throw refuse(ExpressionPolicy.refusal(name, vocabulary));
        }
    }

    private void symbol(String name, Set<String> bound, boolean builtIn) {
        if (name.startsWith("$") || name.contains("`")) {
            throw refuse(ExpressionPolicy.refusedSymbol(name, vocabulary, true));
        }
        if (builtIn) {
            if (!ExpressionPolicy.allowedConstant(name)) {
                throw refuse(ExpressionPolicy.refusedSymbol(name, vocabulary, true));
            }
            return;
        }
        if (bound.contains(name) || vocabulary.libraryValues().contains(name)) {
            return;
        }
        if (vocabulary.variables().contains(name)) {
            free.add(name);
            return;
        }
        throw refuse(ExpressionPolicy.refusedSymbol(name, vocabulary, false));
    }

    private void iteratorName(String head, String name) {
        if (name.startsWith("$") || name.contains("`") || looksBuiltIn(name) || ExpressionPolicy.allowedConstant(name)
                || vocabulary.libraryValues().contains(name) || vocabulary.libraryFunctions().contains(name)) {
            throw refuse(head + " iterator " + name + " must be a fresh name (not a built-in, constant or library symbol)");
        }
    }

    private static void terms(String head, BigInteger lo, BigInteger hi) {
        if (lo != null && hi != null
                && hi.subtract(lo).add(BigInteger.ONE).compareTo(BigInteger.valueOf(ExpressionPolicy.MAX_TERMS)) > 0) {
            throw refuse(head + " over " + hi.subtract(lo).add(BigInteger.ONE) + " terms, more than the limit of "
                    + ExpressionPolicy.MAX_TERMS);
        }
    }

    /** A name Symja knows as a built-in (Symja's table is keyed by lower-case names). */
    private static boolean looksBuiltIn(String name) {
        return ExpressionPolicy.allowedFunction(name) || ExpressionPolicy.allowedConstant(name)
                || ExpressionPolicy.family(name) != null
                || (!name.isEmpty() && Character.isUpperCase(name.charAt(0))
                        && AST2Expr.PREDEFINED_SYMBOLS_MAP.containsKey(name.toLowerCase(Locale.ROOT)));
    }

    private static String excerpt(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 60 ? one : one.substring(0, 57) + "...";
    }
}
