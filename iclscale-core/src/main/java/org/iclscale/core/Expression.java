package org.iclscale.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The project's one numeric expression evaluator (no Symja start-up), for user-given exponents such as
 * {@code -nu*beta/(nu*beta+2*nu+1)} and for the arithmetic subset of Mathematica syntax used by the parameters
 * of {@code formulas/*.m} (read by the numeric verbs without Symja; design.md).
 *
 * <p>Syntax: numbers ({@code 2}, {@code .5}, {@code 1.5e-3}, {@code 1E+3}), named variables (letters, digits,
 * {@code _}), {@code + - * / ^} ({@code ^} right-associative and binding tighter than a unary minus on its
 * left: {@code -2^2 = -4}), parentheses, {@code sqrt(..)}, {@code exp(..)}, {@code log(..)} (natural log),
 * {@code Min[a, b, ..]}, {@code Max[a, b, ..]} and {@code Infinity}. No implicit multiplication.
 *
 * <p>Undefined operations are rejected, never returned as NaN or a silent infinity: division by zero,
 * {@code 0^-1}, {@code sqrt} of a negative number, {@code log} of a number &le; 0, and any NaN ({@code Infinity - Infinity},
 * {@code 0*Infinity}, a negative base to a fractional power). {@link #evaluate} also rejects an infinite
 * result; {@link #evaluateAllowingInfinity} accepts one (e.g. a filter decay {@code m = Infinity}).
 * Every error is an {@link InvalidInputException} naming the option, the expression, the offending token and
 * its position (exit 2 on the command line).
 */
public final class Expression {

    private final String text;
    private final Map<String, Double> vars;
    private final String option;
    private int pos;

    private Expression(String text, Map<String, Double> vars, String option) {
        this.text = text;
        this.vars = vars;
        this.option = option;
    }

    /** The value of {@code text}, which must be finite. */
    public static double evaluate(String text, Map<String, Double> vars, String option) {
        double v = parse(text, vars, option);
        if (!Double.isFinite(v)) {
            throw new InvalidInputException(option, "'" + text + "': the value is " + v
                    + " (expected an expression with a finite value)");
        }
        return v;
    }

    /** The value of {@code text}, which may be ±Infinity (never NaN). */
    public static double evaluateAllowingInfinity(String text, Map<String, Double> vars, String option) {
        return parse(text, vars, option);
    }

    private static double parse(String text, Map<String, Double> vars, String option) {
        Expression e = new Expression(text == null ? "" : text, vars, option);
        double v = e.sum();
        e.skip();
        if (e.pos != e.text.length()) {
            throw e.error("unexpected " + e.token(), e.pos);
        }
        return v;
    }

    private InvalidInputException error(String what, int at) {
        return new InvalidInputException(option, "'" + text + "': " + what + " at position " + (at + 1)
                + " (expected a number or an expression in + - * / ^ ( ), sqrt( ) exp( ) log( ), Min[ ] Max[ ],"
                + " Infinity and the variables " + vars.keySet() + ")");
    }

    /** The token at {@code pos}, quoted, for error messages. */
    private String token() {
        if (pos >= text.length()) {
            return "end of input";
        }
        int end = pos;
        while (end < text.length() && isNameChar(text.charAt(end))) {
            end++;
        }
        return "'" + text.substring(pos, Math.max(end, pos + 1)) + "'";
    }

    private double checked(double v, String operation, int at) {
        if (Double.isNaN(v)) {
            throw error(operation + " is undefined (not a real number)", at);
        }
        return v;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
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

    private void expect(char c, String after) {
        if (!eat(c)) {
            throw error("expected '" + c + "'" + after + " but found " + token(), pos);
        }
    }

    private double sum() {
        double v = product();
        while (true) {
            skip();
            int at = pos;
            if (eat('+')) {
                v = checked(v + product(), "'+'", at);
            } else if (eat('-')) {
                v = checked(v - product(), "'-'", at);
            } else {
                return v;
            }
        }
    }

    private double product() {
        double v = unary();
        while (true) {
            skip();
            int at = pos;
            if (eat('*')) {
                v = checked(v * unary(), "'*'", at);
            } else if (eat('/')) {
                double d = unary();
                if (d == 0) {
                    throw error("division by zero", at);
                }
                v = checked(v / d, "'/'", at);
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
        double base = atom();
        skip();
        int at = pos;
        if (eat('^')) {
            double exponent = unary(); // right-associative
            if (base == 0 && exponent < 0) {
                throw error("division by zero (0 to a negative power)", at);
            }
            return checked(Math.pow(base, exponent), "'^'", at);
        }
        return base;
    }

    private double atom() {
        skip();
        if (eat('(')) {
            double v = sum();
            expect(')', "");
            return v;
        }
        int start = pos;
        if (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            return number(start);
        }
        while (pos < text.length() && isNameChar(text.charAt(pos))) {
            pos++;
        }
        String name = text.substring(start, pos);
        if (name.isEmpty()) {
            throw error("expected a number, a name or '(' but found " + token(), pos);
        }
        switch (name) {
            case "sqrt", "exp", "log" -> {
                expect('(', " after " + name);
                double a = sum();
                expect(')', "");
                return function(name, a, start);
            }
            case "Min", "Max" -> {
                expect('[', " after " + name);
                List<Double> args = new ArrayList<>();
                do {
                    args.add(sum());
                } while (eat(','));
                expect(']', "");
                double v = args.get(0);
                for (double a : args) {
                    v = name.equals("Min") ? Math.min(v, a) : Math.max(v, a);
                }
                return v;
            }
            case "Infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            default -> {
                Double v = vars.get(name);
                if (v == null) {
                    skip();
                    String what = pos < text.length() && text.charAt(pos) == '[' ? "unknown function '" : "unknown variable '";
                    throw error(what + name + "'", start);
                }
                return v;
            }
        }
    }

    private double function(String name, double a, int at) {
        if (name.equals("sqrt") && a < 0) {
            throw error("sqrt of the negative number " + a, at);
        }
        if (name.equals("log") && !(a > 0)) {
            throw error("log of the non-positive number " + a, at);
        }
        return checked(switch (name) {
            case "sqrt" -> Math.sqrt(a);
            case "exp" -> Math.exp(a);
            default -> Math.log(a);
        }, name, at);
    }

    /** digits [. digits] [(e|E) [+|-] digits]. */
    private double number(int start) {
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int e = pos + 1;
            if (e < text.length() && (text.charAt(e) == '+' || text.charAt(e) == '-')) {
                e++;
            }
            if (e < text.length() && Character.isDigit(text.charAt(e))) {
                pos = e;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            }
        }
        String s = text.substring(start, pos);
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException ex) {
            throw error("bad number '" + s + "'", start);
        }
    }
}
