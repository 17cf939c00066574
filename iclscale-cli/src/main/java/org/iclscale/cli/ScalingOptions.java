package org.iclscale.cli;

import org.iclscale.core.Inputs;
import picocli.CommandLine.Option;

/**
 * The power-law exponents shared by the scaling verbs ({@code exponents}, {@code shape}): capacity ν
 * (λ_k = k^{−ν}) and source β (p_k ∝ k^{−νβ−1}), validated on access (bad input → exit 2).
 */
public final class ScalingOptions {

    @Option(names = "--nu", required = true, description = "capacity exponent nu > 1 (lambda_k = k^-nu)")
    String nuText;

    @Option(names = "--beta", required = true, description = "source exponent beta > 0")
    String betaText;

    /** ν &gt; 1. */
    public double nu() {
        return Inputs.greaterThan("--nu", nuText, 1);
    }

    /** β &gt; 0, finite. */
    public double beta() {
        return Inputs.positive("--beta", betaText, false);
    }
}
