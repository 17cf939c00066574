package org.iclscale.core;

/**
 * The one compact text of a number in messages, method descriptions and labels: an integral value of magnitude
 * below 10¹⁵ without a decimal point ({@code 64}, {@code -3}), anything else as the shortest round-trip decimal of
 * {@link Double#toString} ({@code 0.25}, {@code 1.0E20}). The magnitude bound keeps large values from being cast
 * to a long ({@code 1e20} printed as 9223372036854775807 by three former copies); ∞ is {@code inf}. The report
 * writers' human and exact renderings are in {@code org.iclscale.io}.
 */
public final class Numbers {

    /** Below this magnitude an integral double is printed as an integer. */
    public static final double INTEGRAL_BELOW = 1e15;

    private Numbers() {
    }

    /** {@code 64}, {@code 0.25}, {@code 1.0E20}, {@code inf}, {@code -inf}, {@code NaN}. */
    public static String compact(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "inf";
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < INTEGRAL_BELOW) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /**
     * A number in a sentence of a note or message: 6 significant digits, trailing zeros dropped, no locale
     * ({@code 1.69723}, {@code 9.09091}, {@code 1e-10}, {@code 2.5e+07} as {@code 2.5e7}); ∞ is {@code inf}.
     */
    public static String prose(double v) {
        if (Double.isInfinite(v) || Double.isNaN(v)) {
            return compact(v);
        }
        java.math.BigDecimal r = new java.math.BigDecimal(Double.toString(v)).round(new java.math.MathContext(6));
        int exponent = r.precision() - r.scale() - 1;
        java.math.BigDecimal stripped = r.stripTrailingZeros();
        if (v == 0) {
            return "0";
        }
        if (exponent >= -4 && exponent < 6) {
            return stripped.toPlainString();
        }
        return stripped.movePointLeft(exponent).toPlainString() + "e" + exponent;
    }

    /**
     * A non-finite computed value in words, for messages that must not print NaN or Infinity: "undefined (an
     * indeterminate form such as 0/0)", "overflows to +inf", "overflows to -inf"; a finite value as {@link #prose}.
     */
    public static String nonFinite(double v) {
        if (Double.isNaN(v)) {
            return "undefined (an indeterminate form such as 0/0)";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "overflows to +inf" : "overflows to -inf";
        }
        return prose(v);
    }
}
