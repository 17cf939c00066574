package org.iclscale.simulate;

/** Dense matrix–vector kernels on row-major arrays (the only linear algebra the simulators need), and the mean. */
final class Kernels {

    private Kernels() {
    }

    /** The arithmetic mean (sequential sum / n). */
    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** y = A v for A (rows × cols, row-major). */
    static double[] multiply(double[] a, int rows, int cols, double[] v) {
        double[] y = new double[rows];
        multiplyInto(a, rows, cols, v, y);
        return y;
    }

    /**
     * out = A v, four rows at a time: four independent sums (each over j in order, so the same doubles as one row at
     * a time) keep the adder busy where one sum waits on its own latency.
     */
    static void multiplyInto(double[] a, int rows, int cols, double[] v, double[] out) {
        int i = 0;
        for (; i + 3 < rows; i += 4) {
            int b0 = i * cols;
            int b1 = b0 + cols;
            int b2 = b1 + cols;
            int b3 = b2 + cols;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int j = 0; j < cols; j++) {
                double vj = v[j];
                s0 += a[b0 + j] * vj;
                s1 += a[b1 + j] * vj;
                s2 += a[b2 + j] * vj;
                s3 += a[b3 + j] * vj;
            }
            out[i] = s0;
            out[i + 1] = s1;
            out[i + 2] = s2;
            out[i + 3] = s3;
        }
        for (; i < rows; i++) {
            double s = 0;
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                s += a[base + j] * v[j];
            }
            out[i] = s;
        }
    }

    /**
     * w += scale · Aᵀ r, four rows per pass over w: w_j gains a_0j·s_0, a_1j·s_1, a_2j·s_2, a_3j·s_3 in that order
     * (s_i = scale·r_i), the very additions of four one-row passes, since each w_j is updated on its own; one load and
     * store of w_j per four products instead of per product (issue 17, cold run: the client compiler keeps them).
     */
    static void addTransposeTimes(double[] a, int rows, int cols, double[] r, double scale, double[] w) {
        int i = 0;
        for (; i + 3 < rows; i += 4) {
            double s0 = scale * r[i];
            double s1 = scale * r[i + 1];
            double s2 = scale * r[i + 2];
            double s3 = scale * r[i + 3];
            int b0 = i * cols;
            int b1 = b0 + cols;
            int b2 = b1 + cols;
            int b3 = b2 + cols;
            for (int j = 0; j < cols; j++) {
                double v = w[j];
                v += a[b0 + j] * s0;
                v += a[b1 + j] * s1;
                v += a[b2 + j] * s2;
                v += a[b3 + j] * s3;
                w[j] = v;
            }
        }
        for (; i < rows; i++) {
            double ri = scale * r[i];
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                w[j] += a[base + j] * ri;
            }
        }
    }

    /** y = Aᵀ v for A (rows × cols, row-major): a vector of length cols. */
    static double[] multiplyTransposed(double[] a, int rows, int cols, double[] v) {
        double[] y = new double[cols];
        addTransposeTimes(a, rows, cols, v, 1.0, y);
        return y;
    }

    /** w += c·g, element by element (w_k + c·g_k). */
    static void addScaled(double c, double[] g, double[] w) {
        for (int k = 0; k < w.length; k++) {
            w[k] += c * g[k];
        }
    }

    /** r ← y − r, element by element (the residual y − Xw from r = Xw). */
    static void subtractFrom(double[] y, double[] r) {
        for (int i = 0; i < r.length; i++) {
            r[i] = y[i] - r[i];
        }
    }
}
