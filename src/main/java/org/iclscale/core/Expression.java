package org.iclscale.core;

import java.util.Map;

/**
 * A small arithmetic expression evaluator for user-given exponents such as {@code -beta/(2+beta)} or
 * {@code -nu*beta/(nu*beta+2*nu+1)}: numbers, named variables, + − * / ^, parentheses, unary minus and
 * sqrt/exp/log. Numeric only (no Symja start-up). Errors name the option.
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

    public static double evaluate(String text, Map<String, Double> vars, String option) {
        Expression e = new Expression(text, vars, option);
        double v = e.sum();
        e.skip();
        if (e.pos != text.length()) {
            throw e.error("unexpected '" + text.charAt(e.pos) + "' at position " + (e.pos + 1));
        }
        if (!Double.isFinite(v)) {
            throw new InvalidInputException(option, text, "an expression with a finite value");
        }
        return v;
    }

    private InvalidInputException error(String what) {
        return new InvalidInputException(option, "'" + text + "': " + what
                + " (expected a number or an expression in + - * / ^ ( ) sqrt exp log and the variables "
                + vars.keySet() + ")");
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
        double base = atom();
        if (eat('^')) {
            return Math.pow(base, unary());
        }
        return base;
    }

    private double atom() {
        skip();
        if (eat('(')) {
            double v = sum();
            if (!eat(')')) {
                throw error("missing ')'");
            }
            return v;
        }
        int start = pos;
        if (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.'
                    || ((text.charAt(pos) == 'e' || text.charAt(pos) == 'E') && pos + 1 < text.length()
                    && (Character.isDigit(text.charAt(pos + 1)) || text.charAt(pos + 1) == '-')))) {
                if (text.charAt(pos) == 'e' || text.charAt(pos) == 'E') {
                    pos++;
                }
                pos++;
            }
            try {
                return Double.parseDouble(text.substring(start, pos));
            } catch (NumberFormatException e) {
                throw error("bad number '" + text.substring(start, pos) + "'");
            }
        }
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        String name = text.substring(start, pos);
        if (name.isEmpty()) {
            throw error(pos < text.length() ? "unexpected '" + text.charAt(pos) + "'" : "unexpected end");
        }
        if (name.equals("sqrt") || name.equals("exp") || name.equals("log")) {
            if (!eat('(')) {
                throw error("missing '(' after " + name);
            }
            double a = sum();
            if (!eat(')')) {
                throw error("missing ')'");
            }
            return switch (name) {
                case "sqrt" -> Math.sqrt(a);
                case "exp" -> Math.exp(a);
                default -> Math.log(a);
            };
        }
        Double v = vars.get(name);
        if (v == null) {
            throw error("unknown variable '" + name + "'");
        }
        return v;
    }
}
