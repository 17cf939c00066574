package org.iclscale.deteq;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
/**
 * Issue 17 item 5, eighth pass: the routes tried for {@link ContourCircles#pairSums}, each a full copy of its
 * tiling with another inner loop, in process CPU time, alternating rounds in one JVM, best of 5 rounds of
 * {@code -Dreps} calls (the process clock ticks in 10 ms). "plain" is the one-k loop of main 3583e2d, "plain2" the
 * pairs of k now in {@link ContourCircles} (bit-identical), "plain3"/"plain4" three and four k per pass
 * (bit-identical, but their bodies exceed C2's LoopUnrollLimit = 60 and run scalar unless the JVM gets
 * {@code -XX:LoopUnrollLimit=250}), "fma*" the same with {@code Math.fma} (fewer roundings: not the former bits),
 * "fold*" a_k, b_k folded into the inner node first (the real-GEMM form; "fold2" does not vectorise). "main" is
 * {@link ContourCircles#pairSums} itself; dev is the largest relative change from it (on sums that cancel: the
 * real parts are random walks around 0, so only 0 means anything). Not a test. Run: {@code java -cp
 * iclscale-core/target/test-classes:iclscale-core/target/classes org.iclscale.deteq.PairSumsVariantsCheck D ROWS
 * TILE NAME...}, e.g. {@code 6400 4 128 main plain plain2 fma2}.
 */
public final class PairSumsVariantsCheck {
    static int PAD = 1;
    static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    static void plain3(double[] inRe, double[] inIm, double[] outRe, double[] outIm, int n, double[] a, double[] b,
            ContourCircles.PairSink sink, int ROWS, int TILE) {
        int dim = a.length;
        int lanes = (2 * n + PAD - 1) / PAD * PAD;
        double[][] column = new double[Math.min(TILE, dim)][lanes];
        double[][] turned = new double[Math.min(TILE, dim)][lanes];
        int blocks = (n + ROWS - 1) / ROWS;
        double[][][] num = new double[blocks][][];
        double[][][] den = new double[blocks][][];
        for (int block = 0; block < blocks; block++) {
            int rows = Math.min(ROWS, n - block * ROWS);
            num[block] = new double[rows][lanes];
            den[block] = new double[rows][lanes];
        }
        for (int k0 = 0; k0 < dim; k0 += TILE) {
            int from = k0;
            int to = Math.min(dim, k0 + TILE);
            for (int j = 0; j < n; j++) {
                int c = j * dim;
                for (int k = from; k < to; k++) {
                    column[k - from][2 * j] = outRe[c + k];
                    column[k - from][2 * j + 1] = outIm[c + k];
                    turned[k - from][2 * j] = -outIm[c + k];
                    turned[k - from][2 * j + 1] = outRe[c + k];
                }
            }
            IntStream.range(0, blocks).parallel().forEach(block -> {
                int i0 = block * ROWS;
                double[][] nb = num[block];
                double[][] db = den[block];
                int k = from;
                for (; k + 2 < to; k += 3) {
                    double[] c0 = column[k - from], t0 = turned[k - from], c1 = column[k + 1 - from], t1 = turned[k + 1 - from];
                    double[] c2 = column[k + 2 - from], t2 = turned[k + 2 - from];
                    for (int q = 0; q < nb.length; q++) {
                        int at = (i0 + q) * dim + k;
                        accPlain3(c0, t0, c1, t1, c2, t2, inRe, inIm, at, a, b, k, nb[q], db[q]);
                    }
                }
                for (; k < to; k++) {
                    double[] ck = column[k - from];
                    double[] tk = turned[k - from];
                    for (int q = 0; q < nb.length; q++) {
                        int at = (i0 + q) * dim + k;
                        accPlain(ck, tk, inRe[at], inIm[at], a[k], b[k], nb[q], db[q]);
                    }
                }
            });
        }
        IntStream.range(0, blocks).parallel().forEach(block -> {
            int i0 = block * ROWS;
            for (int q = 0; q < num[block].length; q++) {
                double[] nq = num[block][q];
                double[] dq = den[block][q];
                for (int j = 0; j < n; j++) {
                    sink.at(i0 + q, j, nq[2 * j], nq[2 * j + 1], dq[2 * j], dq[2 * j + 1]);
                }
            }
        });
    }

    static void fma3(double[] inRe, double[] inIm, double[] outRe, double[] outIm, int n, double[] a, double[] b,
            ContourCircles.PairSink sink, int ROWS, int TILE) {
        int dim = a.length;
        int lanes = (2 * n + PAD - 1) / PAD * PAD;
        double[][] column = new double[Math.min(TILE, dim)][lanes];
        double[][] turned = new double[Math.min(TILE, dim)][lanes];
        int blocks = (n + ROWS - 1) / ROWS;
        double[][][] num = new double[blocks][][];
        double[][][] den = new double[blocks][][];
        for (int block = 0; block < blocks; block++) {
            int rows = Math.min(ROWS, n - block * ROWS);
            num[block] = new double[rows][lanes];
            den[block] = new double[rows][lanes];
        }
        for (int k0 = 0; k0 < dim; k0 += TILE) {
            int from = k0;
            int to = Math.min(dim, k0 + TILE);
            for (int j = 0; j < n; j++) {
                int c = j * dim;
                for (int k = from; k < to; k++) {
                    column[k - from][2 * j] = outRe[c + k];
                    column[k - from][2 * j + 1] = outIm[c + k];
                    turned[k - from][2 * j] = -outIm[c + k];
                    turned[k - from][2 * j + 1] = outRe[c + k];
                }
            }
            IntStream.range(0, blocks).parallel().forEach(block -> {
                int i0 = block * ROWS;
                double[][] nb = num[block];
                double[][] db = den[block];
                int k = from;
                for (; k + 2 < to; k += 3) {
                    double[] c0 = column[k - from], t0 = turned[k - from], c1 = column[k + 1 - from], t1 = turned[k + 1 - from];
                    double[] c2 = column[k + 2 - from], t2 = turned[k + 2 - from];
                    for (int q = 0; q < nb.length; q++) {
                        int at = (i0 + q) * dim + k;
                        accFma3(c0, t0, c1, t1, c2, t2, inRe, inIm, at, a, b, k, nb[q], db[q]);
                    }
                }
                for (; k < to; k++) {
                    double[] ck = column[k - from];
                    double[] tk = turned[k - from];
                    for (int q = 0; q < nb.length; q++) {
                        int at = (i0 + q) * dim + k;
                        accFma(ck, tk, inRe[at], inIm[at], a[k], b[k], nb[q], db[q]);
                    }
                }
            });
        }
        IntStream.range(0, blocks).parallel().forEach(block -> {
            int i0 = block * ROWS;
            for (int q = 0; q < num[block].length; q++) {
                double[] nq = num[block][q];
                double[] dq = den[block][q];
                for (int j = 0; j < n; j++) {
                    sink.at(i0 + q, j, nq[2 * j], nq[2 * j + 1], dq[2 * j], dq[2 * j + 1]);
                }
            }
        });
    }

    static void plain4(double[] inRe, double[] inIm, double[] outRe, double[] outIm, int n, double[] a, double[] b,
            ContourCircles.PairSink sink, int ROWS, int TILE) {
        int dim = a.length;
        int lanes = (2 * n + PAD - 1) / PAD * PAD;
        double[][] column = new double[Math.min(TILE, dim)][lanes];
        double[][] turned = new double[Math.min(TILE, dim)][lanes];
        int blocks = (n + ROWS - 1) / ROWS;
        double[][][] num = new double[blocks][][];
        double[][][] den = new double[blocks][][];
        for (int block = 0; block < blocks; block++) {
            int rows = Math.min(ROWS, n - block * ROWS);
            num[block] = new double[rows][lanes];
            den[block] = new double[rows][lanes];
        }
        for (int k0 = 0; k0 < dim; k0 += TILE) {
            int from = k0;
            int to = Math.min(dim, k0 + TILE);
            for (int j = 0; j < n; j++) {
                int c = j * dim;
                for (int k = from; k < to; k++) {
                    column[k - from][2 * j] = outRe[c + k];
                    column[k - from][2 * j + 1] = outIm[c + k];
                    turned[k - from][2 * j] = -outIm[c + k];
                    turned[k - from][2 * j + 1] = outRe[c + k];
                }
            }
            IntStream.range(0, blocks).parallel().forEach(block -> {
                int i0 = block * ROWS;
                double[][] nb = num[block];
                double[][] db = den[block];
                int k = from;
                for (; k + 3 < to; k += 4) {
                    double[] c0 = column[k - from], t0 = turned[k - from], c1 = column[k + 1 - from], t1 = turned[k + 1 - from];
                    double[] c2 = column[k + 2 - from], t2 = turned[k + 2 - from], c3 = column[k + 3 - from], t3 = turned[k + 3 - from];
                    for (int q = 0; q < nb.length; q++) {
                        int at = (i0 + q) * dim + k;
                        accPlain4(c0, t0, c1, t1, c2, t2, c3, t3, inRe, inIm, at, a, b, k, nb[q], db[q]);
                    }
                }
                for (; k < to; k++) {
                    double[] ck = column[k - from];
                    double[] tk = turned[k - from];
                    for (int q = 0; q < nb.length; q++) {
                        int at = (i0 + q) * dim + k;
                        accPlain(ck, tk, inRe[at], inIm[at], a[k], b[k], nb[q], db[q]);
                    }
                }
            });
        }
        IntStream.range(0, blocks).parallel().forEach(block -> {
            int i0 = block * ROWS;
            for (int q = 0; q < num[block].length; q++) {
                double[] nq = num[block][q];
                double[] dq = den[block][q];
                for (int j = 0; j < n; j++) {
                    sink.at(i0 + q, j, nq[2 * j], nq[2 * j + 1], dq[2 * j], dq[2 * j + 1]);
                }
            }
        });
    }

    static void fma4(double[] inRe, double[] inIm, double[] outRe, double[] outIm, int n, double[] a, double[] b,
            ContourCircles.PairSink sink, int ROWS, int TILE) {
        int dim = a.length;
        int lanes = (2 * n + PAD - 1) / PAD * PAD;
        double[][] column = new double[Math.min(TILE, dim)][lanes];
        double[][] turned = new double[Math.min(TILE, dim)][lanes];
        int blocks = (n + ROWS - 1) / ROWS;
        double[][][] num = new double[blocks][][];
        double[][][] den = new double[blocks][][];
        for (int block = 0; block < blocks; block++) {
            int rows = Math.min(ROWS, n - block * ROWS);
            num[block] = new double[rows][lanes];
            den[block] = new double[rows][lanes];
        }
        for (int k0 = 0; k0 < dim; k0 += TILE) {
            int from = k0;
            int to = Math.min(dim, k0 + TILE);
            for (int j = 0; j < n; j++) {
                int c = j * dim;
                for (int k = from; k < to; k++) {
                    column[k - from][2 * j] = outRe[c + k];
                    column[k - from][2 * j + 1] = outIm[c + k];
                    turned[k - from][2 * j] = -outIm[c + k];
                    turned[k - from][2 * j + 1] = outRe[c + k];
                }
            }
            IntStream.range(0, blocks).parallel().forEach(block -> {
                int i0 = block * ROWS;
                double[][] nb = num[block];
                double[][] db = den[block];
                int k = from;
                for (; k + 3 < to; k += 4) {
                    double[] c0 = column[k - from], t0 = turned[k - from], c1 = column[k + 1 - from], t1 = turned[k + 1 - from];
                    double[] c2 = column[k + 2 - from], t2 = turned[k + 2 - from], c3 = column[k + 3 - from], t3 = turned[k + 3 - from];
                    for (int q = 0; q < nb.length; q++) {
                        int at = (i0 + q) * dim + k;
                        accFma4(c0, t0, c1, t1, c2, t2, c3, t3, inRe, inIm, at, a, b, k, nb[q], db[q]);
                    }
                }
                for (; k < to; k++) {
                    double[] ck = column[k - from];
                    double[] tk = turned[k - from];
                    for (int q = 0; q < nb.length; q++) {
                        int at = (i0 + q) * dim + k;
                        accFma(ck, tk, inRe[at], inIm[at], a[k], b[k], nb[q], db[q]);
                    }
                }
            });
        }
        IntStream.range(0, blocks).parallel().forEach(block -> {
            int i0 = block * ROWS;
            for (int q = 0; q < num[block].length; q++) {
                double[] nq = num[block][q];
                double[] dq = den[block][q];
                for (int j = 0; j < n; j++) {
                    sink.at(i0 + q, j, nq[2 * j], nq[2 * j + 1], dq[2 * j], dq[2 * j + 1]);
                }
            }
        });
    }

    static void plain(double[] inRe, double[] inIm, double[] outRe, double[] outIm, int n, double[] a, double[] b,
            ContourCircles.PairSink sink, int ROWS, int TILE) {
        int dim = a.length;
        int lanes = (2 * n + PAD - 1) / PAD * PAD;
        double[][] column = new double[Math.min(TILE, dim)][lanes];
        double[][] turned = new double[Math.min(TILE, dim)][lanes];
        int blocks = (n + ROWS - 1) / ROWS;
        double[][][] num = new double[blocks][][];
        double[][][] den = new double[blocks][][];
        for (int block = 0; block < blocks; block++) {
            int rows = Math.min(ROWS, n - block * ROWS);
            num[block] = new double[rows][lanes];
            den[block] = new double[rows][lanes];
        }
        for (int k0 = 0; k0 < dim; k0 += TILE) {
            int from = k0;
            int to = Math.min(dim, k0 + TILE);
            for (int j = 0; j < n; j++) {
                int c = j * dim;
                for (int k = from; k < to; k++) {
                    column[k - from][2 * j] = outRe[c + k];
                    column[k - from][2 * j + 1] = outIm[c + k];
                    turned[k - from][2 * j] = -outIm[c + k];
                    turned[k - from][2 * j + 1] = outRe[c + k];
                }
            }
            IntStream.range(0, blocks).parallel().forEach(block -> {
                int i0 = block * ROWS;
                double[][] nb = num[block];
                double[][] db = den[block];
                for (int k = from; k < to; k++) {
                    double[] ck = column[k - from];
                    double[] tk = turned[k - from];
                    for (int q = 0; q < nb.length; q++) {
                        int at = (i0 + q) * dim + k;
                        accPlain(ck, tk, inRe[at], inIm[at], a[k], b[k], nb[q], db[q]);
                    }
                }
            });
        }
        IntStream.range(0, blocks).parallel().forEach(block -> {
            int i0 = block * ROWS;
            for (int q = 0; q < num[block].length; q++) {
                double[] nq = num[block][q];
                double[] dq = den[block][q];
                for (int j = 0; j < n; j++) {
                    sink.at(i0 + q, j, nq[2 * j], nq[2 * j + 1], dq[2 * j], dq[2 * j + 1]);
                }
            }
        });
    }

    static void fma(double[] inRe, double[] inIm, double[] outRe, double[] outIm, int n, double[] a, double[] b,
            ContourCircles.PairSink sink, int ROWS, int TILE) {
        int dim = a.length;
        int lanes = (2 * n + PAD - 1) / PAD * PAD;
        double[][] column = new double[Math.min(TILE, dim)][lanes];
        double[][] turned = new double[Math.min(TILE, dim)][lanes];
        int blocks = (n + ROWS - 1) / ROWS;
        double[][][] num = new double[blocks][][];
        double[][][] den = new double[blocks][][];
        for (int block = 0; block < blocks; block++) {
            int rows = Math.min(ROWS, n - block * ROWS);
            num[block] = new double[rows][lanes];
            den[block] = new double[rows][lanes];
        }
        for (int k0 = 0; k0 < dim; k0 += TILE) {
            int from = k0;
            int to = Math.min(dim, k0 + TILE);
            for (int j = 0; j < n; j++) {
                int c = j * dim;
                for (int k = from; k < to; k++) {
                    column[k - from][2 * j] = outRe[c + k];
                    column[k - from][2 * j + 1] = outIm[c + k];
                    turned[k - from][2 * j] = -outIm[c + k];
                    turned[k - from][2 * j + 1] = outRe[c + k];
                }
            }
            IntStream.range(0, blocks).parallel().forEach(block -> {
                int i0 = block * ROWS;
                double[][] nb = num[block];
                double[][] db = den[block];
                for (int k = from; k < to; k++) {
                    double[] ck = column[k - from];
                    double[] tk = turned[k - from];
                    for (int q = 0; q < nb.length; q++) {
                        int at = (i0 + q) * dim + k;
                        accFma(ck, tk, inRe[at], inIm[at], a[k], b[k], nb[q], db[q]);
                    }
                }
            });
        }
        IntStream.range(0, blocks).parallel().forEach(block -> {
            int i0 = block * ROWS;
            for (int q = 0; q < num[block].length; q++) {
                double[] nq = num[block][q];
                double[] dq = den[block][q];
                for (int j = 0; j < n; j++) {
                    sink.at(i0 + q, j, nq[2 * j], nq[2 * j + 1], dq[2 * j], dq[2 * j + 1]);
                }
            }
        });
    }

    static void fold(double[] inRe, double[] inIm, double[] outRe, double[] outIm, int n, double[] a, double[] b,
            ContourCircles.PairSink sink, int ROWS, int TILE) {
        int dim = a.length;
        int lanes = (2 * n + PAD - 1) / PAD * PAD;
        double[][] column = new double[Math.min(TILE, dim)][lanes];
        double[][] turned = new double[Math.min(TILE, dim)][lanes];
        int blocks = (n + ROWS - 1) / ROWS;
        double[][][] num = new double[blocks][][];
        double[][][] den = new double[blocks][][];
        for (int block = 0; block < blocks; block++) {
            int rows = Math.min(ROWS, n - block * ROWS);
            num[block] = new double[rows][lanes];
            den[block] = new double[rows][lanes];
        }
        for (int k0 = 0; k0 < dim; k0 += TILE) {
            int from = k0;
            int to = Math.min(dim, k0 + TILE);
            for (int j = 0; j < n; j++) {
                int c = j * dim;
                for (int k = from; k < to; k++) {
                    column[k - from][2 * j] = outRe[c + k];
                    column[k - from][2 * j + 1] = outIm[c + k];
                    turned[k - from][2 * j] = -outIm[c + k];
                    turned[k - from][2 * j + 1] = outRe[c + k];
                }
            }
            IntStream.range(0, blocks).parallel().forEach(block -> {
                int i0 = block * ROWS;
                double[][] nb = num[block];
                double[][] db = den[block];
                for (int k = from; k < to; k++) {
                    double[] ck = column[k - from];
                    double[] tk = turned[k - from];
                    for (int q = 0; q < nb.length; q++) {
                        int at = (i0 + q) * dim + k;
                        accFold(ck, tk, inRe[at], inIm[at], a[k], b[k], nb[q], db[q]);
                    }
                }
            });
        }
        IntStream.range(0, blocks).parallel().forEach(block -> {
            int i0 = block * ROWS;
            for (int q = 0; q < num[block].length; q++) {
                double[] nq = num[block][q];
                double[] dq = den[block][q];
                for (int j = 0; j < n; j++) {
                    sink.at(i0 + q, j, nq[2 * j], nq[2 * j + 1], dq[2 * j], dq[2 * j + 1]);
                }
            }
        });
    }

    static void plain2(double[] inRe, double[] inIm, double[] outRe, double[] outIm, int n, double[] a, double[] b,
            ContourCircles.PairSink sink, int ROWS, int TILE) {
        int dim = a.length;
        int lanes = (2 * n + PAD - 1) / PAD * PAD;
        double[][] column = new double[Math.min(TILE, dim)][lanes];
        double[][] turned = new double[Math.min(TILE, dim)][lanes];
        int blocks = (n + ROWS - 1) / ROWS;
        double[][][] num = new double[blocks][][];
        double[][][] den = new double[blocks][][];
        for (int block = 0; block < blocks; block++) {
            int rows = Math.min(ROWS, n - block * ROWS);
            num[block] = new double[rows][lanes];
            den[block] = new double[rows][lanes];
        }
        for (int k0 = 0; k0 < dim; k0 += TILE) {
            int from = k0;
            int to = Math.min(dim, k0 + TILE);
            for (int j = 0; j < n; j++) {
                int c = j * dim;
                for (int k = from; k < to; k++) {
                    column[k - from][2 * j] = outRe[c + k];
                    column[k - from][2 * j + 1] = outIm[c + k];
                    turned[k - from][2 * j] = -outIm[c + k];
                    turned[k - from][2 * j + 1] = outRe[c + k];
                }
            }
            IntStream.range(0, blocks).parallel().forEach(block -> {
                int i0 = block * ROWS;
                double[][] nb = num[block];
                double[][] db = den[block];
                int k = from;
                for (; k + 1 < to; k += 2) {
                    double[] ck = column[k - from], tk = turned[k - from], ck1 = column[k + 1 - from], tk1 = turned[k + 1 - from];
                    for (int q = 0; q < nb.length; q++) {
                        int at = (i0 + q) * dim + k;
                        accPlain2(ck, tk, ck1, tk1, inRe[at], inIm[at], inRe[at + 1], inIm[at + 1], a[k], b[k], a[k + 1], b[k + 1], nb[q], db[q]);
                    }
                }
                for (; k < to; k++) {
                    double[] ck = column[k - from];
                    double[] tk = turned[k - from];
                    for (int q = 0; q < nb.length; q++) {
                        int at = (i0 + q) * dim + k;
                        accPlain(ck, tk, inRe[at], inIm[at], a[k], b[k], nb[q], db[q]);
                    }
                }
            });
        }
        IntStream.range(0, blocks).parallel().forEach(block -> {
            int i0 = block * ROWS;
            for (int q = 0; q < num[block].length; q++) {
                double[] nq = num[block][q];
                double[] dq = den[block][q];
                for (int j = 0; j < n; j++) {
                    sink.at(i0 + q, j, nq[2 * j], nq[2 * j + 1], dq[2 * j], dq[2 * j + 1]);
                }
            }
        });
    }

    static void fma2(double[] inRe, double[] inIm, double[] outRe, double[] outIm, int n, double[] a, double[] b,
            ContourCircles.PairSink sink, int ROWS, int TILE) {
        int dim = a.length;
        int lanes = (2 * n + PAD - 1) / PAD * PAD;
        double[][] column = new double[Math.min(TILE, dim)][lanes];
        double[][] turned = new double[Math.min(TILE, dim)][lanes];
        int blocks = (n + ROWS - 1) / ROWS;
        double[][][] num = new double[blocks][][];
        double[][][] den = new double[blocks][][];
        for (int block = 0; block < blocks; block++) {
            int rows = Math.min(ROWS, n - block * ROWS);
            num[block] = new double[rows][lanes];
            den[block] = new double[rows][lanes];
        }
        for (int k0 = 0; k0 < dim; k0 += TILE) {
            int from = k0;
            int to = Math.min(dim, k0 + TILE);
            for (int j = 0; j < n; j++) {
                int c = j * dim;
                for (int k = from; k < to; k++) {
                    column[k - from][2 * j] = outRe[c + k];
                    column[k - from][2 * j + 1] = outIm[c + k];
                    turned[k - from][2 * j] = -outIm[c + k];
                    turned[k - from][2 * j + 1] = outRe[c + k];
                }
            }
            IntStream.range(0, blocks).parallel().forEach(block -> {
                int i0 = block * ROWS;
                double[][] nb = num[block];
                double[][] db = den[block];
                int k = from;
                for (; k + 1 < to; k += 2) {
                    double[] ck = column[k - from], tk = turned[k - from], ck1 = column[k + 1 - from], tk1 = turned[k + 1 - from];
                    for (int q = 0; q < nb.length; q++) {
                        int at = (i0 + q) * dim + k;
                        accFma2(ck, tk, ck1, tk1, inRe[at], inIm[at], inRe[at + 1], inIm[at + 1], a[k], b[k], a[k + 1], b[k + 1], nb[q], db[q]);
                    }
                }
                for (; k < to; k++) {
                    double[] ck = column[k - from];
                    double[] tk = turned[k - from];
                    for (int q = 0; q < nb.length; q++) {
                        int at = (i0 + q) * dim + k;
                        accFma(ck, tk, inRe[at], inIm[at], a[k], b[k], nb[q], db[q]);
                    }
                }
            });
        }
        IntStream.range(0, blocks).parallel().forEach(block -> {
            int i0 = block * ROWS;
            for (int q = 0; q < num[block].length; q++) {
                double[] nq = num[block][q];
                double[] dq = den[block][q];
                for (int j = 0; j < n; j++) {
                    sink.at(i0 + q, j, nq[2 * j], nq[2 * j + 1], dq[2 * j], dq[2 * j + 1]);
                }
            }
        });
    }

    static void fold2(double[] inRe, double[] inIm, double[] outRe, double[] outIm, int n, double[] a, double[] b,
            ContourCircles.PairSink sink, int ROWS, int TILE) {
        int dim = a.length;
        int lanes = (2 * n + PAD - 1) / PAD * PAD;
        double[][] column = new double[Math.min(TILE, dim)][lanes];
        double[][] turned = new double[Math.min(TILE, dim)][lanes];
        int blocks = (n + ROWS - 1) / ROWS;
        double[][][] num = new double[blocks][][];
        double[][][] den = new double[blocks][][];
        for (int block = 0; block < blocks; block++) {
            int rows = Math.min(ROWS, n - block * ROWS);
            num[block] = new double[rows][lanes];
            den[block] = new double[rows][lanes];
        }
        for (int k0 = 0; k0 < dim; k0 += TILE) {
            int from = k0;
            int to = Math.min(dim, k0 + TILE);
            for (int j = 0; j < n; j++) {
                int c = j * dim;
                for (int k = from; k < to; k++) {
                    column[k - from][2 * j] = outRe[c + k];
                    column[k - from][2 * j + 1] = outIm[c + k];
                    turned[k - from][2 * j] = -outIm[c + k];
                    turned[k - from][2 * j + 1] = outRe[c + k];
                }
            }
            IntStream.range(0, blocks).parallel().forEach(block -> {
                int i0 = block * ROWS;
                double[][] nb = num[block];
                double[][] db = den[block];
                int k = from;
                for (; k + 1 < to; k += 2) {
                    double[] ck = column[k - from], tk = turned[k - from], ck1 = column[k + 1 - from], tk1 = turned[k + 1 - from];
                    for (int q = 0; q < nb.length; q++) {
                        int at = (i0 + q) * dim + k;
                        accFold2(ck, tk, ck1, tk1, inRe[at], inIm[at], inRe[at + 1], inIm[at + 1], a[k], b[k], a[k + 1], b[k + 1], nb[q], db[q]);
                    }
                }
                for (; k < to; k++) {
                    double[] ck = column[k - from];
                    double[] tk = turned[k - from];
                    for (int q = 0; q < nb.length; q++) {
                        int at = (i0 + q) * dim + k;
                        accFold(ck, tk, inRe[at], inIm[at], a[k], b[k], nb[q], db[q]);
                    }
                }
            });
        }
        IntStream.range(0, blocks).parallel().forEach(block -> {
            int i0 = block * ROWS;
            for (int q = 0; q < num[block].length; q++) {
                double[] nq = num[block][q];
                double[] dq = den[block][q];
                for (int j = 0; j < n; j++) {
                    sink.at(i0 + q, j, nq[2 * j], nq[2 * j + 1], dq[2 * j], dq[2 * j + 1]);
                }
            }
        });
    }

    static void accPlain(double[] column, double[] turned, double x, double y, double ak, double bk, double[] num, double[] den) {
        for (int m = 0; m < num.length; m++) { double p = x * column[m] + y * turned[m]; num[m] += ak * p; den[m] += bk * p; }
    }
    static void accFma(double[] column, double[] turned, double x, double y, double ak, double bk, double[] num, double[] den) {
        for (int m = 0; m < num.length; m++) { double p = Math.fma(x, column[m], y * turned[m]); num[m] = Math.fma(ak, p, num[m]); den[m] = Math.fma(bk, p, den[m]); }
    }
    static void accFold(double[] column, double[] turned, double x, double y, double ak, double bk, double[] num, double[] den) {
        double ax = ak * x, ay = ak * y, bx = bk * x, by = bk * y;
        for (int m = 0; m < num.length; m++) { double c = column[m], t = turned[m]; num[m] = Math.fma(ax, c, Math.fma(ay, t, num[m])); den[m] = Math.fma(bx, c, Math.fma(by, t, den[m])); }
    }
    static void accPlain2(double[] c0, double[] t0, double[] c1, double[] t1, double x0, double y0, double x1, double y1, double a0, double b0, double a1, double b1, double[] num, double[] den) {
        for (int m = 0; m < num.length; m++) { double p = x0 * c0[m] + y0 * t0[m]; double p1 = x1 * c1[m] + y1 * t1[m]; num[m] = num[m] + a0 * p + a1 * p1; den[m] = den[m] + b0 * p + b1 * p1; }
    }
    static void accFma2(double[] c0, double[] t0, double[] c1, double[] t1, double x0, double y0, double x1, double y1, double a0, double b0, double a1, double b1, double[] num, double[] den) {
        for (int m = 0; m < num.length; m++) { double p = Math.fma(x0, c0[m], y0 * t0[m]); double p1 = Math.fma(x1, c1[m], y1 * t1[m]); num[m] = Math.fma(a1, p1, Math.fma(a0, p, num[m])); den[m] = Math.fma(b1, p1, Math.fma(b0, p, den[m])); }
    }
    static void accFold2(double[] c0, double[] t0, double[] c1, double[] t1, double x0, double y0, double x1, double y1, double a0, double b0, double a1, double b1, double[] num, double[] den) {
        double ax = a0 * x0, ay = a0 * y0, bx = b0 * x0, by = b0 * y0, ax1 = a1 * x1, ay1 = a1 * y1, bx1 = b1 * x1, by1 = b1 * y1;
        for (int m = 0; m < num.length; m++) { double c = c0[m], t = t0[m], d = c1[m], u = t1[m];
            num[m] = Math.fma(ax1, d, Math.fma(ay1, u, Math.fma(ax, c, Math.fma(ay, t, num[m]))));
            den[m] = Math.fma(bx1, d, Math.fma(by1, u, Math.fma(bx, c, Math.fma(by, t, den[m])))); }
    }

    static void accPlain4(double[] c0, double[] t0, double[] c1, double[] t1, double[] c2, double[] t2, double[] c3, double[] t3, double[] re, double[] im, int at, double[] a, double[] b, int k, double[] num, double[] den) {
        double x0 = re[at], y0 = im[at], x1 = re[at + 1], y1 = im[at + 1], x2 = re[at + 2], y2 = im[at + 2], x3 = re[at + 3], y3 = im[at + 3];
        double a0 = a[k], a1 = a[k + 1], a2 = a[k + 2], a3 = a[k + 3], b0 = b[k], b1 = b[k + 1], b2 = b[k + 2], b3 = b[k + 3];
        for (int m = 0; m < num.length; m++) {
            double p0 = x0 * c0[m] + y0 * t0[m]; double p1 = x1 * c1[m] + y1 * t1[m]; double p2 = x2 * c2[m] + y2 * t2[m]; double p3 = x3 * c3[m] + y3 * t3[m];
            num[m] = num[m] + a0 * p0 + a1 * p1 + a2 * p2 + a3 * p3; den[m] = den[m] + b0 * p0 + b1 * p1 + b2 * p2 + b3 * p3; }
    }
    static void accFma4(double[] c0, double[] t0, double[] c1, double[] t1, double[] c2, double[] t2, double[] c3, double[] t3, double[] re, double[] im, int at, double[] a, double[] b, int k, double[] num, double[] den) {
        double x0 = re[at], y0 = im[at], x1 = re[at + 1], y1 = im[at + 1], x2 = re[at + 2], y2 = im[at + 2], x3 = re[at + 3], y3 = im[at + 3];
        double a0 = a[k], a1 = a[k + 1], a2 = a[k + 2], a3 = a[k + 3], b0 = b[k], b1 = b[k + 1], b2 = b[k + 2], b3 = b[k + 3];
        for (int m = 0; m < num.length; m++) {
            double p0 = Math.fma(x0, c0[m], y0 * t0[m]); double p1 = Math.fma(x1, c1[m], y1 * t1[m]); double p2 = Math.fma(x2, c2[m], y2 * t2[m]); double p3 = Math.fma(x3, c3[m], y3 * t3[m]);
            num[m] = Math.fma(a3, p3, Math.fma(a2, p2, Math.fma(a1, p1, Math.fma(a0, p0, num[m])))); den[m] = Math.fma(b3, p3, Math.fma(b2, p2, Math.fma(b1, p1, Math.fma(b0, p0, den[m])))); }
    }

    static void accPlain3(double[] c0, double[] t0, double[] c1, double[] t1, double[] c2, double[] t2, double[] re, double[] im, int at, double[] a, double[] b, int k, double[] num, double[] den) {
        double x0 = re[at], y0 = im[at], x1 = re[at + 1], y1 = im[at + 1], x2 = re[at + 2], y2 = im[at + 2];
        double a0 = a[k], a1 = a[k + 1], a2 = a[k + 2], b0 = b[k], b1 = b[k + 1], b2 = b[k + 2];
        for (int m = 0; m < num.length; m++) {
            double p0 = x0 * c0[m] + y0 * t0[m]; double p1 = x1 * c1[m] + y1 * t1[m]; double p2 = x2 * c2[m] + y2 * t2[m];
            num[m] = num[m] + a0 * p0 + a1 * p1 + a2 * p2; den[m] = den[m] + b0 * p0 + b1 * p1 + b2 * p2; }
    }
    static void accFma3(double[] c0, double[] t0, double[] c1, double[] t1, double[] c2, double[] t2, double[] re, double[] im, int at, double[] a, double[] b, int k, double[] num, double[] den) {
        double x0 = re[at], y0 = im[at], x1 = re[at + 1], y1 = im[at + 1], x2 = re[at + 2], y2 = im[at + 2];
        double a0 = a[k], a1 = a[k + 1], a2 = a[k + 2], b0 = b[k], b1 = b[k + 1], b2 = b[k + 2];
        for (int m = 0; m < num.length; m++) {
            double p0 = Math.fma(x0, c0[m], y0 * t0[m]); double p1 = Math.fma(x1, c1[m], y1 * t1[m]); double p2 = Math.fma(x2, c2[m], y2 * t2[m]);
            num[m] = Math.fma(a2, p2, Math.fma(a1, p1, Math.fma(a0, p0, num[m]))); den[m] = Math.fma(b2, p2, Math.fma(b1, p1, Math.fma(b0, p0, den[m]))); }
    }

    interface K { void run(double[] a1, double[] a2, double[] a3, double[] a4, int n, double[] a, double[] b, ContourCircles.PairSink s, int rows, int tile); }
    public static void main(String[] args) {
        int n = Integer.getInteger("n", 148);
        int dim = Integer.parseInt(args[0]);
        int rows = Integer.parseInt(args[1]);
        int tile = Integer.parseInt(args[2]);
        PAD = Integer.getInteger("pad", 1);
        int reps = Integer.getInteger("reps", 10);
        java.util.List<String> names = java.util.List.of(args).subList(3, args.length);
        java.util.Map<String, K> all = new java.util.LinkedHashMap<>();
        all.put("plain", PairSumsVariantsCheck::plain); all.put("fma", PairSumsVariantsCheck::fma); all.put("fold", PairSumsVariantsCheck::fold);
        all.put("plain2", PairSumsVariantsCheck::plain2); all.put("fma2", PairSumsVariantsCheck::fma2); all.put("fold2", PairSumsVariantsCheck::fold2);
        all.put("plain4", PairSumsVariantsCheck::plain4); all.put("fma4", PairSumsVariantsCheck::fma4);
        all.put("plain3", PairSumsVariantsCheck::plain3); all.put("fma3", PairSumsVariantsCheck::fma3);
        all.put("main", (p, q, r2, s2, nn, a, b, sk, ro, ti) -> ContourCircles.pairSums(p, q, r2, s2, nn, a, b, sk));
        SplittableRandom r = new SplittableRandom(1);
        double[] inRe = new double[n * dim], inIm = new double[n * dim], outRe = new double[n * dim], outIm = new double[n * dim], a = new double[dim], b = new double[dim];
        for (double[] x : new double[][] {inRe, inIm, outRe, outIm, a, b}) for (int i = 0; i < x.length; i++) x[i] = r.nextDouble();
        double[] ref = new double[4 * n * n];
        double[] t = new double[4 * n * n];
        ContourCircles.PairSink s = (i, j, p, q, u, v) -> { int o = 4 * (i * n + j); t[o] = p; t[o + 1] = q; t[o + 2] = u; t[o + 3] = v; };
        ContourCircles.pairSums(inRe, inIm, outRe, outIm, n, a, b, s);
        System.arraycopy(t, 0, ref, 0, t.length);
        double[] best = new double[names.size()];
        java.util.Arrays.fill(best, 1e9);
        double[] dev = new double[names.size()];
        for (int round = 0; round < 6; round++) {
            for (int v = 0; v < names.size(); v++) {
                K kk = all.get(names.get(v));
                long c0 = OS.getProcessCpuTime();
                for (int k = 0; k < reps; k++) kk.run(inRe, inIm, outRe, outIm, n, a, b, s, rows, tile);
                long c1 = OS.getProcessCpuTime();
                if (round > 0) best[v] = Math.min(best[v], (c1 - c0) / (reps * 1e6));
                double d = 0; for (int i = 0; i < t.length; i++) d = Math.max(d, Math.abs(t[i] - ref[i]) / Math.abs(ref[i]));
                dev[v] = d;
            }
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "n=%d pad=%d D=%d rows=%d tile=%d load=%.2f:", n, PAD, dim, rows, tile, OS.getSystemLoadAverage()));
        for (int v = 0; v < names.size(); v++) sb.append(String.format(Locale.ROOT, "  %s %.1f ms (dev %.1e)", names.get(v), best[v], dev[v]));
        System.out.println(sb);
    }
}
