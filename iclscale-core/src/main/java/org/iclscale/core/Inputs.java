package org.iclscale.core;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parsing and range checks shared by every entry point (command line, sweep lists, spectrum files).
 * Every failure is an {@link InvalidInputException} naming the option, the value and the valid range.
 */
public final class Inputs {

    private Inputs() {
    }

    /**
     * The one number grammar of every option: an optional sign, ASCII digits with an optional fraction and an
     * optional decimal exponent ({@code 2}, {@code -0.5}, {@code 1e8}, {@code 2.5E-3}); as a regular expression
     * {@value #NUMBER_GRAMMAR}. Java's own literal forms ({@code 1d}, {@code 2f}, {@code 0x1p3}, {@code NaN},
     * {@code Infinity}) and non-ASCII digits are refused. Matched by {@link #inGrammar}, a scan of the characters
     * (a sweep checks every value of a range: issue 17 goal 2); InputsTest compares it with the expression.
     */
    public static final String NUMBER_GRAMMAR = "[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?";

    /** Whether all of {@code t} is a number of {@link #NUMBER_GRAMMAR} (no trimming). */
    static boolean inGrammar(String t) {
        int n = t.length();
        int i = 0;
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        int whole = digits(t, i);
        i += whole;
        int fraction = 0;
        if (i < n && t.charAt(i) == '.') {
            i++;
            fraction = digits(t, i);
            i += fraction;
        }
        if (whole == 0 && fraction == 0) {
            return false; // "", "+", ".", "-.": a mantissa needs a digit
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int exponent = digits(t, i);
            if (exponent == 0) {
                return false;
            }
            i += exponent;
        }
        return i == n;
    }

    /** The number of ASCII digits of {@code t} from {@code from}. */
    private static int digits(String t, int from) {
        int i = from;
        while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    /** Longest quotation of user input in an error message (characters). */
    public static final int EXCERPT = 60;

    /**
     * A short, printable quotation of user input for error messages: control characters shown as '?', at most
     * {@value #EXCERPT} characters followed by "… (N characters)" (issue 18: a 10 MB CSV cell or a file of the
     * process environment must not be repeated whole on stderr).
     */
    public static String excerpt(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), EXCERPT) + 24);
        int n = text.codePointCount(0, text.length());
        int i = 0;
        for (int k = 0; k < text.length() && i < EXCERPT; i++) {
            int cp = text.codePointAt(k);
            sb.appendCodePoint(Character.isISOControl(cp) ? '?' : cp);
            k += Character.charCount(cp);
        }
        if (n > EXCERPT) {
            sb.append("… (").append(n).append(" characters)");
        }
        return sb.toString();
    }

    /** True for the spellings of ∞ that options accept: {@code inf}, {@code infinity} (any case). */
    public static boolean isInfinity(String text) {
        String t = text.trim();
        return t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity");
    }

    /** True if the text is a number in the grammar of {@link #NUMBER_GRAMMAR} (no check of its size). */
    public static boolean isNumber(String text) {
        return inGrammar(text.trim());
    }

    /** Parses a finite double in the one number grammar; {@code inf}, NaN and overflow are refused. */
    public static double parseDouble(String option, String text, String validRange) {
        String t = text.trim();
        if (!inGrammar(t)) {
            throw new InvalidInputException(option, t, validRange);
        }
        double v = Double.parseDouble(t);
        if (!Double.isFinite(v)) {
            throw new InvalidInputException(option, t, validRange);
        }
        return v;
    }

    /**
     * The {@code NAME=VALUE} items of a repeatable option ({@code --set L=2}, {@code --var beta=0.8}), in order,
     * names and values trimmed; a later item overrides an earlier one of the same name. An item without '=',
     * with an empty name or value, or (when {@code names} is not null) a name outside {@code names} is an
     * {@link InvalidInputException} quoting the item, with {@code validRange} as the expectation.
     */
    public static Map<String, String> assignments(String option, List<String> items,
            Collection<String> names, String validRange) {
        Map<String, String> out = new LinkedHashMap<>();
        if (items == null) {
            return out;
        }
        for (String item : items) {
            int eq = item.indexOf('=');
            String name = eq < 0 ? item.trim() : item.substring(0, eq).trim();
            String value = eq < 0 ? "" : item.substring(eq + 1).trim();
            if (name.isEmpty() || value.isEmpty() || (names != null && !names.contains(name))) {
                throw new InvalidInputException(option, item, validRange);
            }
            out.put(name, value);
        }
        return out;
    }

    /** {@link #assignments} whose values are finite numbers; a bad number quotes the whole item. */
    public static Map<String, Double> numberAssignments(String option, List<String> items,
            Collection<String> names, String validRange) {
        Map<String, Double> out = new LinkedHashMap<>();
        assignments(option, items, names, validRange).forEach((name, value) -> {
            try {
                out.put(name, parseDouble(option, value, validRange));
            } catch (InvalidInputException e) {
                throw new InvalidInputException(option, name + "=" + value, validRange);
            }
        });
        return out;
    }

    /** A number in (0, ∞), or {@code inf} (returned as +∞) when {@code allowInfinity}. */
    public static double positive(String option, String text, boolean allowInfinity) {
        String range = allowInfinity ? "a number > 0, or inf" : "a finite number > 0";
        String t = text.trim();
        if (allowInfinity && isInfinity(t)) {
            return Double.POSITIVE_INFINITY;
        }
        double v = parseDouble(option, t, range);
        if (!(v > 0)) {
            throw new InvalidInputException(option, t, range);
        }
        return v;
    }

    /** A finite number ≥ 0. */
    public static double nonNegative(String option, String text) {
        double v = parseDouble(option, text, "a finite number >= 0");
        if (!(v >= 0)) {
            throw new InvalidInputException(option, text.trim(), "a finite number >= 0");
        }
        return v;
    }

    /** A finite number strictly greater than {@code lower}. */
    public static double greaterThan(String option, String text, double lower) {
        String range = "a finite number > " + format(lower);
        double v = parseDouble(option, text, range);
        if (!(v > lower)) {
            throw new InvalidInputException(option, text.trim(), range);
        }
        return v;
    }

    /** An integer in [min, max] (exponent notation of an exact integer, e.g. {@code 1e8}, accepted). */
    public static int integer(String option, String text, int min, int max) {
        String range = max == Integer.MAX_VALUE ? "an integer >= " + min : "an integer in [" + min + ", " + max + "]";
        return integer(option, text, min, max, range);
    }

    /** {@link #integer(String, String, int, int)} with the valid range worded by the caller. */
    public static int integer(String option, String text, int min, int max, String validRange) {
        long v = longInteger(option, text, min, max, validRange);
        return (int) v;
    }

    /** A long in [min, max] (exponent notation of an exact integer accepted). */
    public static long longInteger(String option, String text, long min, long max, String validRange) {
        String t = text.trim();
        if (!inGrammar(t)) {
            throw new InvalidInputException(option, t, validRange);
        }
        long v;
        try {
            v = Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            java.math.BigDecimal exact;
            try {
                exact = new java.math.BigDecimal(t);
            } catch (NumberFormatException | ArithmeticException e2) {
                throw new InvalidInputException(option, t, validRange);
            }
            if (exact.signum() != 0 && exact.stripTrailingZeros().scale() > 0
                    || exact.compareTo(java.math.BigDecimal.valueOf(min)) < 0
                    || exact.compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
                throw new InvalidInputException(option, t, validRange);
            }
            v = exact.longValueExact();
        }
        if (v < min || v > max) {
            throw new InvalidInputException(option, t, validRange);
        }
        return v;
    }

    /** A random seed: any 64-bit integer (the one seed grammar of simulate, train, figure). */
    public static long seed(String option, String text) {
        return longInteger(option, text, Long.MIN_VALUE, Long.MAX_VALUE, "an integer (a 64-bit seed)");
    }

    /** An integer ≥ min, or {@code inf} (returned as {@code OptionalInt.empty()}). */
    public static java.util.OptionalInt integerOrInfinity(String option, String text, int min) {
        if (isInfinity(text)) {
            return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.of(integer(option, text, min, Integer.MAX_VALUE, "an integer >= " + min + ", or inf"));
    }

    /**
     * The entries of a list option: {@code v1,v2,...} or a range {@code a:b:lin|log:n} (the grammar of sweep axes,
     * {@link ParameterGrid#parse}, so a range works wherever a list does); empty entries are refused.
     */
    public static String[] items(String option, String text) {
        return ParameterGrid.parse(option, text).toArray(String[]::new);
    }

    /** Comma-separated finite numbers ≥ 0 in increasing order (e.g. {@code --times 1,10,100} or {@code 1:1e5:log:60}). */
    public static double[] nonNegativeList(String option, String text) {
        double[] v = nonNegativeValues(option, text);
        for (int i = 1; i < v.length; i++) {
            if (v[i] < v[i - 1]) {
                throw new InvalidInputException(option, text, "comma-separated numbers >= 0 in increasing order");
            }
        }
        return v;
    }

    /**
     * Comma-separated integers in [min, max], in any order (e.g. {@code --modes 1,2,4}), or a range
     * {@code a:b:lin|log:n} of integers; an empty entry ({@code 1,}, {@code ,1}) is refused.
     */
    public static int[] integerList(String option, String text, int min, int max) {
        String[] parts = items(option, text);
        int[] v = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = integer(option, parts[i], min, max);
        }
        return v;
    }

    /**
     * Comma-separated finite numbers ≥ 0 in any order (e.g. one value per layer), or a range {@code a:b:lin|log:n};
     * an empty entry ({@code 1,}, {@code ,1}) is refused.
     */
    public static double[] nonNegativeValues(String option, String text) {
        String[] parts = items(option, text);
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = nonNegative(option, parts[i]);
        }
        return v;
    }

    /** Checks that a computed value is finite; otherwise the named computation failed. */
    public static double requireFinite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new ComputationException(what, "result is not a finite number (" + Numbers.nonFinite(value) + ")");
        }
        return value;
    }

    static String format(double v) {
        return Numbers.compact(v);
    }
}
