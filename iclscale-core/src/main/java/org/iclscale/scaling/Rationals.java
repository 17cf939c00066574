package org.iclscale.scaling;

/** Exact rational text for a double that is a short fraction (inputs such as ν = 1.25 → 5/4), for Symja. */
public final class Rationals {

    private Rationals() {
    }

    /** p/q with q ≤ 10⁶ if |x − p/q| ≤ 1e−12·max(1,|x|); otherwise the decimal (Symja then works in floats). */
    public static String toMathematica(double x) {
        for (long q = 1; q <= 1_000_000; q++) {
            double pq = Math.rint(x * q);
            if (Math.abs(x - pq / q) <= 1e-12 * Math.max(1, Math.abs(x))) {
                long p = (long) pq;
                return q == 1 ? Long.toString(p) : "(" + p + "/" + q + ")";
            }
        }
        return Double.toString(x);
    }
}
