package org.iclscale.cli;

import org.iclscale.core.Inputs;
import org.iclscale.core.QueryLabels;
import org.iclscale.io.Report;
import org.iclscale.model.SgdRequest;
import org.iclscale.model.SgdResult;
import org.iclscale.model.Theory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sgd}: depth-1 online SGD theory (paper Result 10) with the corrected initial condition; a thin adapter over
 * {@link Theory#sgd}.
 */
@Command(name = "sgd", mixinStandardHelpOptions = true,
        description = {"Depth-1 ISO online SGD theory (paper Result 10): C(t+1) = a C(t) + b, C(0) = g^-2.",
            "gammaDistance = (1/D)|Gamma(t) - I|^2 (the paper's observable); loss = the ICL test loss of Gamma(t),",
            "sigma^2 + 1 - 1/g + g C(t), g = 1 + (1 + sigma^2)/alpha.",
            "Label noise: the context labels are y = x.w* + sigma*eps; the update scores the queries against",
            "noise-free labels y = x.w* as the paper's Result 10 does (--query-labels noise-free, the default).",
            "--query-labels noisy: noisy query labels (as train simulates), b + (eta^2/tau) sigma^2 g/kappa."})
public final class SgdCommand extends Verb {

    @Option(names = "--alpha", required = true, description = "Context ratio alpha = P/D > 0.")
    String alpha;

    @Option(names = "--kappa", defaultValue = "1", description = "Queries per context kappa = K/D > 0 (default: ${DEFAULT-VALUE}).")
    String kappa;

    @Option(names = "--tau", defaultValue = "1", description = "Batch ratio tau = B/D > 0 (default: ${DEFAULT-VALUE}).")
    String tau;

    @Option(names = "--eta", required = true, description = "SGD learning rate eta > 0 (must satisfy a < 1).")
    String eta;

    @Option(names = "--sigma", defaultValue = "0", description = "Label-noise standard deviation (default: ${DEFAULT-VALUE}).")
    String sigma;

    @Option(names = "--steps", required = true, description = "Number of SGD steps n >= 0 (output at t = 0..n).")
    String steps;

    @Option(names = "--every", defaultValue = "1", description = "Report every k-th step: at most 1000000 rows (steps/k + 1; the curve is held in memory, "
            + "about 400 bytes a row; refused beyond with the estimate) (default: ${DEFAULT-VALUE}).")
    String every;

    @Option(names = "--query-labels", defaultValue = "noise-free", description = "Query labels in the SGD update: "
            + "noise-free (y = x.w*, the paper's Result 10) or noisy (y = x.w* + sigma*eps) (default: ${DEFAULT-VALUE}).")
    String queryLabels;

    @Override
    protected void validate() {
        request();
    }

    /** The options as a request (every text option parsed and range-checked here). */
    private SgdRequest request() {
        return new SgdRequest(Inputs.positive("--alpha", alpha, false),
                Inputs.positive("--kappa", kappa, false), Inputs.positive("--tau", tau, false),
                Inputs.positive("--eta", eta, false), Inputs.nonNegative("--sigma", sigma),
                Inputs.integer("--steps", steps, 0, SgdRequest.MAX_STEPS), Inputs.integer("--every", every, 1,
                        Integer.MAX_VALUE), QueryLabels.parse(queryLabels));
    }

    @Override
    protected Report compute() {
        SgdRequest request = request();
        SgdResult res = Theory.standard().sgd(request);
        Report r = new Report("sgd");
        r.put("setting", "iso").put("depth", 1).put("alpha", request.alpha()).put("kappa", request.kappa())
                .put("tau", request.tau()).put("eta", request.eta()).put("sigma", request.sigma());
        r.put("steps", request.steps()).put("every", request.every());
        r.put("a", res.a()).put("b", res.b()).put("largestStableEta", res.largestStableEta());
        r.put("asymptoticLoss", res.asymptoticLoss()).put("asymptoticGammaDistance", res.asymptoticGammaDistance());
        r.put("method", res.method());
        r.column("step", res.step()).column("gammaDistance", res.gammaDistance()).column("loss", res.loss())
                .column("excessLoss", res.excessLoss());
        return r;
    }
}
