package org.iclscale.sweep;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iclscale.core.InvalidInputException;

/**
 * Shard {@code index} of {@code count} (0-based, {@code I/N} on the command line): the contiguous block of point
 * indices [⌊i·n/N⌋, ⌊(i+1)·n/N⌋) of an n-point grid. The N blocks are disjoint, cover the grid in order and
 * differ in size by at most one point, so concatenating the outputs of shards 0..N-1 gives the whole sweep; job
 * arrays (SLURM {@code $SLURM_ARRAY_TASK_ID}, Kubernetes Indexed Jobs, GNU parallel) pass their task index as I.
 */
public record Shard(int index, int count) {

    /** Largest number of shards. */
    public static final int MAX_COUNT = 1_000_000;

    /** The whole grid as one shard. */
    public static final Shard ALL = new Shard(0, 1);

    private static final Pattern TEXT = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");
    private static final String VALID = "I/N with integers 0 <= I < N <= " + MAX_COUNT + " (shard I of N, counted from 0)";

    public Shard {
        if (count < 1 || count > MAX_COUNT || index < 0 || index >= count) {
            throw new InvalidInputException("shard", index + "/" + count, VALID);
        }
    }

    /** Parses {@code I/N}; anything else is an {@link InvalidInputException} naming {@code parameter}. */
    public static Shard parse(String parameter, String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new InvalidInputException(parameter, "'" + text + "'", VALID);
        }
        int i = Integer.parseInt(m.group(1));
        int n = Integer.parseInt(m.group(2));
        if (n < 1 || n > MAX_COUNT || i >= n) {
            throw new InvalidInputException(parameter, "'" + text + "'", VALID);
        }
        return new Shard(i, n);
    }

    /** This shard's block of an n-point grid: [⌊i·n/N⌋, ⌊(i+1)·n/N⌋) (exact in long: n·N < 10^7·10^6). */
    public IndexRange block(long points) {
        return new IndexRange(start(index, points), start(index + 1, points));
    }

    private long start(long i, long points) {
        return Math.multiplyExact(i, points) / count;
    }

    /** True for shard 0, the one that writes the header of a sharded output. */
    public boolean first() {
        return index == 0;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
