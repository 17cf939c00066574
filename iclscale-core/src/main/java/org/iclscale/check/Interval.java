package org.iclscale.check;

import org.iclscale.core.Numbers;

/**
 * The sampling interval of one variable, as a formula file's {@code domain} header writes it ({@code alpha (0, 8]},
 * {@code L integer [1, 12]}).
 */
public record Interval(String variable, double lower, boolean lowerOpen, double upper, boolean upperOpen,
        boolean integer) {

    public Interval {
        if (!(lower <= upper)) {
            throw new IllegalArgumentException(variable + ": empty interval [" + lower + ", " + upper + "]");
        }
    }

    /** A point of the interval for u ∈ [0, 1) (open ends are avoided; integers rounded inside). */
    public double at(double u) {
        if (integer) {
            long lo = (long) Math.ceil(lowerOpen ? Math.nextUp(lower) : lower);
            long hi = (long) Math.floor(upperOpen ? Math.nextDown(upper) : upper);
            return lo + Math.min(hi - lo, (long) Math.floor(u * (hi - lo + 1)));
        }
        double x = lower + u * (upper - lower);
        if (lowerOpen && x <= lower) {
            x = lower + 1e-3 * (upper - lower);
        }
        if (upperOpen && x >= upper) {
            x = upper - 1e-3 * (upper - lower);
        }
        return x;
    }

    /** Whether x lies in the interval (and is an integer, for an integer variable). */
    public boolean contains(double x) {
        if (Double.isNaN(x)) {
            return false;
        }
        if (integer && x != Math.rint(x)) {
            return false;
        }
        boolean aboveLower = lowerOpen ? x > lower : x >= lower;
        boolean belowUpper = upperOpen ? x < upper : x <= upper;
        return aboveLower && belowUpper;
    }

    /** "an integer in [1, 12]" / "a number in (0, 8]" (for messages). */
    public String describe() {
        return (integer ? "an integer in " : "a number in ") + bounds();
    }

    private String bounds() {
        return (lowerOpen ? "(" : "[") + fmt(lower) + ", " + fmt(upper) + (upperOpen ? ")" : "]");
    }

    @Override
    public String toString() {
        return variable + (integer ? " integer " : " ") + bounds();
    }

    static String fmt(double v) {
        return Numbers.compact(v);
    }
}
