package org.iclscale.cli;

import org.iclscale.core.Inputs;
import org.iclscale.io.Report;
import org.iclscale.theory.ShallowSgd;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sgd}: depth-1 online SGD theory (paper Result 10) with the corrected initial condition. */
@Command(name = "sgd", mixinStandardHelpOptions = true,
        description = {"Depth-1 ISO online SGD theory (paper Result 10): C(t+1) = a C(t) + b, C(0) = g^-2.",
            "gammaDistance = (1/D)|Gamma(t) - I|^2 (the paper's observable); loss = the ICL test loss of Gamma(t),",
            "sigma^2 + 1 - 1/g + g C(t), g = 1 + (1 + sigma^2)/alpha."})
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

    @Option(names = "--every", defaultValue = "1", description = "Report every k-th step (default: ${DEFAULT-VALUE}).")
    String every;

    @Override
    protected Report compute() {
        double a = Inputs.positive("--alpha", alpha, false);
        double k = Inputs.positive("--kappa", kappa, false);
        double t = Inputs.positive("--tau", tau, false);
        double e = Inputs.positive("--eta", eta, false);
        double s = Inputs.nonNegative("--sigma", sigma);
        int n = Inputs.integer("--steps", steps, 0, 100_000_000);
        int stride = Inputs.integer("--every", every, 1, Integer.MAX_VALUE);
        ShallowSgd sgd = new ShallowSgd(a, k, t, e, s);
        int rows = n / stride + 1;
        double[] step = new double[rows];
        double[] distance = new double[rows];
        double[] loss = new double[rows];
        double[] excess = new double[rows];
        for (int i = 0; i < rows; i++) {
            int ti = i * stride;
            step[i] = ti;
            distance[i] = sgd.gammaDistance(ti);
            loss[i] = sgd.loss(ti);
            excess[i] = loss[i] - s * s;
        }
        Report r = new Report("sgd");
        r.put("setting", "iso").put("depth", 1).put("alpha", a).put("kappa", k).put("tau", t).put("eta", e).put("sigma", s);
        r.put("steps", n).put("every", stride);
        r.put("a", sgd.a()).put("b", sgd.b()).put("largestStableEta", ShallowSgd.largestStableEta(a, k, t, s));
        r.put("asymptoticLoss", sgd.asymptoticLoss()).put("asymptoticGammaDistance", sgd.asymptoticGammaDistance());
        r.put("method", "paper Result 10 recursion with C(0) = g^-2 (paper prints C(0) = 1, an erratum)");
        r.column("step", step).column("gammaDistance", distance).column("loss", loss).column("excessLoss", excess);
        return r;
    }
}
