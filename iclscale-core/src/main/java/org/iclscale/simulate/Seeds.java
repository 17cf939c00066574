package org.iclscale.simulate;

import java.util.SplittableRandom;

/** Reproducible per-trial generators: trial i of a run with seed s always sees the same stream. */
public final class Seeds {

    private Seeds() {
    }

    public static SplittableRandom forTrial(long seed, int trial) {
        // SplitMix64 finaliser of (seed, trial) so neighbouring trials get unrelated streams
        long z = seed * 0x9E3779B97F4A7C15L + (trial + 1L) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }
}
