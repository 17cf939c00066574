package org.iclscale.simulate;

import java.util.SplittableRandom;

/** Test access to the Haar frame of {@link StructuredSimulator}. */
public final class StructuredSimulatorAccess {
    private StructuredSimulatorAccess() {
    }

    public static double[] haarFrame(SplittableRandom rng, int d, int n) {
        return StructuredSimulator.haarFrame(rng, d, n);
    }
}
