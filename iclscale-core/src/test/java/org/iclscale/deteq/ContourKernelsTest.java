package org.iclscale.deteq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.iclscale.core.Depth;
import org.junit.jupiter.api.Test;

/**
 * The contour kernels of issue 17 item 5 against the former code, kept here verbatim: the register-blocked
 * {@link ContourCircles#pairSums} and the primitive {@link PolynomialFilter#weighted} give the same bits as the
 * one-pair loop and the {@link Cx} route; the closed-form circle maximum equals the former 64-sample scan (which
 * contained both real crossings) and picks the same contour levels.
 */
class ContourKernelsTest {

    @Test
    void blockedPairSumsAreBitIdenticalToTheOnePairLoop() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int[] nd : new int[][] {{1, 3}, {2, 1}, {7, 33}, {96, 200}, {97, 64}, {5, 131}, {6, 257}}) {
            int n = nd[0];
            int dim = nd[1];
            double[] inRe = random(rng, n * dim);
            double[] inIm = random(rng, n * dim);
            double[] outRe = random(rng, n * dim);
            double[] outIm = random(rng, n * dim);
            double[] a = random(rng, dim);
            double[] b = random(rng, dim);
            double[] got = new double[4 * n * n];
            int[] calls = new int[n * n];
            ContourCircles.pairSums(inRe, inIm, outRe, outIm, n, a, b, (i, j, nr, ni, dr, di) -> {
                int o = 4 * (i * n + j);
                got[o] = nr;
                got[o + 1] = ni;
                got[o + 2] = dr;
                got[o + 3] = di;
                calls[i * n + j]++;
            });
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(1, calls[i * n + j], "pair " + i + "," + j + " handed over once");
                    // the former loop (ContourCircles.pairSums before issue 17)
                    double nr = 0;
                    double ni = 0;
                    double dr = 0;
                    double di = 0;
                    for (int k = 0; k < dim; k++) {
                        double ar = inRe[i * dim + k];
                        double ai = inIm[i * dim + k];
                        double br = outRe[j * dim + k];
                        double bim = outIm[j * dim + k];
                        double pr = ar * br - ai * bim;
                        double pi = ar * bim + ai * br;
                        nr += a[k] * pr;
                        ni += a[k] * pi;
                        dr += b[k] * pr;
                        di += b[k] * pi;
                    }
                    int o = 4 * (i * n + j);
                    assertEquals(nr, got[o], 0.0);
                    assertEquals(ni, got[o + 1], 0.0);
                    assertEquals(dr, got[o + 2], 0.0);
                    assertEquals(di, got[o + 3], 0.0);
                }
            }
        }
    }

    @Test
    void primitiveFilterIsBitIdenticalToTheComplexRoute() {
        SplittableRandom rng = new SplittableRandom(6);
        int n = 50;
        double[] wRe = random(rng, n);
        double[] wIm = random(rng, n);
        double[] dwRe = random(rng, n);
        double[] dwIm = random(rng, n);
        for (Depth depth : new Depth[] {Depth.of(1), Depth.of(2), Depth.of(7), Depth.of(64), Depth.of(1001),
                Depth.INFINITE}) {
            PolynomialFilter filter = new PolynomialFilter(2.7, depth);
            for (boolean derivative : new boolean[] {false, true}) {
                double[] re = new double[n];
                double[] im = new double[n];
                filter.weighted(wRe, wIm, dwRe, dwIm, derivative, re, im);
                for (int i = 0; i < n; i++) {
                    Cx w = new Cx(wRe[i], wIm[i]);
                    Cx v = (derivative ? filter.dfdGamma(w) : filter.f(w)).times(new Cx(dwRe[i], dwIm[i]));
                    assertEquals(v.re(), re[i], 0.0, depth + " " + derivative);
                    assertEquals(v.im(), im[i], 0.0, depth + " " + derivative);
                }
            }
        }
    }

    @Test
    void closedFormCircleMaximumEqualsTheFormerScanAndPicksTheSameLevels() {
        int differentLevels = 0;
        int checked = 0;
        for (double bound : new double[] {0.3, 1, 4.5}) {
            for (Depth depth : new Depth[] {Depth.of(1), Depth.of(3), Depth.of(16), Depth.of(200), Depth.INFINITE}) {
                for (double gamma = 0.05; gamma < 400; gamma *= 1.37) {
                    PolynomialFilter filter = new PolynomialFilter(gamma, depth);
                    for (int level = 0; level <= TwoPointContour.MAX_LEVEL; level++) {
                        double m = ContourCircles.margin(bound, level);
                        for (double margin : new double[] {m, 2 * m}) {
                            double scanned = formerMaxAbs(filter, bound, margin);
                            double closed = filter.maxAbsOnCircle(bound / 2, bound / 2 + margin);
                            if (Double.isFinite(scanned) && scanned < 1e300) {
                                double ulps = depth.infinite() ? 64 : 64 + 4.0 * depth.steps();
                                assertEquals(scanned, closed, ulps * Math.ulp(scanned),
                                        "bound " + bound + " L " + depth + " gamma " + gamma + " margin " + margin);
                            }
                        }
                    }
                    checked++;
                    if (ContourCircles.level(filter, bound) != formerLevel(filter, bound)) {
                        differentLevels++;
                    }
                }
            }
        }
        assertTrue(checked > 300, "cases " + checked);
        assertEquals(0, differentLevels, "level decisions that changed");
    }

    /** The former ContourCircles.maxAbs: 64 samples, θ = 2πi/64 (θ = 0 and π are the real crossings). */
    private static double formerMaxAbs(PolynomialFilter filter, double bound, double margin) {
        double xc = bound / 2;
        double radius = bound / 2 + margin;
        double m = 0;
        for (int i = 0; i < 64; i++) {
            double th = 2 * Math.PI * i / 64;
            m = Math.max(m, filter.f(new Cx(xc + radius * Math.cos(th), radius * Math.sin(th))).abs());
        }
        return m;
    }

    private static int formerLevel(PolynomialFilter filter, double bound) {
        for (int level = 0; level <= TwoPointContour.MAX_LEVEL; level++) {
            double m = ContourCircles.margin(bound, level);
            if (formerMaxAbs(filter, bound, m) * formerMaxAbs(filter, bound, 2 * m) <= TwoPointContour.MAX_GROWTH) {
                return level;
            }
        }
        return -1;
    }

    private static double[] random(SplittableRandom rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextDouble(-1, 1);
        }
        return v;
    }
}
