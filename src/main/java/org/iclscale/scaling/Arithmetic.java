package org.iclscale.scaling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small numeric evaluator for the arithmetic subset of Mathematica syntax used by the exponent parameters of
 * {@code formulas/scaling-exponents.m}: numbers, variables, {@code + - * / ^}, parentheses, {@code Min[..]},
 * {@code Max[..]} and {@code Infinity}. It lets the numeric verbs read the same formula files as the symbolic
 * side without starting Symja (design.md: no Symja start-up in numeric verbs); tests check both agree.
 */
public final class Arithmetic {

    private final String text;
    private final Map<String, Double> variables;
    private int pos;

    private Arithmetic(String text, Map<String, Double> variables) {
        this.text = text;
        this.variables = variables;
    }

    /** Evaluates {@code expression} with the given variable values (IllegalArgumentException if unsupported). */
    public static double evaluate(String expression, Map<String, Double> variables) {
        Arithmetic a = new Arithmetic(expression, variables);
        double v = a.sum();
        a.skip();
        if (a.pos != a.text.length()) {
            throw new IllegalArgumentException("unexpected '" + a.text.substring(a.pos) + "' in " + expression);
        }
        return v;
    }

    private void skip() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean eat(char c) {
        skip();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private double sum() {
        double v = product();
        while (true) {
            if (eat('+')) {
                v += product();
            } else if (eat('-')) {
                v -= product();
            } else {
                return v;
            }
        }
    }

    private double product() {
        double v = unary();
        while (true) {
            if (eat('*')) {
                v *= unary();
            } else if (eat('/')) {
                v /= unary();
            } else {
                return v;
            }
        }
    }

    private double unary() {
        if (eat('-')) {
            return -unary();
        }
        if (eat('+')) {
            return unary();
        }
        return power();
    }

    private double power() {
        double base = atom();
        if (eat('^')) {
            return Math.pow(base, unary()); // right-associative, binds tighter than unary minus on the left
        }
        return base;
    }

    private double atom() {
        skip();
        if (eat('(')) {
            double v = sum();
            expect(')');
            return v;
        }
        int start = pos;
        if (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            return Double.parseDouble(text.substring(start, pos));
        }
        while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
            pos++;
        }
        String name = text.substring(start, pos);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("expected a number or a name at position " + pos + " of " + text);
        }
        if (eat('[')) {
            List<Double> args = new ArrayList<>();
            do {
                args.add(sum());
            } while (eat(','));
            expect(']');
            return switch (name) {
                case "Min" -> args.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                case "Max" -> args.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                default -> throw new IllegalArgumentException("unsupported function " + name + " in " + text);
            };
        }
        if (name.equals("Infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        Double v = variables.get(name);
        if (v == null) {
            throw new IllegalArgumentException("unknown variable " + name + " in " + text);
        }
        return v;
    }

    private void expect(char c) {
        if (!eat(c)) {
            throw new IllegalArgumentException("expected '" + c + "' at position " + pos + " of " + text);
        }
    }
}
