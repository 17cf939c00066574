package org.iclscale.cli;

import org.iclscale.core.ComputationException;
import org.iclscale.core.Gamma;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Inputs;
import org.iclscale.core.Setting;
import org.iclscale.io.Report;
import org.iclscale.simulate.IsoSimulator;
import org.iclscale.simulate.MonteCarloResult;
import org.iclscale.simulate.StructuredSimulator;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.IsoModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code simulate}: finite-D Monte Carlo of the reduced-Γ predictor, next to the limiting theory. */
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
    protected Report compute() {
        int n = Inputs.integer("--trials", trials, 2, 100_000_000);
        long s;
        try {
            s = Long.parseLong(seed.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--seed", seed, "an integer");
        }
        if (gamma.optimal() || gamma.infinite()) {
            throw new InvalidInputException("--gamma", gamma.toString(), "a finite number >= 0 for simulation");
        }
        if (model.depth().infinite()) {
            throw new InvalidInputException("--depth", "inf", "a finite integer >= 1 for simulation");
        }
        if (model.setting() != Setting.ISO) {
            return structured(n, s);
        }
        if (structured.dim == null) {
            throw new InvalidInputException("--dim", "missing", "an integer >= 1 (input dimension D)");
        }
        int d = Inputs.integer("--dim", structured.dim, 1, 1_000_000);
        String[][] others = {{"--nu", structured.nu}, {"--beta", structured.beta}, {"--width", structured.width},
            {"--width-ratio", structured.widthRatio},
            {"--spectrum", structured.spectrumFile == null ? null : structured.spectrumFile.toString()}};
        for (String[] o : others) {
            if (o[1] != null) {
                throw new InvalidInputException(o[0], "not accepted with --setting iso (fs or rrs only)");
            }
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

    /** FS / RRS Monte Carlo with the deterministic-equivalent (or exact) theory of the same regime. */
    private Report structured(int n, long s) {
        Spectrum spectrum = structured.spectrum(model.setting());
        int width = structured.width(spectrum);
        if (spectrum.dim() > 20_000) {
            throw new InvalidInputException("--dim", spectrum.dim(), "at most 20000 for simulation");
        }
        StructuredSimulator sim = new StructuredSimulator(spectrum, model.setting(), width, model.alpha(),
                model.depth().steps(), gamma.value(), model.sigma());
        MonteCarloResult mc = sim.run(n, s);
        Report r = new Report("simulate").putAll(model.echo()).putAll(structured.echo());
        r.put("contextLength", sim.contextLength() == Integer.MAX_VALUE ? "inf" : sim.contextLength());
        r.put("gamma", gamma.value()).put("trials", n).put("seed", s);
        r.put("loss", mc.loss()).put("excessLoss", mc.loss() - model.sigma() * model.sigma());
        r.put("standardError", mc.standardError());
        try {
            GammaLandscape theory = Landscapes.create(model, structured);
            double t = theory.loss(gamma.value());
            r.put("theoryLoss", t).put("deviationInStandardErrors",
                    mc.standardError() > 0 ? (mc.loss() - t) / mc.standardError() : 0.0);
            r.put("theoryMethod", theory.method());
        } catch (ComputationException e) {
            r.note("theory not available at these parameters: " + e.getMessage());
        }
        r.put("method", "Monte Carlo (" + model.setting().cliName() + "): " + n + " contexts, D = " + spectrum.dim()
                + (model.setting() == Setting.RRS && width < spectrum.dim() ? ", Haar rank-" + width + " projection" : "")
                + ", P = " + (sim.contextLength() == Integer.MAX_VALUE ? "inf" : Integer.toString(sim.contextLength()))
                + ", exact query loss sum_k lambda_k (w - w*)_k^2 + sigma^2");
        return r;
    }
}
