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

    /**
     * Parses {@code 1, 2, ...} up to 2³¹ − 1, an integer in decimal exponent notation ({@code 1e8}, as the help
     * and README write large depths), or {@code inf}.
     */
    public static Depth parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity")) {
            return INFINITE;
        }
        try {
            java.math.BigDecimal v = new java.math.BigDecimal(t);
            if (v.signum() > 0 && v.stripTrailingZeros().scale() <= 0
                    && v.compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
                return of(v.intValueExact());
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // not a number: refused below
        }
        throw new InvalidInputException("--depth", t, "an integer from 1 to 2147483647 (1e8 allowed), or inf");
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
