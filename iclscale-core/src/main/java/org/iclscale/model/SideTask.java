package org.iclscale.model;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A computation run on a thread of its own while the caller does an independent one (issue 17: the theory column
 * of {@code simulate} beside its Monte Carlo, on the second core of a cold run). {@link #join()} returns its value,
 * or rethrows the very exception or error it threw, unwrapped, as a direct call would have. The thread is a daemon:
 * a caller that fails first leaves it to finish unobserved, as the sequential code never started it.
 */
final class SideTask<T> {

    private final FutureTask<T> task;

    private SideTask(Supplier<T> computation) {
        this.task = new FutureTask<>(computation::get);
    }

    /** Starts {@code computation} on a new daemon thread named {@code name}. */
    static <T> SideTask<T> start(String name, Supplier<T> computation) {
        SideTask<T> side = new SideTask<>(computation);
        Thread thread = new Thread(side.task, name);
        thread.setDaemon(true);
        thread.start();
        return side;
    }

    /** Waits for the computation; its value, or its own unchecked exception or error rethrown. */
    T join() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the computation is short and the caller needs its result: wait on
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause); // a Supplier throws no checked exception
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
