package org.iclscale.cli;

import org.iclscale.core.Gamma;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Setting;
import org.iclscale.deteq.Floors;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.io.Report;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.OptimumSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code risk}: the exact limiting test loss at a given step-size scale γ (or at the optimal γ). */
@Command(name = "risk", mixinStandardHelpOptions = true,
        description = {"Exact limiting ICL test loss of the reduced-Gamma model with Gamma = gamma*I.",
            "ISO: paper Result 1 (Marchenko-Pastur law, zero atom for alpha < 1), exact Gauss quadrature.",
            "FS/RRS: alpha = N = inf exact sum; finite width N (--width, --width-ratio) at alpha = inf: one-point",
            "density; finite alpha: two-point structured-Wishart / (E1)-(E3) contour; finite N and alpha with",
            "sigma > 0: Monte Carlo. The 'method' field names the regime.",
            "Floors (--depth inf --gamma inf, t = L = inf): --setting rrs --width N --alpha inf gives the width",
            "floor sum_k p_k z/(z+lambda_k), sum_k lambda_k/(lambda_k+z) = N; --width inf --alpha A (fs or rrs)",
            "gives the context floor (min-norm interpolation, with the 1/(1 - P^-1 sum lambda^2/(r+lambda)^2)",
            "correction and the noise term); both finite is refused."})
public final class RiskCommand extends Verb {

    @Mixin
    ModelOptions model;

    @Mixin
    SpectrumOptions structured;

    @Option(names = "--gamma", required = true, converter = Converters.GammaConverter.class,
            description = "Step-size scale gamma >= 0 (per-layer step gamma/L), opt, or inf (floors, with --depth inf).")
    Gamma gamma;

    @Override
    protected Report compute() {
        if (gamma.infinite()) {
            return floor();
        }
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

    /** γ = L = ∞: the width or context floor (notes §3.5), or 0 at α = N = ∞. */
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
