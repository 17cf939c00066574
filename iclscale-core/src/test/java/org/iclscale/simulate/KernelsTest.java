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
}
