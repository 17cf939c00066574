/**
 * The sweep engine: a {@link org.iclscale.sweep.Grid grid} of typed points addressed by a row-major index (the
 * last axis varies fastest), contiguous {@link org.iclscale.sweep.Shard shards} of it for job arrays, and the
 * {@link org.iclscale.sweep.SweepRunner runner} that evaluates a range of indices on a bounded pool of workers
 * and hands the results to one consumer in index order, with a progress listener and cancellation.
 *
 * <p>What a point means is the caller's: the command line's {@code sweep} evaluates a verb at each point, the
 * Spark runner rebuilds the same grid from its axes inside each task. A point is identified by its index alone,
 * so any process that holds the axes can evaluate any block of the grid and the blocks concatenate to the whole.
 * Depends only on {@code org.iclscale.core} (its error types).
 */
package org.iclscale.sweep;
