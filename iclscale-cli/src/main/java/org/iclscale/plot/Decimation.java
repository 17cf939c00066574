package org.iclscale.plot;

import java.util.Arrays;

/**
 * The drawing rule of {@code plot} for long curves (issue 18: a 10⁶-row CSV took 82 s and 2.7 GB for its SVG and
 * more than 2 minutes for the full set of files). A curve of more than {@link #MAX_DRAWN} points is drawn from at
 * most that many: its first and last point and, in {@code (MAX_DRAWN − 2)/2} buckets of consecutive points (in row
 * order), each bucket's lowest and highest y, in their order. Every extreme of y survives (min–max decimation),
 * on linear and on log axes alike (the logarithm keeps the order), so at screen resolution the picture is the one of
 * all points.
 */
public final class Decimation {

    /** Largest number of points drawn per curve. */
    public static final int MAX_DRAWN = 5000;

    private Decimation() {
    }

    /** {x, y} of the points drawn for the curve (x, y): the curve itself when it has at most {@code max} points. */
    public static double[][] minMax(double[] x, double[] y, int max) {
        int n = x.length;
        if (n <= max || max < 4) {
            return new double[][] {x, y};
        }
        int buckets = (max - 2) / 2;
        int[] keep = new int[2 * buckets + 2];
        int k = 0;
        keep[k++] = 0;
        long inner = n - 2L;
        for (int b = 0; b < buckets; b++) {
            int from = (int) (1 + b * inner / buckets);
            int to = (int) (1 + (b + 1) * inner / buckets);
            int lo = -1;
            int hi = -1;
            for (int i = from; i < to; i++) {
                if (Double.isNaN(y[i])) {
                    continue;
                }
                if (lo < 0 || y[i] < y[lo]) {
                    lo = i;
                }
                if (hi < 0 || y[i] > y[hi]) {
                    hi = i;
                }
            }
            if (lo < 0) {
                continue; // no number in the bucket: nothing to draw there
            }
            keep[k++] = Math.min(lo, hi);
            if (hi != lo) {
                keep[k++] = Math.max(lo, hi);
            }
        }
        keep[k++] = n - 1;
        int[] idx = Arrays.copyOf(keep, k);
        double[] xs = new double[k];
        double[] ys = new double[k];
        for (int i = 0; i < k; i++) {
            xs[i] = x[idx[i]];
            ys[i] = y[idx[i]];
        }
        return new double[][] {xs, ys};
    }
}
