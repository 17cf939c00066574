package org.iclscale.check;

/**
 * One source's value at one point: a real number with its standard error (0 for exact formulas and quadrature), or
 * the reason there is none ("not a real number: 0.3 + 1.2 I").
 */
public record Sample(double value, double standardError, String failure) {

    public Sample {
        if (failure == null && !Double.isFinite(value)) {
            failure = "not a finite number: " + org.iclscale.core.Numbers.nonFinite(value);
        }
        if (!(standardError >= 0) || Double.isInfinite(standardError)) {
            throw new IllegalArgumentException("standard error must be finite and >= 0: " + standardError);
        }
    }

    /** An exact (or machine-precision) value. */
    public static Sample real(double value) {
        return new Sample(value, 0, null);
    }

    /** A value with a standard error (Monte Carlo). */
    public static Sample real(double value, double standardError) {
        return new Sample(value, standardError, null);
    }

    /** No real value here, with the reason. */
    public static Sample notReal(String why) {
        return new Sample(Double.NaN, 0, why == null ? "no value" : why);
    }

    public boolean isReal() {
        return failure == null;
    }
}
