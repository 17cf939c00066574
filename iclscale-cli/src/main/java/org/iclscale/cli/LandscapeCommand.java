package org.iclscale.cli;

import org.iclscale.core.Inputs;
import org.iclscale.io.Report;
import org.iclscale.theory.GammaLandscape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code landscape}: the loss against γ/L up to the stability edge (paper Fig. 2). */
@Command(name = "landscape", mixinStandardHelpOptions = true,
        description = {"Loss landscape of Gamma = gamma*I: loss against gamma/L on K points of (0, edge],",
            "edge = 2/lambda_max (the stability edge of in-context GD), as in the paper's Fig. 2."})
public final class LandscapeCommand extends Verb {

    @Mixin
    ModelOptions model;

    @Mixin
    SpectrumOptions structured;

    @Option(names = "--points", defaultValue = "200", description = "Number of points K >= 2 (default: ${DEFAULT-VALUE}).")
    String points;

    @Option(names = "--max", description = "Largest gamma/L to show (default: the stability edge 2/lambda_max).")
    String max;

    @Override
    protected Report compute() {
        int k = Inputs.integer("--points", points, 2, 10_000_000);
        GammaLandscape landscape = Landscapes.create(model, structured);
        if (model.depth().infinite()) {
            throw new org.iclscale.core.InvalidInputException("--depth", "inf",
                    "a finite integer >= 1 (the landscape is drawn against gamma/L)");
        }
        int l = model.depth().steps();
        double edge = landscape.stabilityEdge() / l;
        double upper = max == null ? edge : Inputs.positive("--max", max, false);
        double[] perLayer = new double[k];
        double[] loss = new double[k];
        double[] excess = new double[k];
        for (int i = 0; i < k; i++) {
            perLayer[i] = upper * (i + 1) / k;
            loss[i] = landscape.loss(perLayer[i] * l);
            excess[i] = loss[i] - landscape.noiseVariance();
        }
        Report r = new Report("landscape").putAll(model.echo()).put("points", k);
        if (model.setting() != org.iclscale.core.Setting.ISO) {
            r.putAll(structured.echo());
        }
        r.put("stabilityEdgePerLayer", edge).put("method", landscape.method());
        r.column("gammaPerLayer", perLayer).column("loss", loss).column("excessLoss", excess);
        double[] gamma = new double[k];
        for (int i = 0; i < k; i++) {
            gamma[i] = perLayer[i] * l;
        }
        r.column("gamma", gamma);
        return r;
    }
}
