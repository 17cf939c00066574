package org.iclscale.sweep;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Evaluates a range of a {@link Grid}'s points on a fixed pool of worker threads and hands the results to a
 * {@link Sink} on the calling thread, in index order, whatever order the workers finish in. Bounded: at most
 * {@code window} points are in flight or waiting for the sink, so memory does not grow with the grid and a slow
 * consumer (a pipe, a disk) throttles the workers. Cancellable through a {@link Cancellation}. The first point
 * whose evaluation throws stops the sweep with a {@link PointFailedException} naming it (the points before it
 * have been handed to the sink; none after it).
 *
 * <p>Each worker thread gets its own {@link Evaluator} from the supplier, once, so evaluators need not be
 * thread-safe (the command line keeps one verb instance per worker). Worker threads have a 16 MiB stack, as the
 * launcher gives the main thread: deep recursions in some solvers need it.
 */
public final class SweepRunner {

    /** Computes the result of one point; called on a worker thread, one evaluator per thread. */
    @FunctionalInterface
    public interface Evaluator<R> {
        R evaluate(Point point) throws Exception;

        /**
         * Consecutive points evaluated together ({@link Builder#batch}), in order: one result per point, or, in the
         * place of the first point whose evaluation threw, a {@link Failed} holding what it threw (the list ends
         * there). By default one by one with {@link #evaluate}; an evaluator that shares work between points (one
         * landscape for a run of γ) overrides it with the same results.
         */
        default List<Object> evaluateAll(List<Point> points) {
            List<Object> out = new ArrayList<>(points.size());
            for (Point p : points) {
                try {
                    out.add(evaluate(p));
                } catch (Exception | Error e) {
                    out.add(new Failed(e));
                    break;
                }
            }
            return out;
        }
    }

    /** In {@link Evaluator#evaluateAll}'s list: the point at this place threw {@code cause}. */
    public record Failed(Throwable cause) {
    }

    /** Receives the results in index order, on the thread that called {@link #run}. */
    @FunctionalInterface
    public interface Sink<R> {
        void accept(Point point, R result);

        /**
         * The next result is not ready: the runner is about to wait for it. A sink that buffers its output passes
         * on what it holds here, so a reader sees every finished point while later ones are computed (by default
         * nothing). The runner checks the cancellation right after.
         */
        default void waiting() {
        }
    }

    /** Told after each result the sink has taken: {@code done} of {@code total} points of the range. */
    @FunctionalInterface
    public interface ProgressListener {
        ProgressListener NONE = (done, total) -> { };

        void progress(long done, long total);
    }

    /** What a run did: {@code completed} of {@code requested} points reached the sink; cancelled or not. */
    public record Outcome(long completed, long requested, boolean cancelled) {
    }

    /** Stack of the worker threads (bytes). */
    static final long WORKER_STACK = 16L << 20;

    private static final long POLL_MILLIS = 100;

    private final int threads;
    private final int window;
    private final int batch;
    private final ProgressListener progress;
    private final Cancellation cancellation;

    private SweepRunner(Builder b) {
        this.threads = b.threads;
        this.window = b.window > 0 ? b.window : Math.max(64, 32 * b.threads);
        this.batch = b.batch;
        this.progress = b.progress;
        this.cancellation = b.cancellation;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options of a runner: worker threads, window, progress listener, cancellation. */
    public static final class Builder {
        private int threads = Runtime.getRuntime().availableProcessors();
        private int window;
        private int batch = 1;
        private ProgressListener progress = ProgressListener.NONE;
        private Cancellation cancellation = new Cancellation();

        /** Worker threads (default: the number of processors). */
        public Builder threads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("threads " + n);
            }
            this.threads = n;
            return this;
        }

        /** Most points in flight or waiting (default max(64, 32 threads)). */
        public Builder window(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("window " + n);
            }
            this.window = n;
            return this;
        }

        /**
         * Points per task (default 1): blocks of up to {@code n} consecutive points go to one worker's
         * {@link Evaluator#evaluateAll}; at most max(2·threads, window/n) blocks are in flight. The sink still gets
         * every point in order, and the first failed point stops the sweep as with single points.
         */
        public Builder batch(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("batch " + n);
            }
            this.batch = n;
            return this;
        }

        public Builder progress(ProgressListener listener) {
            this.progress = listener;
            return this;
        }

        public Builder cancellation(Cancellation c) {
            this.cancellation = c;
            return this;
        }

        public SweepRunner build() {
            return new SweepRunner(this);
        }
    }

    /**
     * Evaluates the points of {@code range} and hands each result to {@code sink} in index order.
     *
     * @throws PointFailedException for the first point (in index order) whose evaluation threw
     */
    public <R> Outcome run(Grid grid, IndexRange range, Supplier<? extends Evaluator<R>> evaluators, Sink<? super R> sink) {
        if (range.to() > grid.size()) {
            throw new IndexOutOfBoundsException("range " + range + " of a grid of " + grid.size());
        }
        if (batch > 1) {
            return runBlocks(grid, range, evaluators, sink);
        }
        ThreadLocal<Evaluator<R>> local = ThreadLocal.withInitial(evaluators::get);
        ExecutorService pool = Executors.newFixedThreadPool(threads, workers());
        ArrayDeque<Future<R>> inFlight = new ArrayDeque<>();
        long next = range.from();
        long done = 0;
        try {
            while (done < range.size()) {
                while (next < range.to() && inFlight.size() < window && !cancellation.isCancelled()) {
                    Point p = grid.point(next++);
                    inFlight.add(pool.submit(() -> local.get().evaluate(p)));
                }
                if (cancellation.isCancelled()) {
                    return new Outcome(done, range.size(), true);
                }
                Point p = grid.point(range.from() + done);
                if (!inFlight.peek().isDone()) {
                    sink.waiting();
                    if (cancellation.isCancelled()) {
                        return new Outcome(done, range.size(), true);
                    }
                }
                R result = await(inFlight.peek(), p);
                if (result == null && cancellation.isCancelled()) {
                    return new Outcome(done, range.size(), true);
                }
                inFlight.poll();
                sink.accept(p, result);
                progress.progress(++done, range.size());
            }
            return new Outcome(done, range.size(), false);
        } finally {
            inFlight.forEach(f -> f.cancel(true));
            pool.shutdownNow();
        }
    }

    /** {@link #run} with blocks of {@link #batch} points per task. */
    @SuppressWarnings("unchecked")
    private <R> Outcome runBlocks(Grid grid, IndexRange range, Supplier<? extends Evaluator<R>> evaluators,
            Sink<? super R> sink) {
        ThreadLocal<Evaluator<R>> local = ThreadLocal.withInitial(evaluators::get);
        ExecutorService pool = Executors.newFixedThreadPool(threads, workers());
        ArrayDeque<Future<List<Object>>> inFlight = new ArrayDeque<>();
        int blocks = Math.max(2 * threads, window / batch);
        long next = range.from();
        long done = 0;
        try {
            while (done < range.size()) {
                while (next < range.to() && inFlight.size() < blocks && !cancellation.isCancelled()) {
                    long to = Math.min(range.to(), next + batch);
                    List<Point> points = new ArrayList<>((int) (to - next));
                    for (long i = next; i < to; i++) {
                        points.add(grid.point(i));
                    }
                    next = to;
                    inFlight.add(pool.submit(() -> complete(local.get().evaluateAll(points), points.size())));
                }
                if (cancellation.isCancelled()) {
                    return new Outcome(done, range.size(), true);
                }
                if (!inFlight.peek().isDone()) {
                    sink.waiting();
                    if (cancellation.isCancelled()) {
                        return new Outcome(done, range.size(), true);
                    }
                }
                List<Object> results = await(inFlight.peek(), grid.point(range.from() + done));
                if (results == null && cancellation.isCancelled()) {
                    return new Outcome(done, range.size(), true);
                }
                inFlight.poll();
                for (Object result : results) {
                    Point p = grid.point(range.from() + done);
                    if (result instanceof Failed f) {
                        throw new PointFailedException(p, f.cause());
                    }
                    sink.accept(p, (R) result);
                    progress.progress(++done, range.size());
                    if (cancellation.isCancelled()) {
                        return new Outcome(done, range.size(), true);
                    }
                }
            }
            return new Outcome(done, range.size(), false);
        } finally {
            inFlight.forEach(f -> f.cancel(true));
            pool.shutdownNow();
        }
    }

    /** {@code results} of a block of {@code size} points: one per point, or ending at a {@link Failed}. */
    private static List<Object> complete(List<Object> results, int size) {
        boolean failed = !results.isEmpty() && results.get(results.size() - 1) instanceof Failed;
        if (results.size() > size || (results.size() < size && !failed)) {
            throw new IllegalStateException("evaluateAll gave " + results.size() + " results for " + size + " points");
        }
        return results;
    }

    /** The point's result; null when the sweep was cancelled while waiting. */
    private <R> R await(Future<R> future, Point p) {
        while (true) {
            try {
                return future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (cancellation.isCancelled()) {
                    return null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancellation.cancel();
                return null;
            } catch (CancellationException e) {
                return null;
            } catch (ExecutionException e) {
                throw new PointFailedException(p, e.getCause());
            }
        }
    }

    private static ThreadFactory workers() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(null, r, "sweep-worker-" + n.incrementAndGet(), WORKER_STACK);
            t.setDaemon(true);
            return t;
        };
    }
}
