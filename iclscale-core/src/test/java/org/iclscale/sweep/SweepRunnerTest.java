package org.iclscale.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Ordered, bounded, cancellable evaluation; one evaluator per worker; the failing point is named. */
class SweepRunnerTest {

    private static Grid grid(int n) {
        return new Grid(List.of(Axis.ofLabels("--x", IntStream.range(0, n).mapToObj(Integer::toString).toList())));
    }

    /** Points that finish in a scrambled order still reach the sink in index order, each once. */
    @Test
    void resultsArriveInIndexOrder() {
        Grid g = grid(200);
        List<Long> seen = new ArrayList<>();
        SweepRunner.Outcome o = SweepRunner.builder().threads(4).window(16).build().run(g, g.all(), () -> p -> {
            Thread.sleep((p.index() * 7919) % 5); // later points often finish first
            return p.index() * p.index();
        }, (p, r) -> {
            assertEquals(p.index() * p.index(), r);
            seen.add(p.index());
        });
        assertEquals(longs(0, 200), seen);
        assertEquals(new SweepRunner.Outcome(200, 200, false), o);
    }

    @Test
    void aRangeEvaluatesOnlyItsBlock() {
        Grid g = grid(10);
        List<Long> seen = new ArrayList<>();
        Set<Long> evaluated = Collections.synchronizedSet(new HashSet<>());
        SweepRunner.builder().threads(2).build().run(g, new Shard(1, 3).block(g.size()), () -> p -> {
            evaluated.add(p.index());
            return p.label(0);
        }, (p, r) -> seen.add(p.index()));
        assertEquals(longs(3, 6), seen);
        assertEquals(new HashSet<>(longs(3, 6)), evaluated);
    }

    /** No more than the window is ever in flight or waiting: a slow sink throttles the workers. */
    @Test
    void boundedWindow() {
        Grid g = grid(300);
        AtomicLong evaluated = new AtomicLong();
        AtomicLong worst = new AtomicLong();
        long[] consumed = {0};
        SweepRunner.builder().threads(3).window(8).build().run(g, g.all(), () -> p -> evaluated.incrementAndGet(),
                (p, r) -> {
                    consumed[0]++;
                    worst.accumulateAndGet(evaluated.get() - consumed[0], Math::max);
                });
        assertTrue(worst.get() <= 8, "at most the window ahead of the sink: " + worst.get());
    }

    @Test
    void oneEvaluatorPerWorkerThread() {
        Grid g = grid(500);
        AtomicInteger created = new AtomicInteger();
        Set<Object> owners = Collections.synchronizedSet(new HashSet<>());
        SweepRunner.builder().threads(3).build().run(g, g.all(), () -> {
            created.incrementAndGet();
            Object me = new Object();
            Thread owner = Thread.currentThread();
            return p -> {
                assertSame(owner, Thread.currentThread(), "an evaluator stays on its thread");
                owners.add(me);
                return 0;
            };
        }, (p, r) -> { });
        assertTrue(created.get() >= 1 && created.get() <= 3, "one per worker: " + created.get());
    }

    /** The first failing point in index order stops the sweep, names it, and nothing after it is consumed. */
    @Test
    void failureNamesThePointAndKeepsTheCause() {
        Grid g = grid(50);
        List<Long> seen = new ArrayList<>();
        IllegalStateException cause = new IllegalStateException("solver gave up");
        PointFailedException e = assertThrows(PointFailedException.class, () -> SweepRunner.builder().threads(4).build()
                .run(g, g.all(), () -> p -> {
                    if (p.index() == 17 || p.index() == 30) {
                        throw cause;
                    }
                    return 1;
                }, (p, r) -> seen.add(p.index())));
        assertEquals(17, e.point().index());
        assertSame(cause, e.getCause());
        assertEquals("point 18 of 50 (--x 17): solver gave up", e.getMessage());
        assertEquals(longs(0, 17), seen);
    }

    /** Blocks of points ({@code batch}): the same order, the same first failure, the same stop on a cancel. */
    @Test
    void blocksKeepOrderFailureAndCancellation() {
        Grid g = grid(1000);
        List<Long> seen = new ArrayList<>();
        SweepRunner.Outcome all = SweepRunner.builder().threads(3).batch(7).build().run(g, new IndexRange(5, 998),
                () -> p -> p.index() * 2, (p, r) -> {
                    assertEquals(p.index() * 2, r);
                    seen.add(p.index());
                });
        assertEquals(993, all.completed());
        assertEquals(longs(5, 998), seen);

        List<Long> before = new ArrayList<>();
        IllegalStateException cause = new IllegalStateException("solver gave up");
        PointFailedException e = assertThrows(PointFailedException.class, () -> SweepRunner.builder().threads(4)
                .batch(16).build().run(g, g.all(), () -> p -> {
                    if (p.index() == 17 || p.index() == 30 || p.index() == 600) {
                        throw cause;
                    }
                    return 1;
                }, (p, r) -> before.add(p.index())));
        assertEquals(17, e.point().index());
        assertSame(cause, e.getCause());
        assertEquals(longs(0, 17), before);

        Cancellation c = new Cancellation();
        SweepRunner.Outcome o = SweepRunner.builder().threads(2).batch(10).cancellation(c).build().run(g, g.all(),
                () -> p -> 1, (p, r) -> {
                    if (p.index() == 99) {
                        c.cancel();
                    }
                });
        assertTrue(o.cancelled());
        assertEquals(100, o.completed(), "no point handed to the sink after the cancel");
    }

    /** Cancelling from the sink (e.g. a closed pipe) or from another thread stops within one point. */
    @Test
    void cancellation() {
        Grid g = grid(10_000);
        Cancellation c = new Cancellation();
        AtomicLong evaluated = new AtomicLong();
        SweepRunner.Outcome o = SweepRunner.builder().threads(2).window(16).cancellation(c).build().run(g, g.all(),
                () -> p -> evaluated.incrementAndGet(), (p, r) -> {
                    if (p.index() == 99) {
                        c.cancel();
                    }
                });
        assertTrue(o.cancelled());
        assertEquals(100, o.completed());
        assertTrue(evaluated.get() <= 100 + 16 + 2, "no point submitted after the cancel: " + evaluated.get());

        Cancellation later = new Cancellation();
        long start = System.nanoTime();
        new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            later.cancel();
        }).start();
        SweepRunner.Outcome slow = SweepRunner.builder().threads(1).cancellation(later).build().run(g, g.all(),
                () -> p -> {
                    Thread.sleep(60_000); // a point far longer than the test: interrupted by the cancel
                    return 0;
                }, (p, r) -> { });
        assertTrue(slow.cancelled());
        assertEquals(0, slow.completed());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "returns promptly after the cancel");
    }

    @Test
    void progressIsToldAfterEachConsumedPoint() {
        Grid g = grid(7);
        List<String> calls = new ArrayList<>();
        SweepRunner.builder().threads(2).progress((done, total) -> calls.add(done + "/" + total)).build()
                .run(g, new IndexRange(2, 5), () -> p -> 0, (p, r) -> { });
        assertEquals(List.of("1/3", "2/3", "3/3"), calls);
        assertFalse(calls.contains("0/3"));
    }

    /**
     * Before the runner waits for a result not yet computed it tells the sink ({@link SweepRunner.Sink#waiting}),
     * with one point per task and with blocks: here a point finishes only after the sink has been told that the
     * points before it are all it will get for now, so without the call the run would never end (the evaluator's
     * wait times out and the point fails).
     */
    @Test
    void theSinkIsToldBeforeTheRunnerWaits() {
        for (int batch : new int[] {1, 5}) {
            Grid g = grid(40);
            java.util.concurrent.Semaphore toldUpTo = new java.util.concurrent.Semaphore(0);
            List<Long> seenWhenTold = Collections.synchronizedList(new ArrayList<>());
            List<Long> seen = new ArrayList<>();
            SweepRunner.Outcome o = SweepRunner.builder().threads(2).batch(batch).build().run(g, g.all(), () -> p -> {
                if (p.index() == 20) { // the slow point: done only once the sink has passed on points 0..19
                    if (!toldUpTo.tryAcquire(30, java.util.concurrent.TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the sink was never told that the runner waits");
                    }
                }
                return p.index();
            }, new SweepRunner.Sink<Object>() {
                @Override
                public void accept(Point p, Object r) {
                    seen.add(p.index());
                }

                @Override
                public void waiting() {
                    seenWhenTold.add((long) seen.size());
                    if (seen.size() == 20) {
                        toldUpTo.release();
                    }
                }
            });
            assertEquals(new SweepRunner.Outcome(40, 40, false), o, "batch " + batch);
            assertEquals(longs(0, 40), seen);
            assertTrue(seenWhenTold.contains(20L), "told while waiting for point 20: " + seenWhenTold);
        }
    }

    private static List<Long> longs(long from, long to) {
        List<Long> l = new ArrayList<>();
        for (long i = from; i < to; i++) {
            l.add(i);
        }
        return l;
    }
}
