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
        List<String> out = new ArrayList<>(n);
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
            out.add(format(v));
        }
        return Collections.unmodifiableList(out);
    }

    /** Shortest text of v; integers up to 1e-9 relative rounding are written without a decimal point. */
    public static String format(double v) {
        double r = Math.rint(v);
        if (Math.abs(r) < 1e15 && Math.abs(v - r) <= 1e-9 * Math.max(1, Math.abs(v))) {
            return Long.toString((long) r);
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
