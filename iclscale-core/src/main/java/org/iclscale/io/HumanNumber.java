package org.iclscale.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The human-readable number of the table writer: 10 significant digits, trailing zeros dropped, scientific
 * notation {@code 1.2345e-5} below 10⁻⁴ and from 10¹⁰ on. Output is identical to the former
 * {@code String.format("%.10g")} + regex route (checked on random and edge values in the tests), at a fraction of
 * its cost: Java's {@code %g} rounds the shortest decimal representation ({@link Double#toString}) half-up, which
 * is exactly {@code new BigDecimal(Double.toString(d)).round(10 digits, HALF_UP)}; the %g choice between fixed and
 * scientific notation uses the exponent after rounding.
 */
public final class HumanNumber {

    private static final MathContext TEN_DIGITS = new MathContext(10, RoundingMode.HALF_UP);

    private HumanNumber() {
    }

    /** d with 10 significant digits (d finite and not an integer below 10¹² — those are handled by the caller). */
    public static String format(double d) {
        if (!Double.isFinite(d)) {
            return String.valueOf(d);
        }
        BigDecimal r = new BigDecimal(Double.toString(d)).round(TEN_DIGITS);
        int exponent = r.precision() - r.scale() - 1; // of the leading digit, after rounding (as %g)
        BigDecimal stripped = r.stripTrailingZeros();
        if (exponent >= -4 && exponent < 10) {
            return stripped.toPlainString();
        }
        String digits = stripped.unscaledValue().abs().toString();
        StringBuilder sb = new StringBuilder(digits.length() + 8);
        if (d < 0) {
            sb.append('-');
        }
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        return sb.append('e').append(exponent).toString();
    }

    /**
     * {@code String.format(Locale.ROOT, "%." + digits + "g", d)} for finite d, without the Formatter (a sweep formats
     * the diagnostics of every point: issue 17 goal 2): the shortest decimal ({@link Double#toString}) rounded
     * half-up to {@code digits} significant digits, fixed notation when the rounded magnitude m has
     * 10⁻⁴ ≤ m &lt; 10^digits, else d.ddde±XX (at least two exponent digits); zero is 0.00… (Java's %g). Checked
     * against String.format in HumanNumberTest.
     */
    public static String general(double d, int digits) {
        if (!Double.isFinite(d) || digits < 1) {
            return String.format(java.util.Locale.ROOT, "%." + digits + "g", d);
        }
        boolean negative = Double.compare(d, 0.0) < 0; // -0.0 prints as -0.00 (Formatter's sign test)
        StringBuilder sb = new StringBuilder(digits + 8);
        if (negative) {
            sb.append('-');
        }
        if (d == 0) {
            sb.append('0');
            if (digits > 1) {
                sb.append('.').append("0".repeat(digits - 1));
            }
            return sb.toString();
        }
        BigDecimal r = new BigDecimal(Double.toString(Math.abs(d))).round(new MathContext(digits, RoundingMode.HALF_UP));
        int exponent = r.precision() - r.scale() - 1; // of the leading digit, after rounding
        if (exponent >= -4 && exponent < digits) {
            return sb.append(r.setScale(digits - 1 - exponent, RoundingMode.UNNECESSARY).toPlainString()).toString();
        }
        String unscaled = r.unscaledValue().toString();
        StringBuilder mantissa = new StringBuilder(unscaled.length() > digits ? unscaled.substring(0, digits) : unscaled);
        while (mantissa.length() < digits) {
            mantissa.append('0');
        }
        sb.append(mantissa.charAt(0));
        if (digits > 1) {
            sb.append('.').append(mantissa, 1, digits);
        }
        sb.append(exponent < 0 ? "e-" : "e+");
        int e = Math.abs(exponent);
        if (e < 10) {
            sb.append('0');
        }
        return sb.append(e).toString();
    }

    /** Below this magnitude every n + ½ is a double, so {@link #integral} can round the value itself. */
    private static final double INTEGRAL_EXACT_BELOW = 0x1p52;

    /**
     * {@code String.format(Locale.ROOT, "%.0f", d)} without the Formatter (a sweep's notes, issue 17 goal 2): the
     * Formatter rounds the shortest decimal of |d| half-up; below 2⁵² a tie n + ½ is itself a double, so the shortest
     * decimal is on the same side of it as |d| and that equals {@link Math#round} of |d|; the sign as the Formatter's
     * (−0.0 and −0.4 give "-0"). Other values go to the Formatter. Checked against String.format in HumanNumberTest.
     */
    public static String integral(double d) {
        if (!(Math.abs(d) < INTEGRAL_EXACT_BELOW)) {
            return String.format(java.util.Locale.ROOT, "%.0f", d);
        }
        long r = Math.round(Math.abs(d));
        return Double.compare(d, 0.0) < 0 ? "-" + r : Long.toString(r);
    }
}
