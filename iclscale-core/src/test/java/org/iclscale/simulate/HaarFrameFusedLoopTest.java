package org.iclscale.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link StructuredSimulator#haarFrame}'s fused update/dot-product pass gives the same doubles as the former loops
 * (kept verbatim below): an update loop, then a dot-product loop, per projection.
 */
class HaarFrameFusedLoopTest {

    /** The former StructuredSimulator.haarFrame, verbatim. */
    static double[] legacyHaarFrame(SplittableRandom rng, int d, int n) {
        double[] u = new double[d * n];
        for (int i = 0; i < u.length; i++) {
            u[i] = rng.nextGaussian();
        }
        for (int j = 0; j < n; j++) {
            int bj = j * d;
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < j; i++) {
                    int bi = i * d;
                    double dot = 0;
                    for (int k = 0; k < d; k++) {
                        dot += u[bi + k] * u[bj + k];
                    }
                    for (int k = 0; k < d; k++) {
                        u[bj + k] -= dot * u[bi + k];
                    }
                }
            }
            double norm = 0;
            for (int k = 0; k < d; k++) {
                norm += u[bj + k] * u[bj + k];
            }
            norm = Math.sqrt(norm);
            for (int k = 0; k < d; k++) {
                u[bj + k] /= norm;
            }
        }
        return u;
    }

    @Test
    void sameDoublesAsTheFormerLoops() {
        int[][] shapes = {{2, 1}, {5, 2}, {7, 3}, {64, 8}, {64, 32}, {180, 64}, {40, 39}};
        for (int[] s : shapes) {
            for (int t = 0; t < 5; t++) {
                assertArrayEquals(legacyHaarFrame(Seeds.forTrial(17, t), s[0], s[1]),
                        StructuredSimulator.haarFrame(Seeds.forTrial(17, t), s[0], s[1]), 0.0, "D = " + s[0] + ", N = " + s[1]);
            }
        }
    }
}
