package org.iclscale.cli;

import org.iclscale.core.Gamma;
import org.iclscale.core.Inputs;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Setting;
import org.iclscale.io.Report;
import org.iclscale.theory.FsModel;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.GradientFlow;
import org.iclscale.theory.OptimumSearch;
import org.iclscale.theory.RrsModel;
import org.iclscale.theory.TimeConvention;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code risk}: the exact limiting test loss at a given γ, at the optimal γ, or after training time T. */
@Command(name = "risk", mixinStandardHelpOptions = true,
        description = {"Exact limiting ICL test loss of the reduced-Gamma model, either for Gamma = gamma*I (--gamma G|opt)",
            "or for the Gamma(T) trained by gradient flow from 0 for a time T (--time T, see --convention).",
            "ISO: paper Result 1 (Marchenko-Pastur law, zero atom for alpha < 1), exact Gauss quadrature.",
            "RRS (alpha = N = inf): Result 6, loss = sigma^2 + sum_k p_k (1 - gamma lambda_k/L)^(2L).",
            "FS (alpha = inf): --gamma along Gamma = gamma*I; --time T: the trained diagonal Gamma(T) of Result 4",
            "(exact per-mode solution), gammaMode1 = its top eigenvalue."})
public final class RiskCommand extends Verb {

    @Mixin
    ModelOptions model;

    @Mixin
    SpectrumOptions structured;

    @Option(names = "--gamma", converter = Converters.GammaConverter.class,
            description = "Step-size scale gamma >= 0 (per-layer step gamma/L), or opt.")
    Gamma gamma;

    @Option(names = "--time", description = "Training time T >= 0 of the gradient flow from Gamma(0) = 0 (instead of --gamma).")
    String time;

    @Option(names = "--convention", defaultValue = "half",
            description = "Time convention of --time: half (dGamma/dt = -1/2 dLoss/dGamma, default) or appendix-d "
                    + "(dGamma/dt = -dLoss/dGamma).")
    String convention;

    @Override
    protected Report compute() {
        if ((gamma == null) == (time == null)) {
            throw new InvalidInputException("--gamma", gamma == null ? "missing" : "given together with --time",
                    "exactly one of --gamma G|opt and --time T");
        }
        TimeConvention conv = TimeConvention.parse(convention);
        GammaLandscape landscape = Landscapes.create(model, structured);
        Report r = new Report("risk").putAll(model.echo());
        if (model.setting() != Setting.ISO) {
            r.putAll(structured.echo());
        }
        if (time != null) {
            double t = Inputs.nonNegative("--time", time);
            r.put("time", t).put("convention", conv.description());
            if (model.setting() == Setting.FS) {
                FsModel fs = new FsModel(structured.spectrum(model.setting()), model.depth(), model.sigma(), conv);
                double loss = fs.loss(t);
                r.put("gammaMode1", fs.gamma(0, t));
                r.put("loss", loss).put("excessLoss", loss - fs.noiseVariance());
                r.put("method", "FS (alpha = inf) Result 4: exact separable solution per mode, Gamma(0) = 0");
                return r;
            }
            GradientFlow.Trajectory traj = GradientFlow.integrate(landscape, new double[] {conv.factor() * t});
            double g = traj.gamma()[0];
            r.put("gamma", g);
            putGammaAndLoss(r, landscape, g, landscape.method() + "; gamma(T) by Dormand-Prince 8(5,3) gradient flow");
            return r;
        }
        double g;
        String method = landscape.method();
        if (gamma.optimal()) {
            OptimumCommand.requireFiniteSearchRange(landscape, model);
            g = landscape instanceof RrsModel rrs ? rrs.optimum().gamma() : OptimumSearch.minimise(landscape).gamma();
            method += "; gamma by global grid + Brent search";
        } else {
            g = gamma.value();
        }
        r.put("gamma", g);
        putGammaAndLoss(r, landscape, g, method);
        return r;
    }

    private void putGammaAndLoss(Report r, GammaLandscape landscape, double g, String method) {
        double loss = landscape.loss(g);
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
    }
}
