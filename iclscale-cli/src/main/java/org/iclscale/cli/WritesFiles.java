package org.iclscale.cli;

/**
 * Marks a verb whose job is writing files ({@code figure}, {@code plot}, {@code tour}): its result is a side
 * effect, not a report, so {@code sweep} refuses it (a sweep would overwrite the same files at every point).
 */
public interface WritesFiles {
}
