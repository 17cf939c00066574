package org.iclscale.deteq;

/**
 * The complex quotient (a + ib)/(c + id) of {@link Cx#divide} (Smith's algorithm: no overflow for large |c + id|)
 * one component at a time on primitive doubles, for loops that must not allocate: each component repeats the
 * operations of {@link Cx#divide}, so it has the same bits.
 */
final class Quotient {

    private Quotient() {
    }

    /** Re[(a + ib)/(c + id)]. */
    static double re(double a, double b, double c, double d) {
        if (Math.abs(c) >= Math.abs(d)) {
            double r = d / c;
            return (a + b * r) / (c + d * r);
        }
        double r = c / d;
        return (a * r + b) / (c * r + d);
    }

    /** Im[(a + ib)/(c + id)]. */
    static double im(double a, double b, double c, double d) {
        if (Math.abs(c) >= Math.abs(d)) {
            double r = d / c;
            return (b - a * r) / (c + d * r);
        }
        double r = c / d;
        return (b * r - a) / (c * r + d);
    }
}
