package org.iclscale.deteq;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
/**
 * Issue 17 item 5: the n × n × D pair sums of the two-point contour alone, j-vectorised
 * ({@link ContourCircles#pairSums}, fourth pass) against the 2 × 2 register-blocked loop of 6f3856d
 * ({@link LegacyTwoPointContour#formerPairSums}) and the one-pair loop before it (copied from ContourKernelsTest),
 * in process CPU time (all run in parallel), alternating rounds in one JVM, n = 148 nodes (the contour of {@code risk
 * --setting rrs --nu 1.25 --beta 0.75 --alpha 2 --depth 4 --gamma 3}), D = 1600 and 6400. Not a test (no timed
 * unit tests); run: {@code java -cp iclscale-core/target/test-classes:iclscale-core/target/classes
 * org.iclscale.deteq.PairSumsCpuCheck}.
 */
public final class PairSumsCpuCheck {
    static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    static void former(double[] inRe, double[] inIm, double[] outRe, double[] outIm, int n, double[] a, double[] b, ContourCircles.PairSink sink) {
        int dim = a.length;
        IntStream.range(0, n).parallel().forEach(i -> {
            int bi = i * dim;
            for (int j = 0; j < n; j++) {
                int bj = j * dim;
                double nr = 0, ni = 0, dr = 0, di = 0;
                for (int k = 0; k < dim; k++) {
                    double ar = inRe[bi + k]; double ai = inIm[bi + k]; double br = outRe[bj + k]; double bim = outIm[bj + k];
                    double pr = ar * br - ai * bim; double pi = ar * bim + ai * br;
                    nr += a[k] * pr; ni += a[k] * pi; dr += b[k] * pr; di += b[k] * pi;
                }
                sink.at(i, j, nr, ni, dr, di);
            }
        });
    }
    public static void main(String[] args) {
        int n = 148;
        for (int dim : new int[] {1600, 6400}) {
            SplittableRandom r = new SplittableRandom(1);
            double[] inRe = new double[n * dim], inIm = new double[n * dim], outRe = new double[n * dim], outIm = new double[n * dim], a = new double[dim], b = new double[dim];
            for (double[] x : new double[][] {inRe, inIm, outRe, outIm, a, b}) for (int i = 0; i < x.length; i++) x[i] = r.nextDouble();
            double[] t = new double[n * n];
            ContourCircles.PairSink s = (i, j, p, q, u, v) -> t[i * n + j] = p + q + u + v;
            double bf = 1e9, bn = 1e9, bb = 1e9;
            for (int round = 0; round < 6; round++) {
                long c0 = OS.getProcessCpuTime();
                for (int k = 0; k < 3; k++) former(inRe, inIm, outRe, outIm, n, a, b, s);
                long c1 = OS.getProcessCpuTime();
                for (int k = 0; k < 3; k++) ContourCircles.pairSums(inRe, inIm, outRe, outIm, n, a, b, s);
                long c2 = OS.getProcessCpuTime();
                for (int k = 0; k < 3; k++) LegacyTwoPointContour.formerPairSums(inRe, inIm, outRe, outIm, n, a, b, s);
                long c3 = OS.getProcessCpuTime();
                if (round > 0) { bf = Math.min(bf, (c1 - c0) / 3e6); bn = Math.min(bn, (c2 - c1) / 3e6); bb = Math.min(bb, (c3 - c2) / 3e6); }
            }
            if (t[0] == 42) {
                System.out.println();
            }
            System.out.printf(Locale.ROOT, "pair sums, n = %d, D = %d: vectorised %.0f ms, 2x2 blocked (6f3856d) %.0f ms (%.1fx), one-pair %.0f ms CPU (%.1fx)%n", n, dim, bn, bb, bb / bn, bf, bf / bn);
        }
    }
}
