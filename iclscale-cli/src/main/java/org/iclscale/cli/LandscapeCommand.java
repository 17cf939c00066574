package org.iclscale.cli;

import org.iclscale.core.Inputs;
import org.iclscale.core.InvalidInputException;
import org.iclscale.io.Report;
import org.iclscale.model.LandscapeCurve;
import org.iclscale.model.ModelSpec;
import org.iclscale.model.Theory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code landscape}: the loss against γ/L up to the stability edge (paper Fig. 2; {@link Theory#landscape}). */
@Command(name = "landscape", mixinStandardHelpOptions = true,
        description = {"Loss landscape of Gamma = gamma*I: loss against gamma/L on K points of (0, edge],",
            "edge = 2/lambda_max (the stability edge of in-context GD; 2/s+ for the deterministic equivalents, s+ the",
            "top of the equivalent spectrum), as in the paper's Fig. 2. --gamma-max G: up to gamma = G instead.",
            "--method monte-carlo: the defining GD at the spectrum's D, with a standardError column."})
public final class LandscapeCommand extends Verb {

    @Mixin
    ModelOptions model;

    @Mixin
    SpectrumOptions structured;

    @Option(names = "--points", defaultValue = "200", description = "Number of points K >= 2 (default: ${DEFAULT-VALUE}).")
    String points;

    @Option(names = "--max", description = "Largest gamma/L to show (default: the stability edge 2/lambda_max).")
    String max;

    @Option(names = "--gamma-max", paramLabel = "G", description = "Largest gamma (not gamma/L) to show, instead of --max.")
    String gammaMax;

    @Mixin
    MethodOptions methodOptions;

    @Override
    protected void validate() {
        points();
        upper();
        upperGamma();
        model.toSpec(structured);
    }

    private int points() {
        return Inputs.integer("--points", points, 2, 10_000_000);
    }

    private double upper() {
        return max == null ? Double.NaN : Inputs.positive("--max", max, false);
    }

    /** {@code --gamma-max} (NaN without it); not together with {@code --max}. */
    private double upperGamma() {
        if (max != null && gammaMax != null) {
            throw new InvalidInputException("--gamma-max", gammaMax, "not together with --max (one upper end)");
        }
        return gammaMax == null ? Double.NaN : Inputs.positive("--gamma-max", gammaMax, false);
    }

    @Override
    protected Report compute() {
        int k = points();
        double upper = upper();
        double upperGamma = upperGamma();
        ModelSpec spec = model.toSpec(structured);
        LandscapeCurve c = gammaMax == null ? Theory.standard().landscape(spec, k, upper, methodOptions.method())
                : Theory.standard().landscapeUpTo(spec, k, upperGamma, methodOptions.method());
        Report r = new Report("landscape").putAll(model.echo()).put("points", k);
        if (model.setting() != org.iclscale.core.Setting.ISO) {
            r.putAll(structured.echo(spec));
        }
        r.put("stabilityEdgePerLayer", c.stabilityEdgePerLayer()).put("method", c.method());
        r.column("gammaPerLayer", c.gammaPerLayer()).column("loss", c.loss()).column("excessLoss", c.excessLoss());
        r.column("gamma", c.gamma());
        if (c.standardError().length > 0) {
            r.column("standardError", c.standardError());
        }
        c.notes().forEach(r::note);
        return r;
    }
}
