package org.iclscale.simulate;

import java.util.Map;

/** A model trained by online SGD on fresh in-context regression batches (one step = one batch). */
public interface Trainer {

    /**
     * One SGD step on a fresh batch (step index n selects the batch's seed); returns the batch's query loss at
     * the parameters before the update.
     */
    default double step(int n) {
        return step(n, true);
    }

    /** As {@link #step(int)}; with {@code update = false} only the batch loss is computed. */
    double step(int n, boolean update);

    /** The ICL test loss (σ² included) on a fixed set of fresh test contexts, exact query expectation. */
    MonteCarloResult testLoss();

    /** Observables recorded with the loss: effective γ and parameter norms (ordered, camelCase keys). */
    Map<String, Double> observables();

    /** The learning rate, for messages. */
    double eta();
}
