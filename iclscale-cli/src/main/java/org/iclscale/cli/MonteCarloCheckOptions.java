package org.iclscale.cli;

import org.iclscale.core.Inputs;
import org.iclscale.model.Theory;
import picocli.CommandLine.Option;

/**
 * {@code --mc-check TRIALS} and {@code --mc-seed S} of risk and optimum: a Monte Carlo estimate at the user's D
 * beside the theory ({@link Theory#monteCarloCheck}; issue 16 item 14).
 */
public final class MonteCarloCheckOptions {

    @Option(names = "--mc-check", paramLabel = "TRIALS",
            description = {"Also simulate the defining in-context GD at the spectrum's D with TRIALS contexts at the",
                "same gamma (fs, rrs; finite depth) and report it beside the theory: mcCheck.loss, standardError,",
                "deviationInStandardErrors, relativeOffset = (theory - MC)/(MC excess loss)."})
    String trials;

    @Option(names = "--mc-seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of --mc-check (default: ${DEFAULT-VALUE}).")
    String seed = "1";

    /** True when {@code --mc-check} was given. */
    public boolean requested() {
        return trials != null;
    }

    /** The number of contexts (exit 2 naming --mc-check otherwise). */
    public int trials() {
        return Inputs.integer("--mc-check", trials, 2, Theory.MAX_CHECK_TRIALS);
    }

    /** The seed (exit 2 naming --mc-seed otherwise). */
    public long seed() {
        return Inputs.seed("--mc-seed", seed);
    }
}
