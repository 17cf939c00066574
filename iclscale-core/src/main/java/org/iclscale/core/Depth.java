package org.iclscale.core;

/**
 * Depth L = number of in-context gradient-descent steps, each with step size γ/L (paper §2.2).
 * Either a positive integer or infinite (the gradient-flow limit (1 − γλ/L)^L → e^{−γλ}).
 */
public record Depth(int steps, boolean infinite) {

    public static final Depth INFINITE = new Depth(Integer.MAX_VALUE, true);

    public Depth {
        if (!infinite && steps < 1) {
            throw new InvalidInputException("--depth", steps, "an integer >= 1, or inf");
        }
    }

    public static Depth of(int steps) {
        return new Depth(steps, false);
    }

    /** Parses {@code 1, 2, ...} or {@code inf}. */
    public static Depth parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity")) {
            return INFINITE;
        }
        try {
            long v = Long.parseLong(t);
            if (v < 1 || v > Integer.MAX_VALUE - 1) {
                throw new InvalidInputException("--depth", t, "an integer >= 1, or inf");
            }
            return of((int) v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--depth", t, "an integer >= 1, or inf");
        }
    }

    /** Depth as a double: L or +∞. */
    public double asDouble() {
        return infinite ? Double.POSITIVE_INFINITY : steps;
    }

    @Override
    public String toString() {
        return infinite ? "inf" : Integer.toString(steps);
    }
}
