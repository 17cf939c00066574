package org.iclscale.cli;

import org.iclscale.core.Gamma;
import org.iclscale.io.Report;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.OptimumSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code risk}: the exact limiting test loss at a given step-size scale γ (or at the optimal γ). */
@Command(name = "risk", mixinStandardHelpOptions = true,
        description = {"Exact limiting ICL test loss of the reduced-Gamma model with Gamma = gamma*I.",
            "ISO: paper Result 1 (Marchenko-Pastur law, zero atom for alpha < 1), exact Gauss quadrature."})
public final class RiskCommand extends Verb {

    @Mixin
    ModelOptions model;

    @Mixin
    SpectrumOptions structured;

    @Option(names = "--gamma", required = true, converter = Converters.GammaConverter.class,
            description = "Step-size scale gamma >= 0 (per-layer step gamma/L), or opt.")
    Gamma gamma;

    @Override
    protected Report compute() {
        GammaLandscape landscape = Landscapes.create(model, structured);
        double g;
        String method = landscape.method();
        if (gamma.optimal()) {
            OptimumCommand.requireFiniteSearchRange(landscape, model);
            g = OptimumSearch.minimise(landscape).gamma();
            method += "; gamma by global grid + Brent search";
        } else {
            g = gamma.value();
        }
        double loss = landscape.loss(g);
        Report r = new Report("risk").putAll(model.echo());
        if (model.setting() != org.iclscale.core.Setting.ISO) {
            r.putAll(structured.echo());
        }
        r.put("gamma", g);
        if (!model.depth().infinite()) {
            r.put("gammaPerLayer", g / model.depth().steps());
        }
        r.put("loss", loss).put("excessLoss", loss - landscape.noiseVariance()).put("method", method);
        if (Double.isFinite(landscape.stabilityEdge())) {
            r.put("stabilityEdge", landscape.stabilityEdge());
            if (g > landscape.stabilityEdge()) {
                r.note("gamma is beyond the stability edge 2L/lambda_max: in-context GD diverges as L grows");
            }
        }
        return r;
    }
}
