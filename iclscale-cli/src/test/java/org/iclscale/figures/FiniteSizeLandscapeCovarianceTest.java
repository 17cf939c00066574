package org.iclscale.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link FiniteSizeLandscape#sampleCovariance} gives the same doubles as the former loop (kept verbatim below), which
 * added each row's products into the matrix: ISO and a power-law Λ, square and wide contexts.
 */
class FiniteSizeLandscapeCovarianceTest {

    /** The former construction of Σ̂ in FiniteSizeLandscape.sample. */
    private static double[][] former(SplittableRandom rng, double[] lambda, int dim, int contextLength) {
        double[][] cov = new double[dim][dim];
        double[] x = new double[dim];
        for (int i = 0; i < contextLength; i++) {
            for (int j = 0; j < dim; j++) {
                x[j] = rng.nextGaussian() * (lambda == null ? 1 : Math.sqrt(lambda[j]));
            }
            for (int a = 0; a < dim; a++) {
                for (int b = 0; b <= a; b++) {
                    cov[a][b] += x[a] * x[b];
                }
            }
        }
        for (int a = 0; a < dim; a++) {
            for (int b = 0; b <= a; b++) {
                cov[a][b] /= contextLength;
                cov[b][a] = cov[a][b];
            }
        }
        return cov;
    }

    @Test
    void sameDoublesAsTheFormerLoop() {
        int[][] sizes = {{8, 8}, {16, 64}, {80, 256}, {33, 5}};
        for (int[] size : sizes) {
            int d = size[0];
            double[] lambda = new double[d];
            for (int k = 0; k < d; k++) {
                lambda[k] = Math.pow(k + 1, -1.5);
            }
            for (double[] l : new double[][] {null, lambda}) {
                for (long seed = 1; seed <= 3; seed++) {
                    double[][] want = former(new SplittableRandom(seed), l, d, size[1]);
                    double[][] got = FiniteSizeLandscape.sampleCovariance(new SplittableRandom(seed), l, d, size[1]);
                    for (int a = 0; a < d; a++) {
                        for (int b = 0; b < d; b++) {
                            assertEquals(Double.doubleToRawLongBits(want[a][b]), Double.doubleToRawLongBits(got[a][b]),
                                    "D = " + d + ", P = " + size[1] + ", entry " + a + "," + b);
                        }
                    }
                }
            }
        }
    }
}
