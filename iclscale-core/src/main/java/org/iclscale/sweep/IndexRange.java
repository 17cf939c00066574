package org.iclscale.sweep;

/** The point indices {@code from <= i < to} of a grid (a shard's block, or the whole grid). */
public record IndexRange(long from, long to) {

    public IndexRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("index range [" + from + ", " + to + ")");
        }
    }

    public long size() {
        return to - from;
    }

    public boolean isEmpty() {
        return to == from;
    }

    public boolean contains(long index) {
        return index >= from && index < to;
    }
}
