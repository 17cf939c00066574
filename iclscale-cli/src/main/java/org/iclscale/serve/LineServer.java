package org.iclscale.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JSON-lines loop: one request per input line, one answer per output line. Requests run in parallel on a fixed
 * pool; an answer is written as soon as it is ready (the client matches answers by id) or, with {@code ordered},
 * in the order the requests arrived. Blank lines are ignored. At the end of the input every request still running
 * is answered before {@link #serve} returns; {@link #drain} does the same from a shutdown hook (SIGTERM).
 */
public final class LineServer {

    /** Requests read ahead per worker thread before reading waits for answers (bounds memory, not throughput). */
    private static final int READ_AHEAD_PER_THREAD = 64;

    private final VerbRunner runner;
    private final ObjectMapper mapper;
    private final boolean ordered;
    private final ExecutorService pool;
    private final Semaphore inFlight;
    private final AtomicInteger threadCount = new AtomicInteger();

    /** Ordered mode: answers that wait for an earlier one, by sequence number. */
    private final Map<Long, String> waiting = new HashMap<>();
    private long nextToWrite;
    private Writer out;

    public LineServer(VerbRunner runner, ObjectMapper mapper, int threads, boolean ordered) {
        this.runner = runner;
        this.mapper = mapper;
        this.ordered = ordered;
        this.inFlight = new Semaphore(threads * READ_AHEAD_PER_THREAD);
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "serve-worker-" + threadCount.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Answers every line of {@code in} on {@code out} until the end of the input; returns after the last answer. */
    public void serve(BufferedReader in, Writer out) throws IOException {
        synchronized (this) {
            this.out = out;
        }
        long sequence = 0;
        try {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                final long seq = sequence++;
                final String request = line;
                inFlight.acquireUninterruptibly();
                try {
                    pool.execute(() -> {
                        try {
                            deliver(seq, runner.answer(request).toJsonLine(mapper));
                        } finally {
                            inFlight.release();
                        }
                    });
                } catch (RejectedExecutionException e) {
                    break; // shutting down (SIGTERM): the requests already taken are answered by drain
                }
            }
        } finally {
            drain(Long.MAX_VALUE);
        }
    }

    /** Stops taking requests and waits (at most {@code millis}) for the running ones to be answered and flushed. */
    public void drain(long millis) {
        pool.shutdown();
        try {
            pool.awaitTermination(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (out != null) {
                try {
                    out.flush();
                } catch (IOException e) {
                    // the client has gone: nothing left to tell it
                }
            }
        }
    }

    private synchronized void deliver(long seq, String answer) {
        if (!ordered) {
            write(answer);
            return;
        }
        waiting.put(seq, answer);
        String next;
        while ((next = waiting.remove(nextToWrite)) != null) {
            write(next);
            nextToWrite++;
        }
    }

    private void write(String answer) {
        try {
            out.write(answer);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("answer could not be written (client gone?)", e);
        }
    }
}
