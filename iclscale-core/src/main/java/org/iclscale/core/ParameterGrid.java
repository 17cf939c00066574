package org.iclscale.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value-list grammar of swept options ({@code sweep}): the text of a list or range and the values it stands
 * for. The product of several lists, its points and shards are {@link org.iclscale.sweep.Grid}'s.
 *
 * <p>A value list is written {@code v1,v2,...} (each value is kept as text and handed verbatim to the verb,
 * so {@code inf}, {@code opt} or {@code iso,rrs} work) or as a range {@code a:b:lin:n} / {@code a:b:log:n}
 * (n points from a to b inclusive, equally spaced in the value or in its logarithm; log needs a, b > 0).
 * Range values that are integers up to rounding (1e-9 relative) are written as integers, so
 * {@code --depth 1:1024:log:11} gives 1, 2, 4, ..., 1024.
 *
 * <p>Every malformed list is an {@link InvalidInputException} naming the option.
 */
public final class ParameterGrid {

    /** Largest number of points a sweep may have (and so the longest list). */
    public static final long MAX_POINTS = 10_000_000L;

    private static final Pattern RANGE = Pattern.compile("^\\s*([^:]+):([^:]+):([A-Za-z]+):([^:]+)\\s*$");
    static final String VALID = "a list v1,v2,... or a range a:b:lin:n or a:b:log:n (n an integer >= 1; log needs a, b > 0)";

    private ParameterGrid() {
    }

    /** True if {@code text} is a list or a range (contains a comma, or matches {@code a:b:lin|log:n}). */
    public static boolean isSweep(String text) {
        return text.contains(",") || RANGE.matcher(text).matches();
    }

    /** Parses a list or range given to {@code option} (a single value gives a one-element list). */
    public static List<String> parse(String option, String text) {
        Matcher m = RANGE.matcher(text);
        if (m.matches()) {
            return range(option, text, m);
        }
        if (text.isBlank()) {
            throw new InvalidInputException(option, "'" + text + "'", VALID);
        }
        List<String> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String p = part.trim();
            if (p.isEmpty()) {
                throw new InvalidInputException(option, "'" + text + "' has an empty entry (expected " + VALID + ")");
            }
            out.add(p);
        }
        return Collections.unmodifiableList(out);
    }

    private static List<String> range(String option, String text, Matcher m) {
        String kind = m.group(3).toLowerCase(Locale.ROOT);
        if (!kind.equals("lin") && !kind.equals("log")) {
            throw new InvalidInputException(option, "'" + text + "' has spacing '" + m.group(3) + "' (expected " + VALID
                    + ")");
        }
        double a;
        double b;
        int n;
        try {
            a = Double.parseDouble(m.group(1).trim());
            b = Double.parseDouble(m.group(2).trim());
            n = Integer.parseInt(m.group(4).trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(option, "'" + text + "'", VALID);
        }
        if (!Double.isFinite(a) || !Double.isFinite(b) || n < 1 || n > MAX_POINTS) {
            throw new InvalidInputException(option, "'" + text + "'", VALID);
        }
        if (kind.equals("log") && !(a > 0 && b > 0)) {
            throw new InvalidInputException(option, "'" + text + "'", VALID);
        }
        String[] labels = new String[n];
        double[] numbers = new double[n];
        for (int i = 0; i < n; i++) {
            double f = n == 1 ? 0 : (double) i / (n - 1);
            double v;
            if (i == 0) {
                v = a;
            } else if (i == n - 1) {
                v = b;
            } else if (kind.equals("lin")) {
                v = a + (b - a) * f;
            } else {
                v = Math.exp(Math.log(a) + (Math.log(b) - Math.log(a)) * f);
            }
            labels[i] = format(v);
            numbers[i] = integral(v) ? (double) (long) Math.rint(v) : v;
        }
        return new Range(labels, numbers);
    }

    /**
     * The labels of a range, each with the number it stands for: the number Double.parseDouble reads from the label
     * ({@link #format} writes the shortest round-trip decimal, or an integer that a long holds exactly), so a caller
     * that needs the numbers does not parse the labels again (a 10,000-point sweep: issue 17 goal 2;
     * ParameterGridTest). Immutable.
     */
    public static final class Range extends java.util.AbstractList<String> implements java.util.RandomAccess {
        private final String[] labels;
        private final double[] numbers;

        private Range(String[] labels, double[] numbers) {
            this.labels = labels;
            this.numbers = numbers;
        }

        @Override
        public String get(int i) {
            return labels[i];
        }

        @Override
        public int size() {
            return labels.length;
        }

        /** Double.parseDouble of label {@code i}. */
        public double number(int i) {
            return numbers[i];
        }
    }

    /** Whether {@link #format} writes v as an integer. */
    private static boolean integral(double v) {
        double r = Math.rint(v);
        return Math.abs(r) < 1e15 && Math.abs(v - r) <= 1e-9 * Math.max(1, Math.abs(v));
    }

    /** Shortest text of v; integers up to 1e-9 relative rounding are written without a decimal point. */
    public static String format(double v) {
        if (integral(v)) {
            return Long.toString((long) Math.rint(v));
        }
        return Double.toString(v);
    }

    /** {@code --time-convention} → {@code timeConvention}. */
    public static String key(String option) {
        String s = option.replaceFirst("^-+", "");
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : s.toCharArray()) {
            if (c == '-') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }
}
