package org.iclscale.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.iclscale.core.Gamma;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: landscapes are stateless and thread-safe as their javadoc promises. The same specs, evaluated in
 * different orders and from several threads at once, give identical values, diagnostics and method texts in every
 * regime (before, the contour and Monte Carlo landscapes kept their last evaluation in volatile fields, so the
 * method text of one call depended on the call before it).
 */
class StatelessnessTest {

    private static final PowerLaw LAW = PowerLaw.of(1.5, 0.8, 24);

    /** One spec per regime (small sizes: the point is the bookkeeping, not the numbers). */
    private static List<ModelSpec> specs() {
        return List.of(
                ModelSpec.iso().alpha(0.5).depth(4).sigma(0.5).build(),
                ModelSpec.rrs(LAW).depth(4).build(),
                ModelSpec.fs(LAW).depth(2).sigma(0.2).build(),
                ModelSpec.rrs(new Continuum(1.5, 0.8)).depth(4).build(),
                ModelSpec.rrs(LAW).width(6).depth(2).build(),
                ModelSpec.rrs(LAW).alpha(2).depth(2).sigma(0.3).build(),
                ModelSpec.fs(LAW).alpha(3).depth(3).build(),
                ModelSpec.rrs(LAW).alpha(2).width(6).depth(2).build(),
                ModelSpec.rrs(LAW).alpha(2).width(6).depth(2).sigma(0.3).build());
    }

    /** What one evaluation shows a user: values, method text, diagnostics. */
    private record Seen(double riskLoss, String riskMethod, Object riskDiagnostics, double gamma, double loss,
            String optimumMethod, Object optimumDiagnostics) {
    }

    private static Seen evaluate(ModelSpec spec) {
        return evaluate(spec, Method.THEORY);
    }

    private static Seen evaluate(ModelSpec spec, Method method) {
        Theory t = Theory.standard();
        RiskResult r = t.risk(spec, Gamma.of(0.9), method);
        OptimumResult o = t.optimum(spec, method, Double.NaN);
        return new Seen(r.loss(), r.method(), r.diagnostics(), o.gamma(), o.loss(), o.method(), o.diagnostics());
    }

    /** The Monte Carlo method too (an explicit choice; its optimum is the ~30-run sampled search). */
    @Test
    void monteCarloIsStatelessAcrossOrdersAndThreads() throws Exception {
        ModelSpec spec = ModelSpec.rrs(LAW).alpha(2).width(6).depth(2).sigma(0.3).build();
        Seen first = evaluate(spec, Method.MONTE_CARLO);
        evaluate(ModelSpec.rrs(LAW).width(6).depth(3).build(), Method.MONTE_CARLO);
        assertEquals(first, evaluate(spec, Method.MONTE_CARLO));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Seen>> futures = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                futures.add(pool.submit(() -> evaluate(spec, Method.MONTE_CARLO)));
            }
            for (Future<Seen> f : futures) {
                assertEquals(first, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sameResultsInAnyOrderAndFromSeveralThreads() throws Exception {
        List<ModelSpec> specs = specs();
        List<Seen> forward = new ArrayList<>();
        for (ModelSpec s : specs) {
            forward.add(evaluate(s));
        }
        for (int i = specs.size() - 1; i >= 0; i--) {
            assertEquals(forward.get(i), evaluate(specs.get(i)), "reverse order, " + specs.get(i));
        }
        List<Integer> order = new ArrayList<>();
        for (int rep = 0; rep < 3; rep++) {
            for (int i = 0; i < specs.size(); i++) {
                order.add(i);
            }
        }
        Collections.shuffle(order, new Random(7));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Seen>> futures = new ArrayList<>();
            for (int i : order) {
                futures.add(pool.submit(() -> evaluate(specs.get(i))));
            }
            for (int k = 0; k < order.size(); k++) {
                int i = order.get(k);
                assertEquals(forward.get(i), futures.get(k).get(), "concurrent, " + specs.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
