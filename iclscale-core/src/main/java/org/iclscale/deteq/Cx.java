package org.iclscale.deteq;

/** Minimal immutable complex number for the solvers (hot loops use primitive re/im arrays instead). */
public record Cx(double re, double im) {

    public static final Cx ZERO = new Cx(0, 0);
    public static final Cx ONE = new Cx(1, 0);

    static Cx real(double x) {
        return new Cx(x, 0);
    }

    Cx plus(Cx o) {
        return new Cx(re + o.re, im + o.im);
    }

    Cx plus(double x) {
        return new Cx(re + x, im);
    }

    Cx minus(Cx o) {
        return new Cx(re - o.re, im - o.im);
    }

    Cx times(Cx o) {
        return new Cx(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    Cx times(double x) {
        return new Cx(re * x, im * x);
    }

    Cx divide(Cx o) {
        // Smith's algorithm (no overflow for large |o|)
        if (Math.abs(o.re) >= Math.abs(o.im)) {
            double r = o.im / o.re;
            double d = o.re + o.im * r;
            return new Cx((re + im * r) / d, (im - re * r) / d);
        }
        double r = o.re / o.im;
        double d = o.re * r + o.im;
        return new Cx((re * r + im) / d, (im * r - re) / d);
    }

    Cx negate() {
        return new Cx(-re, -im);
    }

    double abs() {
        return Math.hypot(re, im);
    }

    boolean isFinite() {
        return Double.isFinite(re) && Double.isFinite(im);
    }

    /** x^n for integer n ≥ 0 by repeated squaring. */
    Cx pow(long n) {
        Cx result = ONE;
        Cx base = this;
        long e = n;
        while (e > 0) {
            if ((e & 1) == 1) {
                result = result.times(base);
            }
            base = base.times(base);
            e >>= 1;
        }
        return result;
    }

    Cx exp() {
        double m = Math.exp(re);
        return new Cx(m * Math.cos(im), m * Math.sin(im));
    }

    @Override
    public String toString() {
        return re + (im >= 0 ? "+" : "") + im + "i";
    }
}
