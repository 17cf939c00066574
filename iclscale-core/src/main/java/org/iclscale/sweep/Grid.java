package org.iclscale.sweep;

import java.util.List;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.ParameterGrid;

/**
 * The cartesian product of some {@link Axis axes}, its points addressed by a row-major index: the last axis
 * varies fastest, so index = ((c_0 n_1 + c_1) n_2 + c_2) ... for coordinates c_k on axes of sizes n_k. No axes is
 * the grid of one point. Immutable; a point is rebuilt from its index alone ({@link #point(long)}), which is what
 * lets shards and distributed tasks evaluate any block of the grid.
 */
public final class Grid {

    /** Largest number of points a grid may have. */
    public static final long MAX_POINTS = ParameterGrid.MAX_POINTS;

    private final List<Axis> axes;
    private final long size;

    /** @throws InvalidInputException naming the first axis at which the product exceeds {@link #MAX_POINTS} */
    public Grid(List<Axis> axes) {
        this.axes = List.copyOf(axes);
        long n = 1;
        for (Axis a : this.axes) {
            n *= a.size();
            if (n > MAX_POINTS) {
                throw new InvalidInputException(a.name(), "the sweep has more than " + MAX_POINTS
                        + " points (product of the list lengths); split it into several sweeps");
            }
        }
        this.size = n;
    }

    public List<Axis> axes() {
        return axes;
    }

    /** The number of points (the product of the axis sizes; 1 without axes). */
    public long size() {
        return size;
    }

    /** The point at {@code index} (0-based, row-major: the last axis fastest). */
    public Point point(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("point " + index + " of a grid of " + size);
        }
        int[] c = new int[axes.size()];
        long rest = index;
        for (int i = axes.size() - 1; i >= 0; i--) {
            int n = axes.get(i).size();
            c[i] = (int) (rest % n);
            rest /= n;
        }
        return new Point(index, size, axes, c);
    }

    /** The indices of {@code shard}: the contiguous block [⌊i·n/N⌋, ⌊(i+1)·n/N⌋) of this grid's n points. */
    public IndexRange block(Shard shard) {
        return shard.block(size);
    }

    /** Every index of the grid. */
    public IndexRange all() {
        return new IndexRange(0, size);
    }
}
