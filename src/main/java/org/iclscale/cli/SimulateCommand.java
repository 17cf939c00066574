package org.iclscale.cli;

import org.iclscale.core.Gamma;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Inputs;
import org.iclscale.core.Setting;
import org.iclscale.io.Report;
import org.iclscale.simulate.IsoSimulator;
import org.iclscale.simulate.MonteCarloResult;
import org.iclscale.theory.IsoModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code simulate}: finite-D Monte Carlo of the reduced-Γ predictor, next to the limiting theory. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Finite-dimension Monte Carlo of L steps of in-context GD with Gamma = gamma*I",
            "(matrix-vector products only, parallel over trials, reproducible from --seed)."})
public final class SimulateCommand extends Verb {

    @Mixin
    ModelOptions model;

    @Option(names = "--dim", required = true, description = "Input dimension D >= 1.")
    String dim;

    @Option(names = "--gamma", required = true, converter = Converters.GammaConverter.class,
            description = "Step-size scale gamma >= 0.")
    Gamma gamma;

    @Option(names = "--trials", defaultValue = "1000", description = "Independent contexts (default: ${DEFAULT-VALUE}).")
    String trials;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    String seed;

    @Override
    protected Report compute() {
        if (model.setting() != Setting.ISO) {
            throw new InvalidInputException("--setting", model.setting().cliName(),
                    "iso (simulation of fs and rrs is not available in this build)");
        }
        int d = Inputs.integer("--dim", dim, 1, 1_000_000);
        int n = Inputs.integer("--trials", trials, 2, 100_000_000);
        long s;
        try {
            s = Long.parseLong(seed.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--seed", seed, "an integer");
        }
        if (gamma.optimal()) {
            throw new InvalidInputException("--gamma", "opt", "a number >= 0 for simulation");
        }
        if (model.depth().infinite()) {
            throw new InvalidInputException("--depth", "inf", "a finite integer >= 1 for simulation");
        }
        if (Double.isInfinite(model.alpha())) {
            throw new InvalidInputException("--alpha", "inf", "a finite number > 0 for simulation");
        }
        IsoSimulator sim = new IsoSimulator(d, model.alpha(), model.depth().steps(), gamma.value(), model.sigma());
        MonteCarloResult mc = sim.run(n, s);
        double theory = new IsoModel(model.alpha(), model.depth(), model.sigma()).loss(gamma.value());
        Report r = new Report("simulate").putAll(model.echo());
        r.put("dim", d).put("contextLength", sim.contextLength()).put("gamma", gamma.value());
        r.put("trials", n).put("seed", s);
        r.put("loss", mc.loss()).put("excessLoss", mc.loss() - model.sigma() * model.sigma());
        r.put("standardError", mc.standardError());
        r.put("theoryLoss", theory).put("deviationInStandardErrors",
                mc.standardError() > 0 ? (mc.loss() - theory) / mc.standardError() : 0.0);
        r.put("method", "Monte Carlo: " + n + " contexts, P = round(alpha D), exact query loss |w - w*|^2 + sigma^2");
        return r;
    }
}
