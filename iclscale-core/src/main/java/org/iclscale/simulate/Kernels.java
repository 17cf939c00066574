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

    static void multiplyInto(double[] a, int rows, int cols, double[] v, double[] out) {
        for (int i = 0; i < rows; i++) {
            double s = 0;
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                s += a[base + j] * v[j];
            }
            out[i] = s;
        }
    }

    /** w += scale · Aᵀ r. */
    static void addTransposeTimes(double[] a, int rows, int cols, double[] r, double scale, double[] w) {
        for (int i = 0; i < rows; i++) {
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
}
