package org.iclscale.spark;

import java.io.Serializable;
import org.iclscale.sweep.IndexRange;
import org.iclscale.sweep.Shard;

/**
 * The grid indices {@code from <= i < to} of one Spark task: block {@code k} of {@code K} is
 * {@link Shard#block} of shard k/K, so the blocks cover the grid in order, as {@code sweep --shard} does.
 */
record Block(long from, long to) implements Serializable {

    private static final long serialVersionUID = 1L;

    static Block of(Shard shard, long points) {
        IndexRange r = shard.block(points);
        return new Block(r.from(), r.to());
    }
}
