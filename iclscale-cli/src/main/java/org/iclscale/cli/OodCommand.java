package org.iclscale.cli;

import org.iclscale.core.Inputs;
import org.iclscale.io.Report;
import org.iclscale.model.ModelSpec;
import org.iclscale.model.OodRequest;
import org.iclscale.model.OodResult;
import org.iclscale.model.Theory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ood}: FS out-of-distribution loss of the Result 3 optimum under rotated covariances (Result 5); a thin
 * adapter over {@link Theory#ood}.
 */
@Command(name = "ood", mixinStandardHelpOptions = true,
        description = {"FS OOD brittleness (paper Result 5, Fig. 3c): the alpha = inf optimum Gamma = L Sigma^-1 tested on",
            "Sigma' = e^(theta S) Sigma e^(-theta S), Omega' = e^(theta S) Omega e^(-theta S), S = (G - G^T)/(2 sqrt D),",
            "G a seeded Gaussian matrix: loss = sigma^2 + tr Omega' [(I - Sigma^-1 Sigma')^L]^T Sigma' (I - Sigma^-1 Sigma')^L.",
            "Depth helps while the spectral radius of I - Sigma^-1 Sigma' is below 1 and hurts beyond (notes 3.3):",
            "--compare-depths 1,2,4,8 adds one loss column per depth and the crossover angle of the smallest and largest.",
            "Needs --setting fs, a finite --depth, D <= 2000 (dense D x D matrices)."})
public final class OodCommand extends Verb {

    @Mixin
    ModelOptions model;

    @Mixin
    SpectrumOptions structured;

    @Option(names = "--thetas", required = true, description = "Comma-separated rotation angles theta >= 0, increasing.")
    String thetas;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random skew-symmetric S (default ${DEFAULT-VALUE}).")
    String seed;

    @Option(names = "--compare-depths", description = "Comma-separated depths L >= 1 to tabulate side by side.")
    String compareDepths;

    @Override
    protected void validate() {
        request();
    }

    /** The options as a request (the model spec and every text option parsed and checked here). */
    private OodRequest request() {
        ModelSpec spec = model.toSpec(structured);
        int[] more = compareDepths == null ? new int[0]
                : Inputs.integerList("--compare-depths", compareDepths, 1, OodRequest.MAX_COMPARE_DEPTH);
        return new OodRequest(spec, Inputs.nonNegativeList("--thetas", thetas),
                Inputs.integer("--seed", seed, 0, Integer.MAX_VALUE), more);
    }

    @Override
    protected Report compute() {
        OodRequest request = request();
        ModelSpec spec = request.spec();
        OodResult res = Theory.standard().ood(request);
        Report r = new Report("ood").putAll(model.echo()).putAll(structured.echo(spec));
        r.put("seed", request.seed());
        r.put("method", res.method());
        r.column("theta", res.theta()).column("loss", res.lossAt(0)).column("excessLoss", res.excessLoss())
                .column("spectralRadius", res.spectralRadius());
        int[] depths = request.depths();
        for (int d = 1; d < depths.length; d++) {
            r.column("lossL" + depths[d], res.lossAt(d));
        }
        if (res.crossoverTheta().isPresent()) {
            r.put("crossoverTheta", res.crossoverTheta().getAsDouble());
            r.put("crossoverDepths", res.crossoverDepths());
        }
        res.notes().forEach(r::note);
        return r;
    }
}
