package org.iclscale.theory;

import org.iclscale.core.InvalidInputException;

/**
 * The polynomial of degree n through values at the n + 1 Chebyshev points of the second kind on [lo, hi],
 * x_j = lo + ½(hi − lo)(1 + cos(πj/n)) (descending), in the barycentric form of the second kind with weights
 * (−1)^j halved at both ends (Berrut &amp; Trefethen 2004, eq. 5.2; Lebesgue constant ~ (2/π) ln n): a polynomial of
 * degree ≤ n is reproduced up to the rounding of its sampled values. Immutable.
 */
public final class ChebyshevInterpolant {

    private final double[] points;
    private final double[] values;

    /**
     * @param points the points of {@link #points(double, double, int)}
     * @param values the function at those points
     */
    public ChebyshevInterpolant(double[] points, double[] values) {
        if (points.length < 2 || values.length != points.length) {
            throw new InvalidInputException("values", values.length, "one value per point (at least 2)");
        }
        this.points = points.clone();
        this.values = values.clone();
    }

    /** The n + 1 Chebyshev points of the second kind on [lo, hi], descending: points[0] = hi, points[n] = lo. */
    public static double[] points(double lo, double hi, int degree) {
        if (degree < 1 || !(hi > lo)) {
            throw new InvalidInputException("degree", degree, "an integer >= 1 on an interval lo < hi");
        }
        double[] x = new double[degree + 1];
        for (int j = 0; j <= degree; j++) {
            x[j] = lo + 0.5 * (hi - lo) * (1 + Math.cos(Math.PI * j / degree));
        }
        x[0] = hi;
        x[degree] = lo;
        return x;
    }

    /** Whether x lies in [lo, hi]. */
    public boolean covers(double x) {
        return x >= points[points.length - 1] && x <= points[0];
    }

    /** The interpolant at x (meant for x in [lo, hi]). */
    public double value(double x) {
        double num = 0;
        double den = 0;
        int n = points.length - 1;
        for (int j = 0; j <= n; j++) {
            double diff = x - points[j];
            if (diff == 0) {
                return values[j];
            }
            double w = ((j & 1) == 0 ? 1.0 : -1.0) * (j == 0 || j == n ? 0.5 : 1.0) / diff;
            num += w * values[j];
            den += w;
        }
        return num / den;
    }
}
