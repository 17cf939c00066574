package org.iclscale.cli;

import java.util.ArrayList;
import java.util.List;
import org.iclscale.core.Inputs;
import org.iclscale.core.ParameterGrid;
import picocli.CommandLine.Option;

/**
 * The power-law exponents shared by the scaling verbs ({@code exponents}, {@code shape}): capacity ν
 * (λ_k = k^{−ν}) and source β (p_k ∝ k^{−νβ−1}), validated on access (bad input → exit 2). {@code exponents}
 * also takes lists and ranges ({@code --nu 1.25,1.5 --beta 0.5:2:lin:4}, the syntax of {@code sweep}).
 */
public final class ScalingOptions {

    @Option(names = "--nu", required = true, description = "capacity exponent nu > 1 (lambda_k = k^-nu); exponents: a list or range a:b:lin|log:n")
    String nuText;

    @Option(names = "--beta", required = true, description = "source exponent beta > 0; exponents: a list or range a:b:lin|log:n")
    String betaText;

    /** ν &gt; 1. */
    public double nu() {
        return Inputs.greaterThan("--nu", nuText, 1);
    }

    /** β &gt; 0, finite. */
    public double beta() {
        return Inputs.positive("--beta", betaText, false);
    }

    /** Every ν of a list or range, each &gt; 1. */
    public List<Double> nus() {
        List<Double> out = new ArrayList<>();
        for (String v : ParameterGrid.parse("--nu", nuText)) {
            out.add(Inputs.greaterThan("--nu", v, 1));
        }
        return out;
    }

    /** Every β of a list or range, each &gt; 0 and finite. */
    public List<Double> betas() {
        List<Double> out = new ArrayList<>();
        for (String v : ParameterGrid.parse("--beta", betaText)) {
            out.add(Inputs.positive("--beta", v, false));
        }
        return out;
    }
}
