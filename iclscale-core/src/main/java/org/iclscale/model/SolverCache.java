package org.iclscale.model;

import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.iclscale.deteq.OnePointDensity;
import org.iclscale.deteq.TwoPointContour;

/**
 * Built deterministic-equivalent solvers shared across evaluations, sweep points and verbs: building a
 * {@link TwoPointContour} or a {@link OnePointDensity} costs tens of milliseconds (subordination solves over the
 * contour), one more γ on a built solver about a millisecond. Keyed by the values that determine the build
 * (spectrum, width N, context P); least recently used entries beyond {@value #CAPACITY} are dropped, and every
 * entry is softly referenced so memory pressure clears it. Concurrent requests for one key build it once. Both
 * solver classes are immutable after construction (their per-level grids are built under a concurrent map), so a
 * cached solver may be used from several threads.
 */
final class SolverCache {

    static final int CAPACITY = 32;

    // equals and hashCode written out, as the records' own (see PowerLaw.equals: no method-handle bootstrap on the
    // first lookup of a cold run)
    private record ContourKey(FiniteSpectrum spectrum, double width, double context) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ContourKey k && spectrum.equals(k.spectrum) && Double.compare(width, k.width) == 0
                    && Double.compare(context, k.context) == 0;
        }

        @Override
        public int hashCode() {
            return (31 * spectrum.hashCode() + Double.hashCode(width)) * 31 + Double.hashCode(context);
        }
    }

    private record DensityKey(FiniteSpectrum spectrum, int width) {
        @Override
        public boolean equals(Object o) {
            return o instanceof DensityKey k && spectrum.equals(k.spectrum) && width == k.width;
        }

        @Override
        public int hashCode() {
            return 31 * spectrum.hashCode() + width;
        }
    }

    private final Map<Object, SoftReference<CompletableFuture<Object>>> entries =
            new LinkedHashMap<>(64, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<Object, SoftReference<CompletableFuture<Object>>> eldest) {
                    return size() > CAPACITY;
                }
            };

    /** The two-point contour of width N (+∞ for N ≥ D) and context P over {@code spectrum}. */
    TwoPointContour contour(FiniteSpectrum spectrum, double width, double context) {
        return (TwoPointContour) get(new ContourKey(spectrum, width, context),
                () -> new TwoPointContour(spectrum.spectrum(), width, context));
    }

    /** The one-point density of Λ^{1/2}QΛ^{1/2} at width N over {@code spectrum}. */
    OnePointDensity density(FiniteSpectrum spectrum, int width) {
        return (OnePointDensity) get(new DensityKey(spectrum, width), () -> new OnePointDensity(spectrum.spectrum(), width));
    }

    private Object get(Object key, Supplier<Object> build) {
        CompletableFuture<Object> mine = null;
        CompletableFuture<Object> f;
        synchronized (entries) {
            SoftReference<CompletableFuture<Object>> ref = entries.get(key);
            f = ref == null ? null : ref.get();
            if (f == null || f.isCompletedExceptionally()) {
                mine = new CompletableFuture<>();
                entries.put(key, new SoftReference<>(mine));
                f = mine;
            }
        }
        if (mine != null) {
            try {
                mine.complete(build.get());
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
                synchronized (entries) {
                    entries.remove(key);
                }
                throw e;
            }
        }
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    /** Drops every entry (tests; memory). */
    void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
