package org.iclscale.cli;

import org.iclscale.core.Gamma;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Inputs;
import org.iclscale.core.Setting;
import org.iclscale.io.Report;
import org.iclscale.model.ModelSpec;
import org.iclscale.model.SimulationResult;
import org.iclscale.model.Theory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code simulate}: finite-D Monte Carlo of the reduced-Γ predictor, next to the limiting theory ({@link Theory#simulate}). */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Finite-dimension Monte Carlo of L steps of in-context GD with Gamma = gamma*I",
            "(matrix-vector products only, parallel over trials, reproducible from --seed).",
            "iso: --dim D, --alpha finite. fs: fixed Sigma = Lambda, Omega from --nu/--beta/--dim or --spectrum.",
            "rrs: as fs with a Haar rank-N projection (--width N or --width-ratio R); --alpha inf allowed",
            "(Sigma-hat = Lambda). The theory of the same regime (and its method) is printed alongside."})
public final class SimulateCommand extends Verb {

    @Mixin
    ModelOptions model;

    @Mixin
    SpectrumOptions structured;

    @Option(names = "--gamma", required = true, converter = Converters.GammaConverter.class,
            description = "Step-size scale gamma >= 0.")
    Gamma gamma;

    @Option(names = "--trials", defaultValue = "1000", description = "Independent contexts (default: ${DEFAULT-VALUE}).")
    String trials;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    String seed;

    @Override
    protected void validate() {
        trials();
        seed();
    }

    private int trials() {
        return Inputs.integer("--trials", trials, 2, 100_000_000);
    }

    private long seed() {
        return Inputs.seed("--seed", seed);
    }

    @Override
    protected Report compute() {
        int n = trials();
        long s = seed();
        if (gamma.optimal() || gamma.infinite()) {
            throw new InvalidInputException("--gamma", gamma.toString(), "a finite number >= 0 for simulation");
        }
        if (model.depth().infinite()) {
            throw new InvalidInputException("--depth", "inf", "a finite integer >= 1 for simulation");
        }
        ModelSpec spec;
        int isoDim = 0;
        if (model.setting() == Setting.ISO) {
            if (structured.dim == null) {
                throw new InvalidInputException("--dim", "missing (expected an integer >= 1, the input dimension D)");
            }
            isoDim = structured.dim;
            Integer dim = structured.dim;
            structured.dim = null; // --dim is the input dimension here, not a spectrum option
            try {
                spec = model.toSpec(structured);
            } finally {
                structured.dim = dim;
            }
        } else {
            spec = model.toSpec(structured);
        }
        SimulationResult res = Theory.standard().simulate(spec, gamma.value(), isoDim, n, s);
        Report r = new Report("simulate").putAll(model.echo());
        if (model.setting() == Setting.ISO) {
            r.put("dim", res.dim()).put("contextLength", (int) res.contextLength()).put("gamma", res.gamma());
        } else {
            r.putAll(structured.echo(spec));
            r.put("contextLength", Double.isInfinite(res.contextLength()) ? "inf" : (Object) (int) res.contextLength());
            r.put("gamma", res.gamma());
        }
        if (!res.spec().alpha().infinite()) {
            r.put("realisedAlpha", res.spec().alpha().value());
        }
        r.put("trials", n).put("seed", s);
        r.put("loss", res.loss()).put("excessLoss", res.excessLoss());
        r.put("standardError", res.standardError());
        if (res.theoryLoss().isPresent()) {
            r.put("theoryLoss", res.theoryLoss().getAsDouble()).put("deviationInStandardErrors",
                    res.deviationInStandardErrors());
            if (model.setting() != Setting.ISO) {
                r.put("theoryMethod", res.theoryMethod());
            }
        }
        r.put("method", res.method());
        res.notes().forEach(r::note);
        return r;
    }
}
