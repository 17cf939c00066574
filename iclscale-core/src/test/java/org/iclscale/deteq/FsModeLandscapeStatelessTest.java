package org.iclscale.deteq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.iclscale.core.Depth;
import org.iclscale.core.Diagnostics;
import org.iclscale.model.ModelSpec;
import org.iclscale.model.PowerLaw;
import org.iclscale.model.Theory;
import org.iclscale.model.TrainSpec;
import org.iclscale.model.TrainingTheory;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.LossEvaluation;
import org.junit.jupiter.api.Test;

/**
 * {@link FsModeLandscape} keeps no per-call state (it used to keep its last evaluation in a volatile field, so its
 * method text depended on what had been evaluated before): the same inputs evaluated in different orders and from
 * several threads give identical values, gradients, diagnostics and method text; and the training theory built on
 * it ({@link Theory#trainingTheory}) gives the same curve and method text from concurrent callers.
 */
class FsModeLandscapeStatelessTest {

    private static final Spectrum SPEC = Spectrum.powerLaw(1.5, 0.8, 16);

    /** Inputs across both regimes of the landscape: first order near Γ = 0 and the contour (several levels). */
    private static List<double[]> inputs() {
        List<double[]> in = new ArrayList<>();
        for (double scale : new double[] {1e-9, 0.2, 1.0, 2.5, 4.0}) {
            double[] g = new double[SPEC.dim()];
            for (int k = 0; k < g.length; k++) {
                g[k] = scale * (1 + 0.3 * Math.sin(k));
            }
            in.add(g);
        }
        return in;
    }

    /** Everything an evaluation returns, and the method text after it. */
    private record Seen(double loss, double[] gradient, Diagnostics diagnostics, String method, String describedAt) {
    }

    private static Seen evaluate(FsModeLandscape f, double[] g) {
        FsModeLandscape.Evaluation e = f.evaluate(g, true);
        LossEvaluation l = f.evaluate(g);
        assertEquals(e.loss(), l.loss(), 0.0);
        assertEquals(e.diagnostics(), l.diagnostics());
        return new Seen(e.loss(), e.gradient(), e.diagnostics(), f.method(), f.method(e.diagnostics()));
    }

    private static void assertSame(Seen a, Seen b, String what) {
        assertEquals(a.loss(), b.loss(), 0.0, what);
        assertArrayEquals(a.gradient(), b.gradient(), 0.0, what);
        assertEquals(a.diagnostics(), b.diagnostics(), what);
        assertEquals(a.method(), b.method(), what);
        assertEquals(a.describedAt(), b.describedAt(), what);
    }

    @Test
    void sameInputsInAnyOrderAndFromManyThreadsGiveIdenticalResults() throws Exception {
        FsModeLandscape f = new FsModeLandscape(SPEC, 1.5, Depth.of(3), 0.4);
        String before = f.method();
        List<double[]> in = inputs();
        List<Seen> forward = new ArrayList<>();
        for (double[] g : in) {
            forward.add(evaluate(f, g));
        }
        assertEquals(before, f.method(), "method() is a fixed description");
        assertTrue(forward.get(2).diagnostics().get("nodesPerContour").intValue() > 0, "the contour regime is exercised");
        assertEquals(0, forward.get(0).diagnostics().get("nodesPerContour").intValue(), "first-order regime near 0");
        // reversed and shuffled orders, on the same instance and on a fresh one
        for (long seed : new long[] {1, 2, 3}) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < in.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(seed));
            FsModeLandscape fresh = new FsModeLandscape(SPEC, 1.5, Depth.of(3), 0.4);
            for (int i : order) {
                assertSame(forward.get(i), evaluate(f, in.get(i)), "shuffled order " + seed + ", input " + i);
                assertSame(forward.get(i), evaluate(fresh, in.get(i)), "fresh instance, input " + i);
            }
        }
        // four threads, each its own interleaving of all inputs, many rounds
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Seen>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                final long seed = 100 + t;
                futures.add(pool.submit(() -> {
                    List<Integer> order = new ArrayList<>();
                    for (int r = 0; r < 3; r++) {
                        for (int i = 0; i < in.size(); i++) {
                            order.add(i);
                        }
                    }
                    Collections.shuffle(order, new Random(seed));
                    Seen[] seen = new Seen[in.size()];
                    for (int i : order) {
                        Seen s = evaluate(f, in.get(i));
                        if (seen[i] != null) {
                            assertSame(seen[i], s, "repeat within a thread");
                        }
                        seen[i] = s;
                    }
                    return List.of(seen);
                }));
            }
            for (Future<List<Seen>> fu : futures) {
                List<Seen> got = fu.get();
                for (int i = 0; i < in.size(); i++) {
                    assertSame(forward.get(i), got.get(i), "thread result, input " + i);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** End to end: the FS training theory (per-mode flow on this landscape) from concurrent callers. */
    @Test
    void trainingTheoryOnItIsIdenticalFromConcurrentCallers() throws Exception {
        TrainSpec spec = TrainSpec.builder(ModelSpec.fs(PowerLaw.of(1.5, 0.8, 8)).alpha(2).depth(2).sigma(0.2).build(),
                TrainSpec.Architecture.REDUCED).eta(0.05).steps(4).build();
        double[][] grids = {{0, 2, 4}, {0, 1, 3, 4}, {0, 4}};
        TrainingTheory[] sequential = new TrainingTheory[grids.length];
        for (int i = 0; i < grids.length; i++) {
            sequential[i] = Theory.standard().trainingTheory(spec, grids[i]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<TrainingTheory>> futures = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                for (int i = grids.length - 1; i >= 0; i--) {
                    final double[] g = grids[i];
                    futures.add(pool.submit(() -> Theory.standard().trainingTheory(spec, g)));
                }
            }
            for (int k = 0; k < futures.size(); k++) {
                TrainingTheory got = futures.get(k).get();
                TrainingTheory want = sequential[grids.length - 1 - k % grids.length];
                assertEquals(want.method(), got.method());
                assertArrayEquals(want.theory().orElseThrow().loss(), got.theory().orElseThrow().loss(), 0.0);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(sequential[0].method().contains("nodes per contour"), sequential[0].method());
    }
}
