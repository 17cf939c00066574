package org.iclscale.cli;

import org.iclscale.core.Gamma;
import org.iclscale.core.Inputs;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Setting;
import org.iclscale.deteq.Floors;
import org.iclscale.spectrum.Spectrum;
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
            "(exact per-mode solution), gammaMode1 = its top eigenvalue.",
            "FS/RRS at finite width N (--width, --width-ratio) and alpha = inf: one-point density; finite alpha:",
            "two-point structured-Wishart (N = D, fs or rrs) or (E1)-(E3) contour (N < D), label noise by the",
            "one-point contour (N2) of deteq-noise.md. The 'method' field names the regime.",
            "Floors (--depth inf --gamma inf, t = L = inf): --setting rrs --width N --alpha inf gives the width",
            "floor sum_k p_k z/(z+lambda_k), sum_k lambda_k/(lambda_k+z) = N; --width inf --alpha A (fs or rrs)",
            "gives the context floor (min-norm interpolation, with the 1/(1 - P^-1 sum lambda^2/(r+lambda)^2)",
            "correction and the noise term); both finite is refused."})
public final class RiskCommand extends Verb {

    @Mixin
    ModelOptions model;

    @Mixin
    SpectrumOptions structured;

    @Option(names = "--gamma", converter = Converters.GammaConverter.class,
            description = "Step-size scale gamma >= 0 (per-layer step gamma/L), opt, or inf (floors, with --depth inf).")
    Gamma gamma;

    @Option(names = "--time", description = "Training time T >= 0 of the gradient flow from Gamma(0) = 0 (instead of --gamma).")
    String time;

    @Option(names = "--convention", defaultValue = "half",
            description = "Time convention of --time: half (dGamma/dt = -1/2 dLoss/dGamma, default) or appendix-d "
                    + "(dGamma/dt = -dLoss/dGamma).")
    String convention;

    @Option(names = "--layer-gammas", paramLabel = "G1,...,GL",
            description = {"Untied layers (rrs, N = inf): one step scale per layer, gamma^l >= 0; their number is the",
                "depth. Loss = sum_k p_k prod_l (1 - gamma^l lambda_k/L)^2 + noise term of App. G.1.2 at finite",
                "--alpha (leading order in 1/alpha: M -> Lambda in the layer products), + sigma^2."})
    String layerGammas;

    @Override
    protected Report compute() {
        if (layerGammas != null) {
            return untied();
        }
        if ((gamma == null) == (time == null)) {
            throw new InvalidInputException("--gamma", gamma == null ? "missing" : "given together with --time",
                    "exactly one of --gamma G|opt and --time T");
        }
        TimeConvention conv = TimeConvention.parse(convention);
        if (gamma != null && gamma.infinite()) {
            return floor();
        }
        GammaLandscape landscape = Landscapes.create(model, structured);
        Report r = new Report("risk").putAll(model.echo());
        if (model.setting() != Setting.ISO) {
            r.putAll(structured.echo());
        }
        if (time != null) {
            double t = Inputs.nonNegative("--time", time);
            r.put("time", t).put("convention", conv.description());
            if (model.setting() == Setting.FS) {
                if (Double.isFinite(model.alpha())) {
                    throw new InvalidInputException("--alpha", model.alpha(), "inf for --setting fs --time (the trained "
                            + "diagonal Gamma(T) of Result 4 is an alpha = inf result)");
                }
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

    /** γ = L = ∞: the width or context floor (notes §3.5), or 0 at α = N = ∞. */
    /** Untied layers Γ^ℓ = γ^ℓ I (paper App. G.1, notes §3.6), with the App. G.1.2 noise term at finite α. */
    private Report untied() {
        if (model.setting() != Setting.RRS) {
            throw new InvalidInputException("--layer-gammas", layerGammas, "only with --setting rrs");
        }
        if (gamma != null || time != null) {
            throw new InvalidInputException("--layer-gammas", layerGammas, "not together with --gamma or --time");
        }
        double[] g = Inputs.nonNegativeValues("--layer-gammas", layerGammas);
        if (!model.depth().infinite() && model.depth().steps() != 1 && model.depth().steps() != g.length) {
            throw new InvalidInputException("--depth", model.depth(), g.length + " (the number of --layer-gammas) or omitted");
        }
        Spectrum spectrum = structured.spectrum(model.setting());
        if (structured.width(spectrum) < spectrum.dim()) {
            throw new InvalidInputException("--width", structured.width(spectrum), "inf for --layer-gammas (N = D)");
        }
        org.iclscale.theory.UntiedLayers untied = new org.iclscale.theory.UntiedLayers(spectrum, g.length);
        double contextLength = model.alpha() * spectrum.dim();
        double loss = untied.loss(g, model.sigma(), contextLength);
        Report r = new Report("risk").putAll(model.echo()).put("depth", g.length);
        r.putAll(structured.echo());
        r.put("layerGammas", g.clone());
        r.put("loss", loss).put("excessLoss", loss - model.sigma() * model.sigma());
        r.put("signalLoss", untied.signal(g));
        r.put("noiseLoss", untied.noise(g, model.sigma(), contextLength));
        r.put("method", "untied layers (App. G.1): signal at alpha = inf, sum_k p_k prod_l (1 - gamma^l lambda_k/L)^2; "
                + "noise App. G.1.2 to leading order in 1/alpha (empirical covariance -> Lambda in the layer products)");
        return r;
    }

    private Report floor() {
        if (model.setting() == Setting.ISO) {
            throw new InvalidInputException("--gamma", "inf", "a finite number >= 0 or opt for --setting iso");
        }
        if (!model.depth().infinite()) {
            throw new InvalidInputException("--gamma", "inf", "a finite number or opt unless --depth inf (the floors are "
                    + "the t, L -> inf limits)");
        }
        Spectrum spectrum = structured.spectrum(model.setting());
        int n = structured.width(spectrum);
        boolean finiteWidth = n < spectrum.dim();
        boolean finiteContext = Double.isFinite(model.alpha());
        double s2 = model.sigma() * model.sigma();
        Report r = new Report("risk").putAll(model.echo()).putAll(structured.echo());
        r.put("gamma", "inf");
        Floors.Floor f;
        String method;
        if (finiteWidth && finiteContext) {
            throw new InvalidInputException("--gamma", "inf", "finite when both --width and --alpha are finite (no "
                    + "validated joint floor; the floors are the width floor at --alpha inf or the context floor at "
                    + "--width inf)");
        } else if (finiteWidth) {
            if (model.setting() == Setting.FS) {
                throw new InvalidInputException("--width", n, "inf for --setting fs");
            }
            f = Floors.width(spectrum, n);
            method = "width floor (t, L, P -> inf; notes 3.5, first-power form): sum_k p_k z/(z + lambda_k) with "
                    + "sum_k lambda_k/(lambda_k + z) = N; sigma^2 added";
        } else if (finiteContext) {
            double p = model.alpha() * spectrum.dim();
            f = Floors.context(spectrum, p, model.sigma());
            method = "context floor (t, L, N -> inf; min-norm interpolation, notes 3.5/7.4): [r^2 sum p/(r+lambda)^2 "
                    + "+ sigma^2 df2/P]/(1 - df2/P) with sum lambda/(r+lambda) = P";
        } else {
            f = new Floors.Floor(0, 0, null);
            method = "exact: sum_k p_k exp(-2 gamma lambda_k) -> 0 as gamma -> inf (alpha = N = inf)";
        }
        r.put("loss", s2 + f.excessLoss()).put("excessLoss", f.excessLoss()).put("ridge", f.ridge());
        r.put("method", method);
        if (f.report() != null) {
            r.put("solverResidual", f.report().residual());
        }
        return r;
    }
}
