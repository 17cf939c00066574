package org.iclscale.sweep;

/**
 * A flag that stops a running sweep: {@link #cancel()} may be called from any thread (a signal handler, a
 * consumer whose output was closed, another job); the {@link SweepRunner} submits no further point, interrupts
 * the points in flight and returns within one polling interval.
 */
public final class Cancellation {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
