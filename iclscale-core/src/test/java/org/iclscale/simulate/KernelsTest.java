package org.iclscale.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KernelsTest {

    /** The four-rows-at-a-time product gives the doubles of one sum per row in the order of j (bit for bit). */
    @Test
    void blockedMatrixVectorProductIsTheRowByRowSum() {
        SplittableRandom rng = new SplittableRandom(17);
        for (int rows : new int[] {1, 3, 4, 7, 64, 201}) {
            for (int cols : new int[] {1, 5, 200}) {
                double[] a = new double[rows * cols];
                double[] v = new double[cols];
                for (int i = 0; i < a.length; i++) {
                    a[i] = rng.nextGaussian();
                }
                for (int j = 0; j < cols; j++) {
                    v[j] = rng.nextGaussian();
                }
                double[] out = Kernels.multiply(a, rows, cols, v);
                for (int i = 0; i < rows; i++) {
                    double s = 0;
                    for (int j = 0; j < cols; j++) {
                        s += a[i * cols + j] * v[j];
                    }
                    assertEquals(s, out[i], 0.0, rows + " x " + cols + ", row " + i);
                }
            }
        }
    }

    /** w += scale·Aᵀr four rows per pass gives the doubles of one pass per row in row order (bit for bit). */
    @Test
    void blockedTransposedProductIsTheRowByRowUpdate() {
        SplittableRandom rng = new SplittableRandom(23);
        for (int rows : new int[] {1, 3, 4, 5, 7, 8, 64, 201}) {
            for (int cols : new int[] {1, 5, 50, 200}) {
                double[] a = new double[rows * cols];
                double[] r = new double[rows];
                double[] w0 = new double[cols];
                for (int i = 0; i < a.length; i++) {
                    a[i] = rng.nextGaussian();
                }
                for (int i = 0; i < rows; i++) {
                    r[i] = rng.nextGaussian();
                }
                for (int j = 0; j < cols; j++) {
                    w0[j] = rng.nextGaussian();
                }
                double scale = 0.37;
                double[] expected = w0.clone();
                for (int i = 0; i < rows; i++) {
                    double ri = scale * r[i];
                    for (int j = 0; j < cols; j++) {
                        expected[j] += a[i * cols + j] * ri;
                    }
                }
                double[] w = w0.clone();
                Kernels.addTransposeTimes(a, rows, cols, r, scale, w);
                for (int j = 0; j < cols; j++) {
                    assertEquals(Double.doubleToRawLongBits(expected[j]), Double.doubleToRawLongBits(w[j]),
                            rows + " x " + cols + ", column " + j);
                }
            }
        }
    }
}
